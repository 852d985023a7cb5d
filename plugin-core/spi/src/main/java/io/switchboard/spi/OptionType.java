package io.switchboard.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The type of a {@link PluginOption} value; it checks a raw string value. */
public enum OptionType {
  /** Any text. */
  STRING,
  /** An absolute {@code http} or {@code https} URL. */
  URL,
  /** A whole number (Java {@code long}). */
  INTEGER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** An ISO-8601 duration such as {@code PT30S}. */
  DURATION;

  /**
   * Checks a raw value.
   *
   * @return empty when the value is valid, otherwise why it is not
   */
  public Optional<String> problemWith(String value) {
    try {
      switch (this) {
        case URL -> {
          URI uri = new URI(value);
          if (!uri.isAbsolute()
              || uri.getHost() == null
              || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Optional.of("must be an absolute http(s) URL");
          }
        }
        case INTEGER -> Long.parseLong(value.trim());
        case BOOLEAN -> {
          if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            return Optional.of("must be true or false");
          }
        }
        case DURATION -> Duration.parse(value.trim());
        case STRING -> {}
      }
      return Optional.empty();
    } catch (Exception e) {
      return Optional.of("is not a valid " + name().toLowerCase() + ": " + e.getMessage());
    }
  }
}
