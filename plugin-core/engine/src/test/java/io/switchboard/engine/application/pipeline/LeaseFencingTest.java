package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.spi.RetryableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two dispatchers (two instances) over one database, with an effect that takes its time. */
class LeaseFencingTest {
  private static final String RT = "crm:rt";

  private final PipelineFixture f = new PipelineFixture();
  private final OutboxDispatcher first = f.dispatcher();
  private final OutboxDispatcher second = f.dispatcher();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch slowEffectStarted = new CountDownLatch(1);
  private final CountDownLatch releaseSlowEffect = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean slowCallFails;

  LeaseFencingTest() {
    // The first call is slow (a CRM taking its time); later calls answer at once.
    f.effects.byTarget.put(
        RT,
        e -> {
          int call = calls.incrementAndGet();
          if (call == 1) {
            slowEffectStarted.countDown();
            await(releaseSlowEffect);
            if (slowCallFails) {
              throw new RetryableException("RT timed out", null);
            }
          }
          return "call " + call;
        });
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    f.close();
  }

  @Test
  @DisplayName("with the heartbeat, a lease never expires while its effect runs: performed once")
  void heartbeatKeepsTheLease() throws Exception {
    long id = f.enqueue(RT, "conv-1", "m1");
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(first::drain, threads);
    await(slowEffectStarted);

    for (int i = 0; i < 6; i++) { // 6 x 40 s = twice the 120 s lease
      f.clock.advance(first.heartbeatInterval());
      first.renewLeases();
      assertThat(second.drain()).isZero();
    }
    releaseSlowEffect.countDown();
    running.get(10, TimeUnit.SECONDS);

    assertThat(calls).hasValue(1);
    assertThat(f.entry(id).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.entry(id).result()).isEqualTo("call 1");
  }

  @Test
  @DisplayName("a holder whose lease expired cannot complete: the new holder's result stands")
  void staleCompletionIsRefused() throws Exception {
    long id = f.enqueue(RT, "conv-1", "m1");
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(first::drain, threads);
    await(slowEffectStarted);

    f.clock.advance(Duration.ofSeconds(121)); // no heartbeat: the instance looks dead
    assertThat(second.drain()).isEqualTo(1);
    assertThat(f.entry(id).result()).isEqualTo("call 2");

    releaseSlowEffect.countDown();
    running.get(10, TimeUnit.SECONDS);

    assertThat(f.entry(id).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.entry(id).result()).isEqualTo("call 2");
  }

  @Test
  @DisplayName("a holder whose lease expired cannot record a failure over the new holder's work")
  void staleFailureIsRefused() throws Exception {
    slowCallFails = true;
    long id = f.enqueue(RT, "conv-1", "m1");
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(first::drain, threads);
    await(slowEffectStarted);
    f.clock.advance(Duration.ofSeconds(121));
    assertThat(second.drain()).isEqualTo(1);

    releaseSlowEffect.countDown();
    running.get(10, TimeUnit.SECONDS);

    assertThat(f.entry(id).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.entry(id).attempts()).isZero();
    assertThat(f.entry(id).lastError()).isNull();
  }

  @Test
  @DisplayName("a claim writes a fresh lease token and owner; finishing the entry clears them")
  void claimWritesToken() {
    long id = f.enqueue(RT, "conv-1", "m1");
    var claimed = f.outbox.claim(RT, 10, Duration.ofSeconds(120), "instance-a");
    assertThat(claimed).singleElement().satisfies(e -> assertThat(e.leaseToken()).isNotBlank());
    assertThat(f.entry(id).leaseOwner()).isEqualTo("instance-a");
    assertThat(f.outbox.complete(id, "not-the-token", "x")).isFalse();
    assertThat(f.outbox.complete(id, claimed.get(0).leaseToken(), "done")).isTrue();
    assertThat(f.entry(id).leaseToken()).isNull();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
