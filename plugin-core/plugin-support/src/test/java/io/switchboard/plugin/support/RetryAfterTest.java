package io.switchboard.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final RetryAfter retryAfter = new RetryAfter(NOW, Duration.ofMinutes(10));

  @Test
  @DisplayName("delta seconds are taken as they are, up to the cap")
  void seconds() {
    assertThat(retryAfter.parse("120")).contains(Duration.ofSeconds(120));
    assertThat(retryAfter.parse(" 0 ")).contains(Duration.ZERO);
    assertThat(retryAfter.parse("86400")).contains(Duration.ofMinutes(10));
    assertThat(retryAfter.parse("99999999999999999999999")).contains(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("an HTTP-date is measured from the injected clock; a past date means now")
  void httpDate() {
    assertThat(retryAfter.parse("Mon, 23 Nov 2026 10:01:30 GMT")).contains(Duration.ofSeconds(90));
    assertThat(retryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT")).contains(Duration.ZERO);
    assertThat(retryAfter.parse("Tue, 24 Nov 2026 10:00:00 GMT")).contains(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("absent, negative or garbled headers give no hint")
  void garbled() {
    assertThat(retryAfter.parse(null)).isEmpty();
    assertThat(retryAfter.parse("")).isEmpty();
    assertThat(retryAfter.parse("  ")).isEmpty();
    assertThat(retryAfter.parse("soon")).isEmpty();
    assertThat(retryAfter.parse("-5")).isEmpty();
    assertThat(retryAfter.parse("+5")).isEmpty();
    assertThat(retryAfter.parse("1.5")).isEmpty();
    assertThat(retryAfter.parse("٣")).isEmpty(); // Arabic-Indic digit: not an HTTP delay
    assertThat(retryAfter.parse("Mon, 32 Nov 2026 10:00:00 GMT")).isEmpty();
  }

  @Test
  @DisplayName("the default cap is the engine's longest backoff")
  void defaultCap() {
    assertThat(new RetryAfter(NOW).parse("100000")).contains(RetryAfter.DEFAULT_MAX);
  }
}
