package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A CRM outage longer than the old retry budget (8 attempts, about two minutes) delays, never drops
 * or reorders: the real Request Tracker is stopped for two and a half minutes while a customer
 * keeps writing; afterwards every message is on the ticket exactly once, in the order sent, and
 * nothing was quarantined. Only the back-off ceiling is shortened (5 s), not the outage.
 */
@DisplayName("A 150-second Request Tracker outage: every message once and in order afterwards")
class CrmOutageIT {
  static final String DB = "switchboard_outage";
  static final String APP_SECRET = "outage-secret";
  static final String PHONE_NUMBER_ID = "100000000000099";
  static final String RT_WEBHOOK_SECRET = "outage-rt-secret";
  static final int PORT = 18091;
  static final Duration OUTAGE = Duration.ofSeconds(150);

  @Test
  @DisplayName("messages written during the outage reach the ticket once each, in order")
  void outageDelaysButNeverDropsOrReorders() throws Exception {
    FreshDatabases.recreatePostgres(DB);
    RequestTrackerFixture rt =
        RequestTrackerFixture.start(
            "http://127.0.0.1:" + PORT + "/switchboard/api/crm/rt/webhook", RT_WEBHOOK_SECRET);
    try (PayaraMicroProcess micro = new PayaraMicroProcess(PORT, properties()).start()) {
      SwitchboardClient bridge =
          new SwitchboardClient(micro.baseUrl(), System.getProperty("switchboard.it.adminToken"));
      bridge.putRequestTracker("rt", rt.token(), RT_WEBHOOK_SECRET);
      assertThat(
              bridge
                  .put(
                      "channels/wa-outage",
                      "{\"plugin\":\"whatsapp-cloud\",\"crmConnection\":\"rt\",\"config\":{"
                          + "\"phoneNumberId\":\""
                          + PHONE_NUMBER_ID
                          + "\",\"accessToken\":\"x\",\"appSecret\":\""
                          + APP_SECRET
                          + "\",\"verifyToken\":\"v\"}}")
                  .status())
          .isIn(200, 201);
      String waId = "1666" + String.format("%07d", (int) (System.nanoTime() % 10_000_000L));
      List<String> texts = new ArrayList<>();

      send(bridge, waId, texts, "before the outage");
      String ticket = awaitTicket(bridge, waId);

      Instant down = Instant.now();
      RequestTrackerFixture.stop();
      try {
        for (int i = 1; i <= 5; i++) {
          send(bridge, waId, texts, "during the outage, message " + i);
          Instant next = down.plus(OUTAGE.dividedBy(6).multipliedBy(i));
          await() // customers keep writing, spread over the outage
              .pollInterval(Duration.ofMillis(500))
              .atMost(OUTAGE)
              .until(() -> !Instant.now().isBefore(next));
        }
        await()
            .pollInterval(Duration.ofSeconds(1))
            .atMost(OUTAGE.plusSeconds(10))
            .until(() -> Duration.between(down, Instant.now()).compareTo(OUTAGE) >= 0);
        assertThat(count("select count(*) from outbox where status = 'QUARANTINED'"))
            .as("nothing is quarantined while RT is down")
            .isZero();
      } finally {
        RequestTrackerFixture.start(
            "http://127.0.0.1:" + PORT + "/switchboard/api/crm/rt/webhook", RT_WEBHOOK_SECRET);
      }
      send(bridge, waId, texts, "after the outage");

      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> customerTexts(rt, ticket).size() >= texts.size());
      assertThat(customerTexts(rt, ticket)).containsExactlyElementsOf(texts);
      assertThat(count("select count(*) from outbox where status = 'QUARANTINED'")).isZero();
      assertThat(count("select count(*) from inbound_event where status = 'QUARANTINED'")).isZero();
    }
  }

  private static void send(SwitchboardClient bridge, String waId, List<String> texts, String text) {
    String body =
        WhatsAppWebhookBuilder.textMessage(
            PHONE_NUMBER_ID,
            waId,
            "Outage Customer",
            WhatsAppWebhookBuilder.uniqueWamid(),
            text,
            Instant.now().getEpochSecond());
    SwitchboardClient.Answer answer = bridge.whatsAppWebhook("wa-outage", APP_SECRET, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    texts.add(text);
  }

  private static String awaitTicket(SwitchboardClient bridge, String waId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                bridge.get("conversations").array().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("channelUserId").equals(waId))
                    .filter(c -> !c.isNull("crmTicketId"))
                    .map(c -> c.getString("crmTicketId"))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static List<String> customerTexts(RequestTrackerFixture rt, String ticket) {
    return rt.contents(ticket, "Correspond").stream()
        .map(String::trim)
        .collect(Collectors.toList());
  }

  private static Map<String, String> properties() {
    Map<String, String> p = FreshDatabases.bridgeOn(DB);
    p.put("switchboard.crm.poll-interval-seconds", "0");
    p.put("switchboard.retry.base-delay-ms", "200");
    p.put("switchboard.retry.max-delay-ms", "5000"); // the back-off ceiling, not the outage
    return p;
  }

  private static long count(String sql) throws SQLException {
    return FreshDatabases.count(DB, sql);
  }
}
