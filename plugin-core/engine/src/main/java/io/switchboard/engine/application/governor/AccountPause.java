package io.switchboard.engine.application.governor;

import java.time.Instant;

/**
 * Why every send of one channel account waits now.
 *
 * <pre>{@code
 * new AccountPause(AccountPause.THROUGHPUT, until, since, "130429 throughput limit reached")
 * }</pre>
 *
 * @param cause {@link #THROUGHPUT} (Meta 130429), {@link #SPAM} (131048) or {@link #TOKEN} (the
 *     access token was rejected, 190: until the account is reconfigured)
 * @param until when the pause ends by itself, or {@code null} for {@link #TOKEN}
 * @param since when it began
 * @param reason what the channel said, for admins
 */
public record AccountPause(String cause, Instant until, Instant since, String reason) {
  /** Meta's throughput limit of the number (130429): a short pause. */
  public static final String THROUGHPUT = "THROUGHPUT";

  /** Meta's spam rate limit (131048): a longer pause. */
  public static final String SPAM = "SPAM";

  /** The access token was rejected (190): paused until the configuration is replaced. */
  public static final String TOKEN = "TOKEN";

  /** Whether it holds sends at {@code now}. */
  public boolean holdsAt(Instant now) {
    return until == null || now.isBefore(until);
  }
}
