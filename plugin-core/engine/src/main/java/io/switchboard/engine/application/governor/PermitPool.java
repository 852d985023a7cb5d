package io.switchboard.engine.application.governor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's leased send slots, per channel account. A slot is used at most once, never before
 * its time, and thrown away once it is more than one interval old (a slot kept for later would let
 * this instance send a burst on top of the others' slots). When none is left, the next batch is
 * leased from {@link GovernorStore}: about {@code lease-window-ms} worth of the account's rate, so
 * a number at 1,000 messages a second costs an instance about ten row updates a second.
 */
@ApplicationScoped
public class PermitPool {
  @Inject GovernorStore store;
  @Inject GovernorSettings settings;

  private final Map<String, Local> byChannel = new ConcurrentHashMap<>();

  /**
   * A slot of {@code channelId} at {@code messagesPerSecond}, or why there is none.
   *
   * @param messagesPerSecond above zero
   */
  public Permit take(String channelId, int messagesPerSecond, Clock clock) {
    Local local = byChannel.computeIfAbsent(channelId, id -> new Local());
    synchronized (local) {
      long intervalUs = Math.max(1, (1_000_000L + messagesPerSecond - 1) / messagesPerSecond);
      while (true) {
        // read now after waiting for the lock and after each lease: a slot is judged stale or
        // not against the moment it is handed out
        long nowUs = Micros.of(clock.instant());
        while (local.remaining > 0 && local.intervalUs == intervalUs) {
          long slot = local.nextUs;
          local.nextUs += intervalUs;
          local.remaining--;
          if (slot >= nowUs - intervalUs) {
            return Permit.at(Micros.instant(Math.max(slot, nowUs)));
          }
          // stale: its time has passed while nobody here could use it
        }
        GovernorStore.Lease lease =
            store.lease(
                channelId,
                intervalUs,
                batch(messagesPerSecond),
                nowUs,
                Micros.of(settings.maxInlineWait()));
        if (lease.pause() != null) {
          return Permit.paused(lease.pause());
        }
        if (lease.notBeforeUs() != null) {
          return Permit.notBefore(Micros.instant(lease.notBeforeUs()));
        }
        local.nextUs = lease.slots().firstUs();
        local.intervalUs = intervalUs;
        local.remaining = lease.slots().count();
      }
    }
  }

  /** Drops the slots this instance holds for an account (it was paused). */
  public void forget(String channelId) {
    Local local = byChannel.get(channelId);
    if (local != null) {
      synchronized (local) {
        local.remaining = 0;
      }
    }
  }

  private int batch(int messagesPerSecond) {
    long perWindow = messagesPerSecond * settings.leaseWindow().toMillis() / 1000;
    return (int) Math.max(1, Math.min(perWindow, 1000));
  }

  private static final class Local {
    long nextUs;
    long intervalUs;
    int remaining;
  }
}
