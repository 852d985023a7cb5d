package io.switchboard.spi;

import java.util.List;

/** Configuration values a plugin cannot work with; {@link #problems()} lists each one. */
public class InvalidConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, one sentence naming the option. */
  public List<String> problems() {
    return problems;
  }
}
