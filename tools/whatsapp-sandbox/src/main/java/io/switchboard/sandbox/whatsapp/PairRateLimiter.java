package io.switchboard.sandbox.whatsapp;

import java.util.HashMap;
import java.util.Map;

/**
 * Meta's pair rate limit: about one message every 6 s from the business number to one customer,
 * with bursts tolerated that are "borrowed" from later sends (error 131056 when exceeded). Played
 * as a generic cell rate algorithm per customer: each accepted send pushes the customer's
 * theoretical arrival time one interval further; a send is refused while that time is more than
 * {@code burst - 1} intervals ahead. So {@code burst} messages may go back to back, then one per
 * interval. Thread-safe.
 */
final class PairRateLimiter {
  private final long intervalMillis;
  private final long toleranceMillis;
  private final Map<WaId, Long> theoreticalArrival = new HashMap<>();

  PairRateLimiter(long intervalMillis, int burst) {
    this.intervalMillis = intervalMillis;
    this.toleranceMillis = intervalMillis * (burst - 1L);
  }

  /** Takes one send to {@code customer} at {@code nowMillis}; false if over the pair limit. */
  synchronized boolean tryAcquire(WaId customer, long nowMillis) {
    long tat = Math.max(theoreticalArrival.getOrDefault(customer, nowMillis), nowMillis);
    if (tat - nowMillis > toleranceMillis) {
      return false;
    }
    theoreticalArrival.put(customer, tat + intervalMillis);
    return true;
  }
}
