package io.switchboard.engine.ledger;

import java.time.Instant;

/**
 * An effect that must wait before it may run, and has not failed: a send over its account's rate or
 * its customer's pair limit, or held by a pause of the account (Meta throttling, a rejected token).
 * The dispatcher records it with {@link Outbox#defer}: the entry is pending again at {@link
 * #until()}, no attempt is counted, it never goes to quarantine for it, and only its own ordering
 * key waits behind it.
 *
 * <pre>{@code
 * throw new DeferredException(clock.instant().plusSeconds(6), "pair limit: one message per 6 s");
 * }</pre>
 */
public final class DeferredException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Instant until;

  /**
   * @param until when the effect may be tried again
   * @param reason why it waits, kept on the entry (short: it is shown to admins)
   */
  public DeferredException(Instant until, String reason) {
    super(reason, null, false, false);
    this.until = until;
  }

  /** When the effect may be tried again. */
  public Instant until() {
    return until;
  }
}
