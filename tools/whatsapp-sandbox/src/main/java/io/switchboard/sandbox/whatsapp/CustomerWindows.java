package io.switchboard.sandbox.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each customer last wrote to the business: the start of the 24-hour customer service window
 * in which free-form (non-template) messages are allowed. Tests can move it back. Thread-safe.
 */
public final class CustomerWindows {
  private final Map<WaId, Instant> lastMessageAt = new HashMap<>();

  /** The customer wrote at {@code at}. */
  public synchronized void customerWrote(WaId customer, Instant at) {
    lastMessageAt.put(customer, at);
  }

  /** When the customer last wrote, if ever. */
  public synchronized Optional<Instant> lastMessageAt(WaId customer) {
    return Optional.ofNullable(lastMessageAt.get(customer));
  }

  /** Whether a free-form message to {@code customer} at {@code now} is inside the window. */
  public synchronized boolean isOpen(WaId customer, Instant now, Duration window) {
    Instant last = lastMessageAt.get(customer);
    return last != null && !last.plus(window).isBefore(now);
  }
}
