package io.switchboard.engine.ledger;

/**
 * A pending row that cannot proceed because an earlier row of its ordering key is quarantined.
 *
 * @param id the waiting row
 * @param orderingKey the conversation (or ticket) both rows belong to
 * @param behindId the quarantined row it waits behind
 */
public record WaitingRow(long id, String orderingKey, long behindId) {
  /** What the admin console shows for the waiting row. */
  public String reason() {
    return "waiting behind quarantined entry " + behindId;
  }
}
