package io.switchboard.engine.application.governor;

import java.time.Instant;

/**
 * Why every send of one channel account waits now.
 *
 * <pre>{@code
 * new AccountPause(AccountPause.THROUGHPUT, until, since, "130429 throughput limit reached")
 * }</pre>
 *
 * @param cause {@link #THROUGHPUT} (the channel throttles the whole number: WhatsApp 130429, or
 *     131048 for a minute) or {@link #TOKEN} (the access token was rejected, 190: until the account
 *     is reconfigured)
 * @param until when the pause ends by itself, or {@code null} for {@link #TOKEN}
 * @param since when it began
 * @param reason what the channel said, for admins
 */
public record AccountPause(String cause, Instant until, Instant since, String reason) {
  /** The channel throttles the number ({@code RATE_LIMITED}): as long as it asks, at least 1 s. */
  public static final String THROUGHPUT = "THROUGHPUT";

  /** The access token was rejected (190): paused until the configuration is replaced. */
  public static final String TOKEN = "TOKEN";

  /** Whether it holds sends at {@code now}. */
  public boolean holdsAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
