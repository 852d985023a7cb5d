package io.switchboard.spi;

import java.util.Optional;

/**
 * A plugin's own check of one option value, beyond its {@link OptionType}.
 *
 * <pre>{@code
 * OptionValidator digits = v -> v.matches("[0-9]{1,30}")
 *     ? Optional.empty() : Optional.of("must be the numeric id, not the phone number");
 * }</pre>
 */
@FunctionalInterface
public interface OptionValidator {

  /**
   * @param value the trimmed, non-blank value, already valid for its type
   * @return empty when acceptable, otherwise why not (the engine prefixes the option name)
   */
  Optional<String> problemWith(String value);

  /** Accepts everything. */
  static OptionValidator none() {
    return v -> Optional.empty();
  }
}
