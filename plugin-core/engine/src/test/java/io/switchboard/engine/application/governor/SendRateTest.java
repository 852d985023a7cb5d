package io.switchboard.engine.application.governor;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.ledger.DeferredException;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.engine.ledger.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-number rate over simulated seconds: one or two governors (instances) over one H2
 * database, each sending as fast as its slots let it, on a clock the test moves millisecond by
 * millisecond.
 */
class SendRateTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
  private final TestDatabase db = new TestDatabase();
  private final TestTransactions tx = db.transactions();
  private final Outbox outbox = LedgerBeans.outbox(tx, clock);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName(
      "80 messages/s: 10 simulated seconds send 800 (±1), never more than 82 in any second")
  void rateHolds() {
    List<Instant> sends =
        new RateSimulation(clock, List.of(instance()), 80).run(Duration.ofSeconds(10));

    assertThat(sends).hasSizeBetween(799, 801);
    assertThat(RateSimulation.maxInAnyWindow(sends, Duration.ofSeconds(1))).isLessThanOrEqualTo(82);
  }

  @Test
  @DisplayName("1,000 messages/s: the rate holds within 1 % and no second has more than 1,002")
  void highRateHolds() {
    List<Instant> sends =
        new RateSimulation(clock, List.of(instance()), 1000).run(Duration.ofSeconds(3));

    assertThat(sends).hasSizeBetween(2970, 3001);
    assertThat(RateSimulation.maxInAnyWindow(sends, Duration.ofSeconds(1)))
        .isLessThanOrEqualTo(1002);
  }

  @Test
  @DisplayName("after a quiet minute a burst of 500 sends is paced, not let through at once")
  void burstIsBounded() {
    GovernorRig rig = new GovernorRig(tx, clock, outbox);
    rig.governor.admit("wa", GovernorRig.policy(80), "warm-up");
    clock.advance(Duration.ofMinutes(1));
    Instant start = clock.instant();
    List<Instant> sends = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rig.governor.admit("wa", GovernorRig.policy(80), "c" + i); // the pacer waits for the slot
      sends.add(clock.instant());
    }

    assertThat(RateSimulation.maxInAnyWindow(sends, Duration.ofSeconds(1))).isLessThanOrEqualTo(81);
    assertThat(Duration.between(start, sends.get(499)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(6200));
    assertThat(rig.metrics.deferred).isEmpty(); // waits of a slot ahead are no deferrals
  }

  @Test
  @DisplayName("two instances on one database share the 80/s: together 800 (±2) in 10 s")
  void twoInstancesShareTheLimit() {
    List<Instant> sends =
        new RateSimulation(clock, List.of(instance(), instance()), 80).run(Duration.ofSeconds(10));

    assertThat(sends).hasSizeBetween(798, 802);
    assertThat(RateSimulation.maxInAnyWindow(sends, Duration.ofSeconds(1))).isLessThanOrEqualTo(82);
  }

  @Test
  @DisplayName("a lease takes about 100 ms of the rate: 1,000/s costs ~10 row updates a second")
  void leasesAreBatches() {
    CountingStore counting = new CountingStore();
    GovernorRig rig = instance();
    counting.wrap(rig);
    new RateSimulation(clock, List.of(rig), 1000).run(Duration.ofSeconds(2));

    assertThat(counting.leases).isBetween(18, 24);
  }

  private GovernorRig instance() {
    return new GovernorRig(tx, clock, outbox);
  }

  /** Counts the leases of one rig by wrapping its permit pool's store. */
  private static final class CountingStore {
    int leases;

    void wrap(GovernorRig rig) {
      GovernorStore inner = rig.permits.store;
      rig.permits.store =
          new GovernorStore() {
            @Override
            public Lease lease(
                String channelId, long intervalUs, int count, long nowUs, long maxLeadUs) {
              leases++;
              return inner.lease(channelId, intervalUs, count, nowUs, maxLeadUs);
            }
          };
    }
  }

  /**
   * Instances with endless demand: each sends whenever it is not waiting for its last slot; the
   * pacer records the slot (the moment the send goes) instead of moving the shared clock.
   */
  static final class RateSimulation {
    private final MutableClock clock;
    private final List<GovernorRig> instances;
    private final int rate;
    private int next;

    private final String channel;

    RateSimulation(MutableClock clock, List<GovernorRig> instances, int rate) {
      this(clock, instances, rate, "wa");
    }

    RateSimulation(MutableClock clock, List<GovernorRig> instances, int rate, String channel) {
      this.clock = clock;
      this.instances = instances;
      this.rate = rate;
      this.channel = channel;
    }

    List<Instant> run(Duration total) {
      List<Instant> sends = new ArrayList<>();
      Instant end = clock.instant().plus(total);
      List<Recording> pacers = new ArrayList<>();
      List<Instant> busyUntil = new ArrayList<>();
      for (GovernorRig rig : instances) {
        Recording pacer = new Recording();
        rig.pacer(pacer);
        pacers.add(pacer);
        busyUntil.add(clock.instant());
      }
      while (clock.instant().isBefore(end)) {
        for (int i = 0; i < instances.size(); i++) {
          while (!busyUntil.get(i).isAfter(clock.instant())) {
            try {
              instances.get(i).governor.admit(channel, GovernorRig.policy(rate), "c" + next++);
              Instant at = pacers.get(i).slot;
              if (at.isBefore(end)) {
                sends.add(at);
              }
              busyUntil.set(i, at.plusNanos(1));
            } catch (DeferredException e) {
              busyUntil.set(i, e.until());
            }
          }
        }
        clock.advance(Duration.ofMillis(1));
      }
      sends.sort(null);
      return sends;
    }

    /** The most sends in any window of this length (sorted input). */
    static int maxInAnyWindow(List<Instant> sorted, Duration window) {
      int max = 0;
      int from = 0;
      for (int to = 0; to < sorted.size(); to++) {
        while (!sorted.get(from).plus(window).isAfter(sorted.get(to))) {
          from++;
        }
        max = Math.max(max, to - from + 1);
      }
      return max;
    }
  }

  /** Records the slot a send waits for; the simulation decides when time passes. */
  static final class Recording extends Pacer {
    Instant slot;

    @Override
    public void waitUntil(Instant slot, Clock clock) {
      this.slot = slot.isBefore(clock.instant()) ? clock.instant() : slot;
    }
  }
}
