package io.switchboard.engine.application.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.ThrowawayPostgres;
import io.switchboard.engine.ledger.DeferredException;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.engine.ledger.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two governor instances on one real PostgreSQL database (a throw-away one on 127.0.0.1:5432) share
 * one number's limit: on a simulated clock, and with real threads racing for the account row's
 * lock. Skipped, and said so, when that PostgreSQL does not answer.
 */
class SharedLimitPostgresTest {
  private static ThrowawayPostgres pg;

  @BeforeAll
  static void start() {
    assumeTrue(ThrowawayPostgres.available(), "no PostgreSQL on 127.0.0.1:5432 (database test)");
    pg = new ThrowawayPostgres();
  }

  @AfterAll
  static void stop() {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  @DisplayName("simulated: two instances at 80/s together send 800 (±2) in 10 s, ≤ 82 per second")
  void twoInstancesShareTheLimit() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    TestTransactions tx = pg.transactions();
    Outbox outbox = LedgerBeans.outbox(tx, clock);
    List<GovernorRig> instances =
        List.of(new GovernorRig(tx, clock, outbox), new GovernorRig(tx, clock, outbox));

    List<Instant> sends =
        new SendRateTest.RateSimulation(clock, instances, 80, "sim").run(Duration.ofSeconds(10));

    assertThat(sends).hasSizeBetween(798, 802);
    assertThat(SendRateTest.RateSimulation.maxInAnyWindow(sends, Duration.ofSeconds(1)))
        .isLessThanOrEqualTo(82);
  }

  @Test
  @DisplayName("real threads: 2 instances x 3 threads never get more than rate + 2 in any second")
  void racingInstancesNeverOvershoot() throws InterruptedException {
    Clock clock = Clock.systemUTC();
    TestTransactions tx = pg.transactions();
    Outbox outbox = LedgerBeans.outbox(tx, clock);
    int rate = 100;
    List<Instant> granted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger deferred = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    Instant end = clock.instant().plusMillis(2500);
    for (int i = 0; i < 2; i++) {
      GovernorRig rig = new GovernorRig(tx, new MutableClock(clock.instant()), outbox);
      rig.governor.clock = clock;
      ThreadLocal<Instant> slot = new ThreadLocal<>();
      rig.pacer(
          new Pacer() {
            @Override
            public void waitUntil(Instant s, Clock c) {
              Instant now = c.instant();
              slot.set(s.isBefore(now) ? now : s);
            }
          });
      for (int t = 0; t < 3; t++) {
        int thread = i * 3 + t;
        threads.execute(
            () -> {
              int n = 0;
              while (clock.instant().isBefore(end)) {
                try {
                  rig.governor.admit("wa-race", GovernorRig.policy(rate), "t" + thread + "-" + n++);
                  granted.add(slot.get());
                  sleepUntil(slot.get(), clock); // the send goes at its slot
                } catch (DeferredException e) {
                  deferred.incrementAndGet();
                  sleepUntil(e.until(), clock);
                }
              }
            });
      }
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<Instant> sorted = new ArrayList<>(granted);
    sorted.sort(null);
    assertThat(SendRateTest.RateSimulation.maxInAnyWindow(sorted, Duration.ofSeconds(1)))
        .isLessThanOrEqualTo(rate + 2);
    assertThat(sorted.size()).as("granted in 2.5 s").isGreaterThan(rate); // they did race
  }

  @Test
  @DisplayName("a token pause (no end) and its clearing work on PostgreSQL, which types null binds")
  void tokenPauseOnPostgres() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    TestTransactions tx = pg.transactions();
    GovernorRig rig = new GovernorRig(tx, clock, LedgerBeans.outbox(tx, clock));
    SendGovernor.Admission admission =
        rig.governor.admit("wa-token", GovernorRig.policy(80), "kerry");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                rig.governor.failed(
                    admission,
                    new io.switchboard.spi.PermanentException(
                        "token expired",
                        null,
                        "190",
                        io.switchboard.spi.FailureReason.AUTH_FAILED)))
        .isInstanceOf(io.switchboard.engine.ledger.DeferredException.class);
    assertThat(rig.governor.pause("wa-token"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.cause()).isEqualTo(AccountPause.TOKEN);
              assertThat(p.until()).isNull();
            });

    rig.governor.accountReconfigured("wa-token");
    assertThat(rig.governor.pause("wa-token")).isEmpty();
  }

  private static void sleepUntil(Instant when, Clock clock) {
    long ms = Duration.between(clock.instant(), when).toMillis();
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
