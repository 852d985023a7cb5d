package io.switchboard.engine.application.governor;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed send means for the governor, by Meta's code: 130429 (throughput) pauses the whole
 * number briefly, 131048 (spam rate limit) pauses it longer, 131056 (pair) holds that customer for
 * at least the pair interval, and an {@code AUTH_FAILED} refusal (190, token expired or revoked)
 * pauses the number until its configuration is replaced. A longer {@code Retry-After} always wins.
 * Other failures are not the governor's: they are retried or quarantined as before.
 *
 * @param kind what to hold: the account, the pair, or the account for its token
 * @param cause the {@link AccountPause} cause (account pauses only)
 * @param code the channel's error code, or {@code null}
 * @param delay how long (not for {@link Kind#TOKEN})
 * @param message the channel's message
 */
record Backoff(Kind kind, String cause, String code, Duration delay, String message) {

  /** What a backoff holds. */
  enum Kind {
    ACCOUNT,
    PAIR,
    TOKEN
  }

  // The SPI's RetryableException carries no vendor code; the WhatsApp connector writes it into
  // the message ("HTTP 429, code 130429: ..."), GraphApiFailureClassifier.describe.
  private static final Pattern CODE = Pattern.compile("\\bcode (\\d+)\\b");

  static Optional<Backoff> of(PluginException failure, GovernorSettings settings, Duration pair) {
    if (failure instanceof PermanentException p && p.reason() == FailureReason.AUTH_FAILED) {
      return Optional.of(
          new Backoff(Kind.TOKEN, AccountPause.TOKEN, p.code().orElse(null), null, p.getMessage()));
    }
    if (!(failure instanceof RetryableException r) || r.reason() != FailureReason.RATE_LIMITED) {
      return Optional.empty();
    }
    String code = code(r.getMessage()).orElse(null);
    if ("130429".equals(code)) {
      return Optional.of(account(AccountPause.THROUGHPUT, code, settings.throughputPause(), r));
    }
    if ("131048".equals(code)) {
      return Optional.of(account(AccountPause.SPAM, code, settings.spamPause(), r));
    }
    if ("131056".equals(code)) {
      return Optional.of(new Backoff(Kind.PAIR, null, code, longer(pair, r), r.getMessage()));
    }
    return Optional.empty();
  }

  /** Meta's error code in a connector's failure message, if it names one. */
  static Optional<String> code(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = CODE.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static Backoff account(String cause, String code, Duration wait, RetryableException r) {
    return new Backoff(Kind.ACCOUNT, cause, code, longer(wait, r), r.getMessage());
  }

  private static Duration longer(Duration wait, RetryableException r) {
    return r.retryAfter().filter(d -> d.compareTo(wait) > 0).orElse(wait);
  }
}
