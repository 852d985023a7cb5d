package io.switchboard.sandbox.whatsapp;

import java.time.Clock;

/**
 * Meta's limits on business sends, checked in this order: the 24-hour customer service window for
 * non-template messages (131047), the number's throughput (130429), the pair rate limit to the
 * customer (131056). A refusal is thrown; a closed window in {@code webhook} mode is not a refusal
 * but a failure after acceptance, which the caller schedules.
 */
final class SendGate {
  private final SendLimitSettings limits;
  private final Clock clock;
  private final CustomerWindows windows;
  private final ThroughputLimiter throughput;
  private final PairRateLimiter pairs;

  SendGate(SendLimitSettings limits, Clock clock, CustomerWindows windows) {
    this.limits = limits;
    this.clock = clock;
    this.windows = windows;
    this.throughput = new ThroughputLimiter(limits.sendsPerWindow());
    this.pairs = new PairRateLimiter(limits.pairInterval().toMillis(), limits.pairBurst());
  }

  /**
   * Lets one send to {@code recipient} through, or throws the refusal.
   *
   * @return the failure it will get after acceptance (a closed window in webhook mode), or null
   */
  WhatsAppErrorCatalog.Entry admit(WaId recipient, boolean template) {
    WhatsAppErrorCatalog.Entry windowFailure = null;
    if (!template
        && limits.enforcesServiceWindow()
        && !windows.isOpen(recipient, clock.instant(), limits.serviceWindow())) {
      windowFailure = WhatsAppErrorCatalog.of(131047);
      if (limits.windowErrorMode() == SendLimitSettings.WindowErrorMode.SYNC) {
        throw refuse(windowFailure);
      }
    }
    long now = clock.millis();
    if (!throughput.tryAcquire(now)) {
      throw refuse(WhatsAppErrorCatalog.of(130429));
    }
    if (!pairs.tryAcquire(recipient, now)) {
      throw refuse(WhatsAppErrorCatalog.of(131056));
    }
    return windowFailure;
  }

  private static GraphRefusal refuse(WhatsAppErrorCatalog.Entry error) {
    return new GraphRefusal(error.toGraphError());
  }
}
