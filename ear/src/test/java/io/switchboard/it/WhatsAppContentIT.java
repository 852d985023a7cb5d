package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.testkit.prism.PrismMock;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
 * Structured WhatsApp content reaches the real Request Tracker in a form an agent understands: an
 * order as lines with its total (and in the customer's order history), a location as a map link, a
 * shared contact with its e-mail, a quoted reply with what it quotes, a reaction next to the
 * agent's message it reacts to, a type nobody knows yet named as such, and the ad a customer came
 * from. Payara Micro on PostgreSQL, Meta's contract served by Prism. The steps build on each other.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("WhatsApp content in Request Tracker, end to end")
class WhatsAppContentIT {
  static final String BASE = "http://127.0.0.1:18080/switchboard";
  static final String RT_WEBHOOK_SECRET = "content-rt-webhook-secret";
  static final String APP_SECRET = "content-app-secret";
  static final String PHONE_NUMBER_ID = "106540352242944";
  static final String CHANNEL = "wa-content";
  static final String CRM = "rt-content";
  static final Duration WITHIN = Duration.ofSeconds(60);

  static PrismMock prism;
  static RequestTrackerFixture rt;
  static SwitchboardClient bridge;

  static final String waId = "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  static String conversationId;
  static String ticketId;
  static String agentWamid;

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @BeforeAll
  static void wire() {
    prism = PrismMock.whatsAppCloud().start();
    rt = RequestTrackerFixture.start(BASE + "/api/crm/" + CRM + "/webhook", RT_WEBHOOK_SECRET);
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
    bridge.putRequestTracker(CRM, rt.token(), RT_WEBHOOK_SECRET);
    SwitchboardClient.Answer channel =
        bridge.putWhatsAppChannel(
            CHANNEL,
            CRM,
            PHONE_NUMBER_ID,
            "content-token",
            APP_SECRET,
            "content-verify",
            prism.baseUrl());
    assertThat(channel.status()).as(channel.body()).isIn(200, 201);
  }

  @AfterAll
  static void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  private static String customerSends(String messageJsonWithoutIdAndTimestamp) {
    String wamid = WhatsAppWebhookBuilder.uniqueWamid();
    String json =
        "{\"from\":"
            + WhatsAppWebhookBuilder.quote(waId)
            + ",\"id\":"
            + WhatsAppWebhookBuilder.quote(wamid)
            + ",\"timestamp\":\""
            + Instant.now().getEpochSecond()
            + "\","
            + messageJsonWithoutIdAndTimestamp
            + "}";
    String body =
        WhatsAppWebhookBuilder.forPhoneNumberId(PHONE_NUMBER_ID)
            .message(waId, "Kerry Fisher", json)
            .toJson();
    SwitchboardClient.Answer answer = bridge.whatsAppWebhook(CHANNEL, APP_SECRET, body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getInt("stored")).isEqualTo(1);
    return wamid;
  }

  @Test
  @Order(1)
  @DisplayName("a customer coming from an ad opens a ticket that names the ad")
  void adReferral() {
    customerSends(
        "\"type\":\"text\",\"text\":{\"body\":\"Is the blue mug in stock?\"},"
            + "\"referral\":{\"source_url\":\"https://fb.me/summer\",\"source_id\":\"120\","
            + "\"source_type\":\"ad\",\"headline\":\"Summer sale\",\"body\":\"20% off\","
            + "\"media_type\":\"image\",\"ctwa_clid\":\"ctwa-42\"}");
    JsonObject conversation =
        await()
            .atMost(WITHIN)
            .until(this::conversation, c -> c.isPresent() && !c.get().isNull("crmTicketId"))
            .orElseThrow();
    conversationId = conversation.getString("id");
    ticketId = conversation.getString("crmTicketId");
    assertThat(conversation.getJsonObject("referral").getString("clickId")).isEqualTo("ctwa-42");
    assertThat(conversation.getString("adReferralAt")).isNotBlank();
    await()
        .atMost(WITHIN)
        .until(
            () ->
                texts()
                    .contains(
                        "Is the blue mug in stock?\n\n"
                            + "(Came from an ad \u201cSummer sale\u201d: https://fb.me/summer)"));
  }

  @Test
  @Order(2)
  @DisplayName("an order reads as one line per product with its total, and joins the order history")
  void order() {
    customerSends(
        "\"type\":\"order\",\"order\":{\"catalog_id\":\"cat-7\",\"text\":\"Gift wrap please\","
            + "\"product_items\":["
            + "{\"product_retailer_id\":\"mug-blue\",\"quantity\":\"2\",\"item_price\":\"12.50\","
            + "\"currency\":\"AED\"},"
            + "{\"product_retailer_id\":\"lid\",\"quantity\":\"1\",\"item_price\":\"74.80\","
            + "\"currency\":\"AED\"}]}");
    await()
        .atMost(WITHIN)
        .until(
            () ->
                texts()
                    .contains(
                        "Order of 2 products (catalog cat-7):\n"
                            + "  2 x mug-blue at 12.50 AED = 25.00 AED\n"
                            + "  1 x lid at 74.80 AED = 74.80 AED\n"
                            + "Total: 99.80 AED\n"
                            + "Note: Gift wrap please"));
    String customerId = conversation().orElseThrow().getString("customerId");
    JsonObject summary = bridge.get("customers/" + customerId + "/order-summary").json();
    assertThat(summary.toString()).contains("99.80");
  }

  @Test
  @Order(3)
  @DisplayName("a location is a map link, a shared contact keeps its phone and e-mail")
  void locationAndContact() {
    customerSends(
        "\"type\":\"location\",\"location\":{\"latitude\":25.2048493,\"longitude\":55.2707828,"
            + "\"name\":\"Dubai Mall\",\"address\":\"Financial Centre Rd\"}");
    customerSends(
        "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":\"Amal Haddad\","
            + "\"first_name\":\"Amal\"},\"org\":{\"company\":\"Haddad Trading\"},"
            + "\"phones\":[{\"phone\":\"+971 50 123 4567\",\"type\":\"CELL\","
            + "\"wa_id\":\"971501234567\"}],"
            + "\"emails\":[{\"email\":\"amal@example.com\",\"type\":\"WORK\"}]}]");
    await()
        .atMost(WITHIN)
        .until(
            () ->
                texts().stream()
                        .anyMatch(
                            t ->
                                t.startsWith("Location: Dubai Mall, Financial Centre Rd\n")
                                    && t.contains(
                                        "https://www.openstreetmap.org/?mlat=25.2048493&mlon=55.2707828"))
                    && texts().stream()
                        .anyMatch(
                            t ->
                                t.startsWith("Shared a contact\n\nAmal Haddad")
                                    && t.contains("Organisation: Haddad Trading")
                                    && t.contains("Phone (cell): +971 50 123 4567")
                                    && t.contains("E-mail (work): amal@example.com")));
  }

  @Test
  @Order(4)
  @DisplayName("a reaction and a quoted reply stand next to the agent's message they refer to")
  void reactionAndQuote() {
    rt.agentWrites(ticketId, "correspond", "Your mugs ship tomorrow.");
    JsonObject sent =
        await()
            .atMost(WITHIN)
            .until(
                () -> outbound().stream().findFirst(),
                m -> m.isPresent() && "SENT".equals(m.get().getString("status")))
            .orElseThrow();
    agentWamid = sent.getString("externalId");

    customerSends(
        "\"type\":\"reaction\",\"reaction\":{\"message_id\":"
            + WhatsAppWebhookBuilder.quote(agentWamid)
            + ",\"emoji\":\"\uD83D\uDC4D\"}");
    customerSends(
        "\"type\":\"text\",\"text\":{\"body\":\"Thanks! Both of them?\"},\"context\":{\"from\":"
            + "\"15550783881\",\"id\":"
            + WhatsAppWebhookBuilder.quote(agentWamid)
            + "}");
    await()
        .atMost(WITHIN)
        .until(
            () ->
                texts()
                        .contains(
                            "Reacted \uD83D\uDC4D to our message \u201cYour mugs ship tomorrow.\u201d")
                    && texts()
                        .contains(
                            "> In reply to our message \u201cYour mugs ship tomorrow.\u201d\n\n"
                                + "Thanks! Both of them?"));
    JsonObject agentMessage =
        messages().stream()
            .filter(m -> agentWamid.equals(m.getString("externalId", null)))
            .findFirst()
            .orElseThrow();
    assertThat(agentMessage.getJsonArray("reactions").getJsonObject(0).getString("emoji"))
        .isEqualTo("\uD83D\uDC4D");
  }

  @Test
  @Order(5)
  @DisplayName("a message type nobody knows yet is kept and named, never dropped")
  void unknownType() {
    customerSends("\"type\":\"poll_vote\",\"poll_vote\":{\"option\":\"Tuesday\"}");
    await()
        .atMost(WITHIN)
        .until(() -> texts().stream().anyMatch(t -> t.startsWith("Unsupported message of type")));
    assertThat(messages().stream().filter(m -> m.getString("type").equals("poll_vote"))).hasSize(1);
  }

  private Optional<JsonObject> conversation() {
    return bridge.get("conversations").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId").equals(waId))
        .findFirst();
  }

  private List<JsonObject> messages() {
    return bridge.get("conversations/" + conversationId + "/messages").array().stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toList());
  }

  private List<JsonObject> outbound() {
    return messages().stream()
        .filter(m -> m.getString("direction").equals("OUT"))
        .collect(Collectors.toList());
  }

  /** What agents read on the ticket: the customer's entries, trimmed. */
  private List<String> texts() {
    return rt.contents(ticketId, "Correspond").stream()
        .map(String::trim)
        .collect(Collectors.toList());
  }
}
