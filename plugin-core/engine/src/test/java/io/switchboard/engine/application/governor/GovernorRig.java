package io.switchboard.engine.application.governor;

import io.switchboard.engine.application.health.ConnectionHealthBoard;
import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.channel.SendPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance's governor wired by hand over a real database, as the container would run it: the
 * store's methods in the transactions their {@code @Transactional} asks for, a clock the test moves
 * and a pacer that moves it instead of sleeping. Two rigs over one database are two instances.
 */
public final class GovernorRig {
  public final GovernorSettings settings = new GovernorSettings();
  public final GovernorStore store;
  public final PermitPool permits = new PermitPool();
  public final CountingMetrics metrics = new CountingMetrics();
  public final ConnectionHealthBoard health = new ConnectionHealthBoard();
  public final SendGovernor governor = new SendGovernor();

  public GovernorRig(TestTransactions tx, MutableClock clock, Outbox outbox) {
    settings.enabled = true;
    settings.leaseWindowMs = 100;
    settings.maxInlineWaitMs = 1000;
    settings.pairBurst = 2;
    settings.throughputPauseMs = 1000;
    settings.tokenRecheckMs = 60_000;
    store = store(tx);
    permits.store = store;
    permits.settings = settings;
    governor.settings = settings;
    governor.store = store;
    governor.permits = permits;
    governor.pacer = new ClockPacer(clock);
    governor.metrics = metrics;
    governor.outbox = outbox;
    governor.health = health;
    governor.clock = clock;
  }

  /** Replaces the pacer (e.g. one that records the slot instead of moving the clock). */
  public void pacer(Pacer pacer) {
    governor.pacer = pacer;
  }

  /** WhatsApp's policy with this rate and the 6 s pair interval. */
  public static SendPolicy policy(int messagesPerSecond) {
    return new SendPolicy(
        Set.of("text"),
        Set.of("text"),
        List.of(),
        SendPolicy.OutsideWindows.TEMPLATES_ONLY,
        messagesPerSecond,
        Duration.ofSeconds(6),
        4096,
        Map.of());
  }

  private static GovernorStore store(TestTransactions tx) {
    GovernorStore store =
        new GovernorStore() {
          @Override
          public Lease lease(
              String channelId, long intervalUs, int count, long nowUs, long maxLeadUs) {
            return tx.requiresNew(
                () -> super.lease(channelId, intervalUs, count, nowUs, maxLeadUs));
          }

          @Override
          public PairAnswer reservePair(
              String channelId, String recipient, long intervalUs, long toleranceUs, long nowUs) {
            return tx.requiresNew(
                () -> super.reservePair(channelId, recipient, intervalUs, toleranceUs, nowUs));
          }

          @Override
          public void releasePair(
              String channelId, String recipient, long reservedUs, long previousUs) {
            tx.requiresNew(
                () -> {
                  super.releasePair(channelId, recipient, reservedUs, previousUs);
                  return null;
                });
          }

          @Override
          public void holdPair(String channelId, String recipient, long untilUs) {
            tx.requiresNew(
                () -> {
                  super.holdPair(channelId, recipient, untilUs);
                  return null;
                });
          }

          @Override
          public void pause(
              String channelId,
              String cause,
              Long untilUs,
              String reason,
              String code,
              long nowUs) {
            tx.requiresNew(
                () -> {
                  super.pause(channelId, cause, untilUs, reason, code, nowUs);
                  return null;
                });
          }

          @Override
          public boolean clearTokenPause(String channelId) {
            return tx.requiresNew(() -> super.clearTokenPause(channelId));
          }

          @Override
          public Optional<AccountPause> pause(String channelId, long nowUs) {
            return tx.required(() -> super.pause(channelId, nowUs));
          }

          @Override
          public Optional<Throttle> lastThrottle(String channelId) {
            return tx.required(() -> super.lastThrottle(channelId));
          }
        };
    store.em = tx.entityManager();
    return store;
  }

  /** Waits by moving the test's clock to the slot. */
  public static final class ClockPacer extends Pacer {
    private final MutableClock clock;

    public ClockPacer(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void waitUntil(Instant slot, Clock ignored) {
      Duration wait = Duration.between(clock.instant(), slot);
      if (!wait.isNegative()) {
        clock.advance(wait);
      }
    }
  }

  /** Counts deferrals by cause and throttling answers by code, instead of a MetricRegistry. */
  public static final class CountingMetrics extends GovernorMetrics {
    final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

    @Override
    public void deferred(String channelId, String cause) {
      deferred.computeIfAbsent(cause, c -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void throttled(String channelId, String code) {
      throttled.computeIfAbsent(String.valueOf(code), c -> new AtomicInteger()).incrementAndGet();
    }

    public int deferred(String cause) {
      AtomicInteger n = deferred.get(cause);
      return n == null ? 0 : n.get();
    }
  }
}
