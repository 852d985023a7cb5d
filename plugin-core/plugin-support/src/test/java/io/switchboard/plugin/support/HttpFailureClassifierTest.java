package io.switchboard.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailureClassifierTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final HttpFailureClassifier failures =
      new HttpFailureClassifier(new RetryAfter(NOW, Duration.ofMinutes(10)));

  @ParameterizedTest
  @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 599})
  @DisplayName("timeouts, rate limits and server errors are retryable")
  void retryable(int status) {
    assertThat(failures.classify(status, null, "HTTP " + status))
        .isInstanceOf(RetryableException.class)
        .hasMessage("HTTP " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 400, 401, 403, 404, 409, 410, 413, 422})
  @DisplayName("other statuses are permanent, with the status as code")
  void permanent(int status) {
    assertThat(failures.classify(status, "30", "HTTP " + status))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains(String.valueOf(status)));
  }

  @Test
  @DisplayName("Retry-After is honoured (seconds or date), capped, and ignored when garbled")
  void retryAfter() {
    assertThat(wait(503, "7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(wait(429, "Mon, 23 Nov 2026 10:00:42 GMT")).isEqualTo(Duration.ofSeconds(42));
    assertThat(wait(429, "604800")).isEqualTo(Duration.ofMinutes(10));
    assertThat(wait(503, "-1")).isNull();
    assertThat(wait(503, "later")).isNull();
    assertThat(wait(503, null)).isNull();
  }

  private Duration wait(int status, String header) {
    return ((RetryableException) failures.classify(status, header, "x")).retryAfter().orElse(null);
  }

  @Test
  @DisplayName("raise throws the classified failure with its checked type")
  void raise() {
    assertThatThrownBy(() -> failures.raise(503, "2", "busy"))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> failures.raise(404, null, "gone"))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  @DisplayName("a call without an answer (I/O error, timeout) is retryable and keeps its cause")
  void unanswered() {
    SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");
    assertThat(failures.unanswered("RT did not answer GET /ticket/1", timeout))
        .isInstanceOf(RetryableException.class)
        .hasCause(timeout)
        .hasMessageContaining("Read timed out");
  }
}
