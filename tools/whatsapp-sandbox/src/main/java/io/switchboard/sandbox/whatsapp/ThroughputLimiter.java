package io.switchboard.sandbox.whatsapp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The business number's throughput (Meta: 80 messages per second by default, error 130429 above
 * it), measured over a sliding 1 s window: a send is refused when the sends accepted in the last
 * 1000 ms already reach {@link SendLimitSettings#sendsPerWindow()} (the rate plus a small
 * tolerance, since Meta documents no exact burst rule). Thread-safe.
 */
final class ThroughputLimiter {
  private static final long WINDOW_MILLIS = 1000;

  private final int sendsPerWindow;
  private final Deque<Long> accepted = new ArrayDeque<>();

  ThroughputLimiter(int sendsPerWindow) {
    this.sendsPerWindow = sendsPerWindow;
  }

  /** Takes one send at {@code nowMillis} if the window has room; false if it is full. */
  synchronized boolean tryAcquire(long nowMillis) {
    while (!accepted.isEmpty() && accepted.peekFirst() <= nowMillis - WINDOW_MILLIS) {
      accepted.removeFirst();
    }
    if (accepted.size() >= sendsPerWindow) {
      return false;
    }
    accepted.addLast(nowMillis);
    return true;
  }
}
