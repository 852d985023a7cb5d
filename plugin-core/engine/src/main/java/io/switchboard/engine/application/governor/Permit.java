package io.switchboard.engine.application.governor;

import java.time.Instant;

/**
 * The account's answer to "may I send now": a slot to send at (now or in a moment), or a pause, or
 * the earliest time worth asking again. Exactly one is set.
 *
 * @param slot send at or after this instant
 * @param pause the pause holding the account
 * @param notBefore every near slot is taken (by other instances): ask again then
 */
public record Permit(Instant slot, AccountPause pause, Instant notBefore) {
  static Permit at(Instant slot) {
    return new Permit(slot, null, null);
  }

  static Permit paused(AccountPause pause) {
    return new Permit(null, pause, null);
  }

  static Permit notBefore(Instant when) {
    return new Permit(null, null, when);
  }

  /** Whether the send may go (at {@link #slot()}). */
  public boolean granted() {
    return slot != null;
  }
}
