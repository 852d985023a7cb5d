package io.switchboard.engine.application.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media settings: {@code switchboard.media.max-bytes}, {@code .link-lifetime}, {@code
 * .retention} (the store and its directory are read by the stores themselves).
 */
@ApplicationScoped
public class MediaSettings {
  public static final long DEFAULT_MAX_BYTES = 104_857_600L;

  @Inject
  @ConfigProperty(name = "switchboard.media.max-bytes", defaultValue = "104857600")
  long maxBytes = DEFAULT_MAX_BYTES;

  @Inject
  @ConfigProperty(name = "switchboard.media.link-lifetime", defaultValue = "PT15M")
  String linkLifetime = "PT15M";

  @Inject
  @ConfigProperty(name = "switchboard.media.retention", defaultValue = "P90D")
  String retention = "P90D";

  public MediaSettings() {}

  /** Given values (tests, tools). */
  public MediaSettings(long maxBytes, String linkLifetime, String retention) {
    this.maxBytes = maxBytes;
    this.linkLifetime = linkLifetime;
    this.retention = retention;
  }

  /** The largest file accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** How long a signed link works. */
  public Duration linkLifetime() {
    return positive(linkLifetime, "switchboard.media.link-lifetime");
  }

  /** How long the bytes of a fetched file are kept. */
  public Duration retention() {
    return positive(retention, "switchboard.media.retention");
  }

  static Duration positive(String value, String key) {
    try {
      Duration d = Duration.parse(value.trim());
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException(key + "=" + value + " must be a positive duration");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          key + "=" + value + " is not an ISO-8601 duration (e.g. PT15M, P90D)", e);
    }
  }
}
