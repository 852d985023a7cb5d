package io.switchboard.sandbox.whatsapp;

import java.util.Locale;

/**
 * Where a message stands, as the phone page shows it. Business messages go {@code ACCEPTED -> SENT
 * -> DELIVERED -> READ}; customer messages go {@code PENDING -> DELIVERED} (the bridge answered
 * 200) {@code -> READ} (the bridge marked it read), or end {@code FAILED} (the bridge never
 * answered 200). A status never moves backwards.
 */
public enum MessageStatus {
  PENDING,
  ACCEPTED,
  SENT,
  DELIVERED,
  READ,
  FAILED;

  /** The lowercase name used in JSON and in Meta's status webhooks ({@code sent}, ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether moving from this status to {@code next} goes forward (sent < delivered < read). */
  public boolean canAdvanceTo(MessageStatus next) {
    if (this == FAILED || this == READ) {
      return false;
    }
    return next == FAILED || next.ordinal() > ordinal();
  }
}
