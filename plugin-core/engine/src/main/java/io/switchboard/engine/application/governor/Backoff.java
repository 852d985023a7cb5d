package io.switchboard.engine.application.governor;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import java.time.Duration;
import java.util.Optional;

/**
 * What a failed send means for the governor, by the neutral reason the connector gives: {@code
 * RATE_LIMITED} (the number's throughput, a spam cap: WhatsApp 130429, 131048) pauses the whole
 * number for {@code throughput-pause-ms} or the channel's longer retry-after (the WhatsApp
 * connector asks a minute for the spam cap); {@code RECIPIENT_RATE_LIMITED} (WhatsApp's pair limit,
 * 131056) holds that customer for at least the pair interval; an {@code AUTH_FAILED} refusal (190,
 * token expired or revoked) pauses the number until its configuration is replaced. The channel's
 * code is kept for admins only. Other failures are not the governor's: they are retried or
 * quarantined as before.
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

  static Optional<Backoff> of(PluginException failure, GovernorSettings settings, Duration pair) {
    if (failure instanceof PermanentException p && p.reason() == FailureReason.AUTH_FAILED) {
      return Optional.of(
          new Backoff(Kind.TOKEN, AccountPause.TOKEN, p.code().orElse(null), null, p.getMessage()));
    }
    if (!(failure instanceof RetryableException r)) {
      return Optional.empty();
    }
    String code = r.code().orElse(null);
    if (r.reason() == FailureReason.RECIPIENT_RATE_LIMITED) {
      return Optional.of(new Backoff(Kind.PAIR, null, code, longer(pair, r), r.getMessage()));
    }
    if (r.reason() == FailureReason.RATE_LIMITED) {
      return Optional.of(
          new Backoff(
              Kind.ACCOUNT,
              AccountPause.THROUGHPUT,
              code,
              longer(settings.throughputPause(), r),
              r.getMessage()));
    }
    return Optional.empty();
  }

  private static Duration longer(Duration wait, RetryableException r) {
    return r.retryAfter().filter(d -> d.compareTo(wait) > 0).orElse(wait);
  }
}
