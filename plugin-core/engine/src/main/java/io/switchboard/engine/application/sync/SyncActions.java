package io.switchboard.engine.application.sync;

/** The outbox actions of the field sync. */
public final class SyncActions {
  /**
   * Write a customer's mapped fields into one CRM connection: their requester and the tickets of
   * their open conversations there. The subject is the customer; the values and what changed are
   * read when the effect runs, so one effect covers every change made before it ran.
   */
  public static final String SYNC_TO_CRM = "SYNC_TO_CRM";

  /** Give a conversation's ticket to the agent (and team) the bridge assigned it to. */
  public static final String ASSIGN_IN_CRM = "ASSIGN_IN_CRM";

  private SyncActions() {}
}
