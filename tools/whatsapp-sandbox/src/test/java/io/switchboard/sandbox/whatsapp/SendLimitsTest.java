package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Meta's limits: throughput, pair rate, 24-hour window, revoked token, late failures")
class SendLimitsTest {
  private final MutableClock clock = MutableClock.startingNow();
  private SandboxHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  private SandboxHarness.Answer text(String to) {
    return harness.graphSend(
        "{\"messaging_product\":\"whatsapp\",\"to\":\""
            + to
            + "\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}");
  }

  private static int code(SandboxHarness.Answer answer) {
    return answer.json().getJsonObject("error").getInt("code");
  }

  private JsonObject stats() {
    return harness.get("/sandbox/api/stats").json();
  }

  @Test
  @DisplayName(
      "more sends than messages-per-second in one second get 130429; the next second is free")
  void throughput() throws Exception {
    harness =
        SandboxHarness.start(clock, "--messages-per-second=5", "--throughput-burst-percent=0");

    for (int i = 0; i < 5; i++) {
      assertThat(text("1555010010" + i).status()).isEqualTo(200);
    }
    SandboxHarness.Answer over = text("15550100109");
    clock.advance(Duration.ofMillis(1000));

    assertThat(over.status()).isEqualTo(400);
    assertThat(code(over)).isEqualTo(130429);
    assertThat(over.json().getJsonObject("error").getString("message"))
        .isEqualTo("(#130429) Rate limit hit");
    assertThat(text("15550100109").status()).isEqualTo(200);
    JsonObject stats = stats();
    assertThat(stats.getJsonObject("acceptedByNumber").getInt(SandboxHarness.PHONE_NUMBER_ID))
        .isEqualTo(6);
    assertThat(stats.getJsonObject("rejectedByCode").getInt("130429")).isEqualTo(1);
    assertThat(stats.getJsonObject("acceptedPerSecond").getInt("max")).isEqualTo(5);
  }

  @Test
  @DisplayName("a burst to one customer is tolerated, then one per pair interval (else 131056)")
  void pairRateLimit() throws Exception {
    harness = SandboxHarness.start(clock, "--pair-interval-ms=6000", "--pair-burst=2");

    assertThat(text("15550100123").status()).isEqualTo(200);
    assertThat(text("15550100123").status()).isEqualTo(200);
    SandboxHarness.Answer third = text("15550100123");
    SandboxHarness.Answer otherCustomer = text("15550100124");
    clock.advance(Duration.ofMillis(5999));
    SandboxHarness.Answer tooEarly = text("15550100123");
    clock.advance(Duration.ofMillis(1));
    SandboxHarness.Answer onTime = text("15550100123");

    assertThat(code(third)).isEqualTo(131056);
    assertThat(otherCustomer.status()).isEqualTo(200);
    assertThat(code(tooEarly)).isEqualTo(131056);
    assertThat(onTime.status()).isEqualTo(200);
    JsonObject pairs = stats().getJsonObject("pairIntervals");
    assertThat(pairs.getInt("minIntervalMs")).isZero();
    assertThat(pairs.getJsonObject("minIntervalMsByRecipient").getInt("15550100123")).isZero();

    harness.post("/sandbox/api/stats/reset", "{}");
    assertThat(stats().getJsonObject("rejectedByCode")).isEmpty();
  }

  @Test
  @DisplayName(
      "outside the 24-hour window a free-form send gets 131047 (sync mode); templates pass")
  void serviceWindowSync() throws Exception {
    harness = SandboxHarness.start(clock, "--service-window-hours=24", "--window-error=sync");

    assertThat(code(text("15550100123"))).isEqualTo(131047);
    harness.post("/sandbox/api/customer-messages", "{\"from\":\"+15550100123\",\"text\":\"hi\"}");
    assertThat(text("15550100123").status()).isEqualTo(200);
    harness.post("/sandbox/api/customers/+15550100123/last-message-at", "{\"hoursAgo\":25}");
    SandboxHarness.Answer closed = text("15550100123");
    SandboxHarness.Answer template =
        harness.graphSend(
            "{\"messaging_product\":\"whatsapp\","
                + "\"to\":\"15550100123\",\"type\":\"template\",\"template\":{\"name\":\"welcome_back\","
                + "\"language\":{\"code\":\"en_US\"}}}");

    assertThat(code(closed)).isEqualTo(131047);
    assertThat(
            closed.json().getJsonObject("error").getJsonObject("error_data").getString("details"))
        .contains("24 hours");
    assertThat(template.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("in webhook mode (Meta's) the send is accepted, then a failed status with 131047")
  void serviceWindowWebhook() throws Exception {
    harness = SandboxHarness.start(clock, "--service-window-hours=24");

    SandboxHarness.Answer answer = text("15550100123");

    assertThat(answer.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !harness.bridge.received().isEmpty());
    JsonObject status = harness.lastWebhookValue().getJsonArray("statuses").getJsonObject(0);
    assertThat(status.getString("status")).isEqualTo("failed");
    assertThat(status.getJsonArray("errors").getJsonObject(0).getInt("code")).isEqualTo(131047);
    assertThat(status.getJsonObject("pricing").getBoolean("billable")).isFalse();
    JsonObject expected = JsonShape.contractSample("status-failed-131047.json");
    assertThat(JsonShape.of(SandboxHarness.parse(harness.bridge.received().get(0).body())))
        .containsAll(JsonShape.of(expected));
    assertThat(stats().getJsonObject("failedByCode").getInt("131047")).isEqualTo(1);
  }

  @Test
  @DisplayName("a revoked token makes every Graph call answer 401 code 190 until it is restored")
  void revokedToken() throws Exception {
    harness = SandboxHarness.start(clock);
    harness.post("/sandbox/api/faults", "{\"revokeToken\":true}");

    SandboxHarness.Answer send = text("15550100123");
    SandboxHarness.Answer templates = harness.graphGet("/v23.0/419561257915477/message_templates");

    assertThat(send.status()).isEqualTo(401);
    JsonObject error = send.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(190);
    assertThat(error.getString("message"))
        .startsWith("Error validating access token: Session has expired");
    assertThat(templates.status()).isEqualTo(401);
    harness.post("/sandbox/api/faults", "{\"revokeToken\":false}");
    assertThat(text("15550100123").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("failNextDeliveries makes the next accepted send fail with that code by webhook")
  void failNextDeliveries() throws Exception {
    harness = SandboxHarness.start(clock);
    harness.post("/sandbox/api/faults", "{\"failNextDeliveries\":[131026]}");

    String wamid =
        text("15550100123").json().getJsonArray("messages").getJsonObject(0).getString("id");

    await().atMost(Duration.ofSeconds(10)).until(() -> !harness.bridge.received().isEmpty());
    JsonObject status = harness.lastWebhookValue().getJsonArray("statuses").getJsonObject(0);
    assertThat(status.getString("id")).isEqualTo(wamid);
    assertThat(status.getString("status")).isEqualTo("failed");
    JsonObject error = status.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getInt("code")).isEqualTo(131026);
    assertThat(error.getString("title")).isEqualTo("Message Undeliverable");
    assertThat(error.getJsonObject("error_data").getString("details")).isNotBlank();
    assertThat(status.getJsonObject("pricing").getString("category")).isEqualTo("service");
    assertThat(text("15550100124").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                harness.bridge.received().stream()
                    .anyMatch(w -> w.body().contains("\"status\":\"read\"")));
  }
}
