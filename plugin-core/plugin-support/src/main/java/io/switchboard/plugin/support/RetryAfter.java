package io.switchboard.plugin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 10.2.3): delay seconds or an HTTP-date,
 * relative to an injected clock, and never longer than a cap, so that a remote system cannot park
 * an outbox entry for days with one header.
 *
 * <pre>{@code
 * RetryAfter retryAfter = new RetryAfter(clock, Duration.ofMinutes(10));
 * Optional<Duration> wait = retryAfter.parse(response.getFirstHeader("Retry-After").getValue());
 * }</pre>
 */
public final class RetryAfter {
  /** The cap when a plugin has no better one: the engine's own longest backoff. */
  public static final Duration DEFAULT_MAX = Duration.ofMinutes(10);

  private final Clock clock;
  private final Duration max;

  /**
   * @param clock the plugin's clock ({@code PluginContext.clock()})
   * @param max the longest wait a header may ask for; longer ones are cut to it
   */
  public RetryAfter(Clock clock, Duration max) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (max == null || max.isNegative()) {
      throw new IllegalArgumentException("the cap must be zero or positive: " + max);
    }
    this.max = max;
  }

  /** With {@link #DEFAULT_MAX} as the cap. */
  public RetryAfter(Clock clock) {
    this(clock, DEFAULT_MAX);
  }

  /**
   * The wait the header asks for, at most the cap; empty when the header is absent, negative or
   * garbled. An HTTP-date in the past means no wait ({@link Duration#ZERO}).
   */
  public Optional<Duration> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More digits than a long holds is still "a very long time": the cap.
      return Optional.of(
          value.length() > 18 ? max : capped(Duration.ofSeconds(Long.parseLong(value))));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait));
    } catch (DateTimeParseException garbled) {
      return Optional.empty();
    }
  }

  private Duration capped(Duration wait) {
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
