package io.switchboard.sync;

import java.util.List;

/** A mapping file that cannot be read, with every problem found (path in the file and reason). */
public class MappingFileException extends Exception {
  private final List<String> problems;

  public MappingFileException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
