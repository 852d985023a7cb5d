package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.testkit.prism.PrismMock;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routing by account, end to end with the real Request Tracker: one Meta app's webhook URL carries
 * one POST with messages for two configured phone numbers and one nobody configured yet. Each
 * configured number's message reaches its own channel account and its own RT ticket; the third
 * waits, visible as parked, and is processed once its number is added.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("One WhatsApp app webhook URL, several numbers, routed by phone_number_id")
class ChannelAppRoutingIT {
  static final String BASE = "http://127.0.0.1:18080/switchboard";
  static final String RT_WEBHOOK_SECRET = "routing-rt-webhook-secret";
  static final String APP = "meta-main";
  static final String APP_SECRET = "routing-app-secret";
  static final String NUMBER_ONE = "100000000000001";
  static final String NUMBER_TWO = "100000000000002";
  static final String NUMBER_LATER = "100000000000003";
  static final Duration WITHIN = Duration.ofSeconds(60);

  static PrismMock prism;
  static RequestTrackerFixture rt;
  static SwitchboardClient bridge;

  static final SecureRandom RANDOM = new SecureRandom();
  static final String customerOne = customer();
  static final String customerTwo = customer();
  static final String customerLater = customer();

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @BeforeAll
  static void oneAppTwoNumbers() {
    prism = PrismMock.whatsAppCloud().start();
    rt = RequestTrackerFixture.start(BASE + "/api/crm/rt/webhook", RT_WEBHOOK_SECRET);
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
    bridge.putRequestTracker("rt", rt.token(), RT_WEBHOOK_SECRET);
    SwitchboardClient.Answer app =
        bridge.put(
            "channel-apps/" + APP,
            "{\"plugin\":\"whatsapp-cloud\",\"config\":{\"appSecret\":\""
                + APP_SECRET
                + "\",\"verifyToken\":\"routing-verify\"}}");
    assertThat(app.status()).as(app.body()).isIn(200, 201);
    assertThat(app.body()).doesNotContain(APP_SECRET).contains("/switchboard/api/apps/" + APP);
    addNumber("wa-one", NUMBER_ONE);
    addNumber("wa-two", NUMBER_TWO);
  }

  @AfterAll
  static void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("the app URL answers Meta's handshake with its own verify token")
  void handshake() {
    assertThat(
            bridge
                .raw(
                    "/api/apps/"
                        + APP
                        + "/webhook?hub.mode=subscribe&hub.verify_token=routing-verify"
                        + "&hub.challenge=4242")
                .body())
        .isEqualTo("4242");
    assertThat(
            bridge
                .raw("/api/apps/" + APP + "/webhook?hub.mode=subscribe&hub.verify_token=x")
                .status())
        .isEqualTo(403);
  }

  @Test
  @Order(2)
  @DisplayName("one POST for two numbers: each message reaches its own account and RT ticket")
  void eachNumberToItsOwnAccountAndTicket() {
    long now = Instant.now().getEpochSecond();
    String body =
        oneBody(
            message(NUMBER_ONE, customerOne, "Hello from one", now),
            message(NUMBER_TWO, customerTwo, "Hello from two", now),
            message(NUMBER_LATER, customerLater, "Hello from later", now));
    SwitchboardClient.Answer answer = bridge.appWebhook(APP, APP_SECRET, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getInt("stored")).isEqualTo(3);

    JsonObject one = awaitTicket(customerOne);
    JsonObject two = awaitTicket(customerTwo);
    assertThat(one.getString("channel")).isEqualTo("wa-one");
    assertThat(two.getString("channel")).isEqualTo("wa-two");
    assertThat(one.getString("crmTicketId")).isNotEqualTo(two.getString("crmTicketId"));
    await()
        .atMost(WITHIN)
        .until(
            () -> rt.contents(one.getString("crmTicketId"), "Correspond").toString(),
            c -> c.contains("Hello from one"));
    await()
        .atMost(WITHIN)
        .until(
            () -> rt.contents(two.getString("crmTicketId"), "Correspond").toString(),
            c -> c.contains("Hello from two"));
  }

  @Test
  @Order(3)
  @DisplayName("the message for a number nobody configured waits, parked with its reason")
  void unconfiguredNumberWaitsVisibly() {
    JsonObject parked =
        await().atMost(WITHIN).until(ChannelAppRoutingIT::parkedEvent, Optional::isPresent).get();
    assertThat(parked.getString("accountId")).isEqualTo(NUMBER_LATER);
    assertThat(parked.getString("reason")).contains(NUMBER_LATER);
    assertThat(conversationOf(customerLater)).isEmpty();
  }

  @Test
  @Order(4)
  @DisplayName("once that number is added, its waiting message is processed into its own ticket")
  void processedAfterTheNumberIsAdded() {
    addNumber("wa-later", NUMBER_LATER);
    JsonObject later = awaitTicket(customerLater);
    assertThat(later.getString("channel")).isEqualTo("wa-later");
    await()
        .atMost(WITHIN)
        .until(
            () -> rt.contents(later.getString("crmTicketId"), "Correspond").toString(),
            c -> c.contains("Hello from later"));
  }

  @Test
  @Order(5)
  @DisplayName(
      "a number moved to another CRM connection: its open conversation closes, the next message"
          + " opens a new conversation and ticket there")
  void crmChangeClosesOpenConversations() {
    JsonObject before = conversationOf(customerTwo).orElseThrow();
    bridge.putRequestTracker("rt-b", rt.token(), null);
    addNumber("wa-two", NUMBER_TWO, "rt-b");
    assertThat(conversation(before.getString("id")).getString("status")).isEqualTo("CLOSED");

    SwitchboardClient.Answer answer =
        bridge.appWebhook(
            APP,
            APP_SECRET,
            oneBody(
                message(NUMBER_TWO, customerTwo, "Hello again", Instant.now().getEpochSecond())));
    assertThat(answer.status()).isEqualTo(200);
    JsonObject after =
        await()
            .atMost(WITHIN)
            .until(
                () ->
                    conversationsOf(customerTwo).stream()
                        .filter(c -> c.getString("status").equals("OPEN"))
                        .filter(c -> !c.isNull("crmTicketId"))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(after.getString("id")).isNotEqualTo(before.getString("id"));
    assertThat(after.getString("crmConnection")).isEqualTo("rt-b");
    assertThat(after.getString("crmTicketId")).isNotEqualTo(before.getString("crmTicketId"));
    // Until the message is on the new ticket, its effect is in flight: the next test class shares
    // this database and must not find it leased by a server that has stopped.
    await()
        .atMost(WITHIN)
        .until(
            () -> rt.contents(after.getString("crmTicketId"), "Correspond").toString(),
            c -> c.contains("Hello again"));
  }

  private static JsonObject conversation(String id) {
    return bridge.get("conversations?limit=500").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonObject> conversationsOf(String channelUserId) {
    return bridge.get("conversations?limit=500").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId").equals(channelUserId))
        .toList();
  }

  private static void addNumber(String channel, String phoneNumberId) {
    addNumber(channel, phoneNumberId, "rt");
  }

  private static void addNumber(String channel, String phoneNumberId, String crm) {
    SwitchboardClient.Answer answer =
        bridge.put(
            "channels/" + channel,
            "{\"plugin\":\"whatsapp-cloud\",\"app\":\""
                + APP
                + "\",\"crmConnection\":\""
                + crm
                + "\",\"config\":{\"phoneNumberId\":\""
                + phoneNumberId
                + "\",\"accessToken\":\"routing-token\",\"graphApiBaseUrl\":\""
                + prism.baseUrl()
                + "\"}}");
    assertThat(answer.status()).as(answer.body()).isIn(200, 201);
    assertThat(answer.json().getString("accountId")).isEqualTo(phoneNumberId);
    assertThat(answer.json().getString("webhookPath")).endsWith("/apps/" + APP + "/webhook");
  }

  private static String customer() {
    return "1777" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  private static String message(String phoneNumberId, String waId, String text, long at) {
    return WhatsAppWebhookBuilder.textMessage(
        phoneNumberId, waId, "Customer " + waId, WhatsAppWebhookBuilder.uniqueWamid(), text, at);
  }

  /** One delivery whose entries are those of the given single-message bodies, as Meta batches. */
  private static String oneBody(String... bodies) {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    for (String b : bodies) {
      Json.createReader(new StringReader(b))
          .readObject()
          .getJsonArray("entry")
          .forEach(entries::add);
    }
    return Json.createObjectBuilder()
        .add("object", "whatsapp_business_account")
        .add("entry", entries)
        .build()
        .toString();
  }

  private JsonObject awaitTicket(String waId) {
    return await()
        .atMost(WITHIN)
        .until(() -> conversationOf(waId), c -> c.isPresent() && !c.get().isNull("crmTicketId"))
        .orElseThrow();
  }

  private static Optional<JsonObject> conversationOf(String channelUserId) {
    return bridge.get("conversations?limit=500").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId").equals(channelUserId))
        .findFirst();
  }

  private static Optional<JsonObject> parkedEvent() {
    List<JsonObject> rows =
        bridge.get("inbound-events?limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> e.getString("source").equals("app:" + APP))
            .filter(e -> e.getString("status").equals("PARKED"))
            .toList();
    return rows.stream().findFirst();
  }
}
