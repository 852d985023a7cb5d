package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What was acknowledged is never lost: webhooks answered 200 while processing was switched off, or
 * just before the server was killed with {@code kill -9}, are all processed after a restart, each
 * exactly once.
 */
@DisplayName("Durability: acknowledged events survive a stopped pipeline and kill -9")
class DurabilityIT {
  static final String DB = "switchboard_durability";
  static final String APP_SECRET = "durability-secret";
  static final String PHONE_NUMBER_ID = "106540352242922";
  static final int PORT = 18090;

  @Test
  @DisplayName("events acked while processing is off or right before kill -9 are processed once")
  void acknowledgedEventsSurviveKillNine() throws Exception {
    FreshDatabases.recreatePostgres(DB);
    int whileStopped = 25;
    int beforeKill = 25;

    try (PayaraMicroProcess ingestOnly = new PayaraMicroProcess(PORT, properties(false)).start()) {
      SwitchboardClient bridge = client(ingestOnly);
      assertThat(
              bridge
                  .put(
                      "channels/wa-durable",
                      "{\"plugin\":\"whatsapp-cloud\",\"config\":{\"phoneNumberId\":\""
                          + PHONE_NUMBER_ID
                          + "\",\"accessToken\":\"x\",\"appSecret\":\""
                          + APP_SECRET
                          + "\",\"verifyToken\":\"v\"}}")
                  .status())
          .isEqualTo(201);
      sendMessages(bridge, "stopped", whileStopped);
      assertThat(count("select count(*) from inbound_event where status = 'PENDING'"))
          .isEqualTo(whileStopped);
      assertThat(count("select count(*) from message")).isZero();
      ingestOnly.kill();
    }

    try (PayaraMicroProcess processing = new PayaraMicroProcess(PORT, properties(true)).start()) {
      SwitchboardClient bridge = client(processing);
      sendMessages(bridge, "killed", beforeKill);
      processing.kill(); // right after the last 200: some events are still unprocessed
    }

    try (PayaraMicroProcess restarted = new PayaraMicroProcess(PORT, properties(true)).start()) {
      int total = whileStopped + beforeKill;
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> count("select count(*) from inbound_event where status = 'DONE'") == total);
      assertThat(count("select count(*) from message where direction = 'IN'")).isEqualTo(total);
      assertThat(count("select count(distinct external_id) from message")).isEqualTo(total);
      assertThat(count("select count(*) from inbound_event")).isEqualTo(total);
      assertThat(count("select count(*) from conversation")).isEqualTo(total);
    }
  }

  private static void sendMessages(SwitchboardClient bridge, String batch, int n) {
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < n; i++) {
      String waId = "1555" + String.format("%07d", (batch.hashCode() & 0xffff) * 100 + i);
      String body =
          WhatsAppWebhookBuilder.textMessage(
              PHONE_NUMBER_ID,
              waId,
              "Customer " + i,
              WhatsAppWebhookBuilder.uniqueWamid(),
              batch + " message " + i,
              now);
      SwitchboardClient.Answer answer = bridge.whatsAppWebhook("wa-durable", APP_SECRET, body);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().getInt("stored")).isEqualTo(1);
    }
  }

  private static Map<String, String> properties(boolean processing) {
    Map<String, String> p = FreshDatabases.bridgeOn(DB);
    p.put("switchboard.processing.enabled", String.valueOf(processing));
    return p;
  }

  private static SwitchboardClient client(PayaraMicroProcess micro) {
    return new SwitchboardClient(micro.baseUrl(), System.getProperty("switchboard.it.adminToken"));
  }

  private static long count(String sql) throws SQLException {
    return FreshDatabases.count(DB, sql);
  }
}
