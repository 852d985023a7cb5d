package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.engine.ledger.LedgerStatus;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scheduler's lanes: a CRM that hangs holds up nothing but its own lane. */
class LanesTest {
  private static final String RT = "crm:rt";
  private static final String WHATSAPP = "channel:wa";

  private final PipelineFixture f = new PipelineFixture();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final PipelineScheduler scheduler = new PipelineScheduler();
  private final CountDownLatch crmCallStarted = new CountDownLatch(1);
  private final CountDownLatch crmAnswers = new CountDownLatch(1);

  LanesTest() {
    scheduler.inbound = f.worker();
    scheduler.dispatcher = f.dispatcher();
    scheduler.enabled = true;
    scheduler.lanes = new Lanes(executor);
    f.effects.byTarget.put(
        RT,
        e -> {
          crmCallStarted.countDown();
          try {
            crmAnswers.await(30, TimeUnit.SECONDS); // a CRM call that hangs for up to 30 s
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          return "ticket 1";
        });
  }

  @AfterEach
  void close() {
    crmAnswers.countDown();
    executor.shutdownNow();
    f.close();
  }

  @Test
  @DisplayName("a CRM call that hangs delays neither channel sends nor inbound processing")
  void slowCrmDoesNotHoldUpOthers() throws InterruptedException {
    long crm = f.enqueue(RT, "conv-1", "m1");
    scheduler.tick();
    assertThat(crmCallStarted.await(10, TimeUnit.SECONDS)).isTrue();

    long send = f.enqueue(WHATSAPP, "conv-2", "reply-1");
    f.append("channel:wa|4915112345678", "msg:2");
    scheduler.tick();

    await().atMost(Duration.ofSeconds(10)).until(() -> f.entry(send).status() == LedgerStatus.DONE);
    await().atMost(Duration.ofSeconds(10)).until(() -> f.processor.processed.contains("msg:2"));
    assertThat(f.entry(crm).status()).isEqualTo(LedgerStatus.IN_FLIGHT);
    assertThat(scheduler.lanes.isRunning("outbox " + RT)).isTrue();

    crmAnswers.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> f.entry(crm).status() == LedgerStatus.DONE);
  }

  @Test
  @DisplayName("a lane runs once at a time: a second start while it runs is ignored")
  void laneRunsOnce() throws InterruptedException {
    f.enqueue(RT, "conv-1", "m1");
    scheduler.tick();
    assertThat(crmCallStarted.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(scheduler.lanes.start("outbox " + RT, () -> 0)).isFalse();

    crmAnswers.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> !scheduler.lanes.isRunning("outbox " + RT));
    assertThat(f.effects.performed).containsExactly("m1");
  }

  @Test
  @DisplayName("a start while the lane runs is not lost: the lane looks once more before it stops")
  void startWhileRunningDrainsAgain() throws InterruptedException {
    Lanes lanes = new Lanes(executor);
    CountDownLatch inFirstRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger rounds =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.IntSupplier drain =
        () -> {
          if (rounds.incrementAndGet() == 1) {
            inFirstRound.countDown();
            try {
              release.await(10, TimeUnit.SECONDS); // the round that has already looked for work
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 0;
        };

    assertThat(lanes.start("inbound", drain)).isTrue();
    assertThat(inFirstRound.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(lanes.start("inbound", drain)).isFalse(); // work stored after the first look
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> !lanes.isRunning("inbound"));
    assertThat(rounds).hasValue(2);
  }

  @Test
  @DisplayName(
      "a burst of wake-ups (a webhook each) scans the outbox for due targets a few times, not once"
          + " per wake-up, and the reply still goes out")
  void wakeUpsAreFoldedIntoFewOutboxScans() {
    java.util.concurrent.atomic.AtomicInteger scans =
        new java.util.concurrent.atomic.AtomicInteger();
    OutboxDispatcher counting =
        new OutboxDispatcher() {
          @Override
          public java.util.List<String> dueTargets() {
            scans.incrementAndGet();
            return super.dueTargets();
          }
        };
    OutboxDispatcher real = f.dispatcher();
    counting.outbox = real.outbox;
    counting.effects = real.effects;
    counting.metrics = real.metrics;
    counting.clock = real.clock;
    counting.retries = real.retries;
    counting.leaseSeconds = 120;
    scheduler.dispatcher = counting;
    long send = f.enqueue(WHATSAPP, "conv-2", "reply-1");

    for (int i = 0; i < 200; i++) {
      scheduler.wakeUp();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> f.entry(send).status() == LedgerStatus.DONE);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !scheduler.lanes.isRunning(PipelineScheduler.OUTBOX_SCAN));
    assertThat(scans.get()).isBetween(1, 10);
  }
}
