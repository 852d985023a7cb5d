package io.switchboard.engine.ledger;

/** Where a ledger row (inbound event or outbox entry) stands. */
public enum LedgerStatus {
  /** Waiting to be processed (possibly after a failed attempt, see next_attempt_at). */
  PENDING,
  /** Claimed by a worker (outbox only; the lease, held by lease_token, ends at lease_until). */
  IN_FLIGHT,
  /**
   * Inbound only: an event for a channel account nobody configured yet; kept with the reason and
   * released to {@code PENDING} when that account is added (never dropped, never retried blindly).
   */
  PARKED,
  /** Processed; its effect happened once. */
  DONE,
  /**
   * Set aside with a reason after a permanent failure, a poison event or the end of the retry
   * horizon; replayable. It keeps blocking the later rows of its ordering key until it is replayed
   * or skipped, so a conversation is never silently reordered.
   */
  QUARANTINED,
  /**
   * A quarantined row an admin gave up on: its effect will never happen, and the later rows of its
   * ordering key proceed. Final, like {@link #DONE}.
   */
  SKIPPED
}
