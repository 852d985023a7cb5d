package io.switchboard.sandbox.whatsapp;

import java.time.Duration;

/**
 * The limits Meta enforces on a business number's sends, as the sandbox plays them.
 *
 * @param messagesPerSecond throughput of the number (error 130429 above it)
 * @param throughputBurstPercent how far above {@code messagesPerSecond} one 1 s window may go
 * @param pairInterval one message per this interval to one customer, on average (error 131056)
 * @param pairBurst how many messages to one customer may go out back to back
 * @param serviceWindow how long after the customer's last message free-form messages are allowed;
 *     {@link Duration#ZERO} turns the check off
 * @param windowErrorMode how a send outside the window fails
 */
public record SendLimitSettings(
    int messagesPerSecond,
    int throughputBurstPercent,
    Duration pairInterval,
    int pairBurst,
    Duration serviceWindow,
    WindowErrorMode windowErrorMode) {

  /** How error 131047 reaches the bridge. */
  public enum WindowErrorMode {
    /** As the Cloud API does: the send is answered 200, then a {@code failed} status follows. */
    WEBHOOK,
    /** Refused at once with a 400 carrying code 131047 (handy for tests). */
    SYNC
  }

  /** The most sends accepted in any 1 s window. */
  public int sendsPerWindow() {
    return messagesPerSecond + messagesPerSecond * throughputBurstPercent / 100;
  }

  /** Whether the customer service window is checked at all. */
  public boolean enforcesServiceWindow() {
    return !serviceWindow.isZero();
  }
}
