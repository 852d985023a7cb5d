package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.governor.AccountPause;
import io.switchboard.engine.application.governor.GovernorRig;
import io.switchboard.engine.application.governor.SendGovernor;
import io.switchboard.engine.application.health.ConnectionHealth;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.SendPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sends through the real outbox and dispatcher, governed: the channel effect admits each send
 * before the (scripted) channel call and hands its failures to the governor, as {@code
 * ChannelSendEffect} does. What must wait is deferred, never failed, lost or reordered.
 */
class GovernedSendTest {
  private static final String WA = "channel:wa";
  private static final SendPolicy POLICY = GovernorRig.policy(80);

  private final PipelineFixture f = new PipelineFixture();
  private final OutboxDispatcher dispatcher = f.dispatcher();
  private final GovernorRig rig = new GovernorRig(f.tx, f.clock, f.outbox);
  private final SendGovernor governor = rig.governor;

  /** Channel answers scripted per idempotency key, used once each. */
  private final Map<String, PluginException> failOnce = new LinkedHashMap<>();

  /** Every send that reached the channel: key, customer, when. */
  private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

  record Sent(String key, String customer, Instant at) {}

  GovernedSendTest() {
    f.effects.byTarget.put(WA, this::send);
  }

  @AfterEach
  void close() {
    f.close();
  }

  // As ChannelSendEffect: admit before the channel call, classify its failure after.
  private String send(OutboxEntry entry) throws RetryableException, PermanentException {
    String customer = entry.orderingKey().substring(WA.length() + 1);
    SendGovernor.Admission admission = governor.admit("wa", POLICY, customer);
    PluginException failure = failOnce.remove(entry.idempotencyKey());
    try {
      if (failure instanceof RetryableException r) {
        throw r;
      }
      if (failure instanceof PermanentException p) {
        throw p;
      }
    } catch (RetryableException | PermanentException e) {
      governor.failed(admission, e);
      throw e;
    }
    sent.add(new Sent(entry.idempotencyKey(), customer, f.clock.instant()));
    return "sent";
  }

  private long reply(String customer, String key) {
    return f.enqueue(WA, OutboxActions.SEND_TO_CHANNEL, customer, key);
  }

  private void run(Duration total) {
    f.runFor(total, Duration.ofMillis(100), () -> dispatcher.drain());
  }

  @Test
  @DisplayName("a burst of 400 replies to 40 customers: all sent once, in order, pair limit kept")
  void burstIsQueuedNotDropped() {
    List<Long> ids = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      for (int c = 0; c < 40; c++) {
        ids.add(reply("cust-" + c, "r" + round + "-" + c));
      }
    }

    run(Duration.ofMinutes(2));

    assertThat(sent).hasSize(400);
    assertThat(sent.stream().map(Sent::key).distinct()).hasSize(400);
    for (long id : ids) {
      OutboxEntry e = f.entry(id);
      assertThat(e.status()).isEqualTo(LedgerStatus.DONE);
      assertThat(e.attempts()).as("deferrals are no attempts").isZero();
    }
    Map<String, List<Sent>> byCustomer = new LinkedHashMap<>();
    sent.forEach(s -> byCustomer.computeIfAbsent(s.customer(), k -> new ArrayList<>()).add(s));
    byCustomer.forEach(
        (customer, list) -> {
          for (int i = 0; i < list.size(); i++) {
            assertThat(list.get(i).key()).startsWith("r" + i + "-"); // never reordered
            if (i >= 2) { // burst of 2, then one per 6 s
              assertThat(Duration.between(list.get(i - 2).at(), list.get(i).at()))
                  .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
            }
          }
        });
    assertThat(rig.metrics.deferred("pair")).isPositive();
  }

  @Test
  @DisplayName("a customer waiting for the pair limit holds up only that customer")
  void pairWaitBlocksOnlyItsCustomer() {
    reply("alice", "a1");
    reply("alice", "a2");
    reply("alice", "a3");
    reply("bob", "b1");

    run(Duration.ofSeconds(2));

    assertThat(sent).extracting(Sent::key).containsExactlyInAnyOrder("a1", "a2", "b1");
    run(Duration.ofSeconds(6));
    assertThat(sent).extracting(Sent::key).contains("a3");
  }

  @Test
  @DisplayName("130429: the whole number pauses (Retry-After 3 s wins over 1 s), then all resume")
  void throughputPausesTheNumber() {
    failOnce.put(
        "a1",
        new RetryableException(
            "WhatsApp send failed, try again later: HTTP 429, code 130429: Rate limit hit",
            null,
            Duration.ofSeconds(3),
            FailureReason.RATE_LIMITED,
            "130429"));
    long a1 = reply("alice", "a1");
    reply("bob", "b1");
    reply("carol", "c1");
    Instant start = f.clock.instant();

    run(Duration.ofSeconds(2));
    assertThat(sent).extracting(Sent::key).doesNotContain("a1");
    assertThat(governor.pause("wa")).map(AccountPause::cause).contains(AccountPause.THROUGHPUT);

    run(Duration.ofSeconds(3));
    assertThat(sent).extracting(Sent::key).contains("a1", "b1", "c1");
    assertThat(sent)
        .filteredOn(s -> !s.key().equals("b1") || s.at().isAfter(start))
        .allSatisfy(s -> assertThat(s.at()).isAfterOrEqualTo(start.plusSeconds(3)));
    assertThat(f.entry(a1).attempts()).isZero();
    assertThat(f.entry(a1).deferrals()).isPositive();
    assertThat(governor.lastThrottle("wa")).map(t -> t.code()).contains("130429");
  }

  @Test
  @DisplayName(
      "RECIPIENT_RATE_LIMITED (131056): that customer waits the pair interval; others go on")
  void pairCodeHoldsTheCustomer() {
    failOnce.put(
        "a1",
        new RetryableException(
            "WhatsApp send failed, try again later: HTTP 400, code 131056: pair rate limit",
            null,
            Duration.ofSeconds(6),
            FailureReason.RECIPIENT_RATE_LIMITED,
            "131056"));
    reply("alice", "a1");
    reply("bob", "b1");
    Instant start = f.clock.instant();

    run(Duration.ofSeconds(3));
    assertThat(sent).extracting(Sent::key).containsExactly("b1");

    run(Duration.ofSeconds(5));
    assertThat(sent).extracting(Sent::key).containsExactly("b1", "a1");
    assertThat(sent.get(1).at()).isAfterOrEqualTo(start.plusSeconds(6));
  }

  @Test
  @DisplayName(
      "RATE_LIMITED with a long retry-after (131048, spam cap): the number waits that long")
  void longRetryAfterPausesLonger() {
    failOnce.put(
        "a1",
        new RetryableException(
            "WhatsApp send failed, try again later: HTTP 400, code 131048: spam rate limit",
            null,
            Duration.ofSeconds(60),
            FailureReason.RATE_LIMITED,
            "131048"));
    reply("alice", "a1");
    reply("bob", "b1");

    run(Duration.ofSeconds(50));
    assertThat(sent).isEmpty();
    run(Duration.ofSeconds(15));
    assertThat(sent).extracting(Sent::key).containsExactlyInAnyOrder("a1", "b1");
  }

  @Test
  @DisplayName("190: sends pause (health DOWN) for longer than the horizon; reconfigured, all go")
  void tokenPauseAndResume() {
    failOnce.put(
        "a1",
        new PermanentException(
            "WhatsApp rejected the message: HTTP 401, code 190: Session has expired",
            null,
            "190",
            FailureReason.AUTH_FAILED));
    long a1 = reply("alice", "a1");
    long a2 = reply("alice", "a2");
    long b1 = reply("bob", "b1");

    run(Duration.ofMinutes(5));
    assertThat(sent).isEmpty();
    assertThat(rig.health.of(ConnectionHealth.Kind.CHANNEL, "wa").status())
        .isEqualTo(ConnectionHealth.Status.DOWN);
    assertThat(rig.health.of(ConnectionHealth.Kind.CHANNEL, "wa").reason()).contains("190");
    assertThat(governor.pause("wa")).map(AccountPause::cause).contains(AccountPause.TOKEN);

    f.clock.advance(Duration.ofHours(30)); // the outbox horizon is 24 h in this fixture
    run(Duration.ofMinutes(2));
    assertThat(sent).isEmpty();
    assertThat(f.entry(a1).status()).isEqualTo(LedgerStatus.PENDING);

    governor.accountReconfigured("wa"); // what PUT /admin/channels/wa does
    run(Duration.ofSeconds(1));

    assertThat(sent).extracting(Sent::key).containsExactlyInAnyOrder("a1", "a2", "b1");
    assertThat(sent.stream().map(Sent::key).filter(k -> k.startsWith("a")))
        .containsExactly("a1", "a2");
    for (long id : List.of(a1, a2, b1)) {
      assertThat(f.entry(id).status()).isEqualTo(LedgerStatus.DONE);
      assertThat(f.entry(id).attempts()).isZero();
    }
    assertThat(f.effects.gaveUp).isEmpty();
    assertThat(governor.pause("wa")).isEmpty();
  }

  @Test
  @DisplayName("a plain 5xx is not the governor's: retried with an attempt counted")
  void otherFailuresStayRetries() {
    failOnce.put("a1", new RetryableException("HTTP 503", null, null, FailureReason.UNAVAILABLE));
    long a1 = reply("alice", "a1");

    run(Duration.ofSeconds(5));

    assertThat(f.entry(a1).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.entry(a1).attempts()).isEqualTo(1);
    assertThat(new ConcurrentLinkedQueue<>(sent)).extracting(Sent::key).containsExactly("a1");
  }
}
