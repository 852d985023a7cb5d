package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.testkit.prism.PrismMock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
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
 * The field sync end to end on Payara Micro and PostgreSQL with the real Request Tracker: a CRM
 * admin maps fields through the admin API (validated against RT's real schema, versioned), a
 * customer's profile reaches the mapped RT fields, edits on either side reach the other without
 * ping-pong, and assignment goes both ways. The steps build on each other, in order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Field sync with Request Tracker, end to end")
class FieldSyncIT {
  static final String BASE = "http://127.0.0.1:18080/switchboard";
  static final String RT_WEBHOOK_SECRET = "sync-rt-webhook-secret";
  static final String APP_SECRET = "sync-app-secret";
  static final String PHONE_NUMBER_ID = "106540352242933";
  static final String CHANNEL = "wa-sync";
  static final String CRM = "rt-sync";
  static final Duration WITHIN = Duration.ofSeconds(60);

  static final String MAPPING_V1 =
      """
      {"format": "switchboard-mapping/1", "mappings": [
        {"bridge": "customer.name", "target": "requester", "crm": "requester.RealName",
         "direction": "both", "conflict": "newest-wins"},
        {"bridge": "customer.phone", "target": "requester", "crm": "requester.MobilePhone",
         "direction": "to-crm", "transform": {"type": "phone", "style": "international"}},
        {"bridge": "customer.language", "target": "requester", "crm": "requester.cf.Preferred Language",
         "direction": "both", "conflict": "crm-wins"},
        {"bridge": "conversation.status", "target": "ticket", "crm": "cf.Conversation Status",
         "direction": "to-crm", "transform": {"type": "enum",
           "values": {"open": "open", "waiting-on-customer": "pending", "solved": "closed",
                      "closed": "closed"}}},
        {"target": "ticket", "crm": "cf.Order Number", "direction": "to-crm",
         "transform": {"type": "template", "template": "WA {customer.phone}"}},
        {"bridge": "conversation.labels", "target": "ticket", "crm": "cf.Labels",
         "direction": "both", "conflict": "newest-wins"},
        {"bridge": "order.last.number", "target": "ticket", "crm": "cf.Last Order Number",
         "direction": "to-crm"},
        {"bridge": "order.last.total", "target": "ticket", "crm": "cf.Last Order Total",
         "direction": "to-crm", "transform": {"type": "number", "scale": 2, "withCurrency": true}}
      ]}
      """;

  static PrismMock prism;
  static RequestTrackerFixture rt;
  static SwitchboardClient bridge;

  static final String waId = "1555" + String.format("%07d", new SecureRandom().nextInt(10_000_000));
  static String customerId;
  static String conversationId;
  static String ticketId;
  static String requester;

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
            "sync-token",
            APP_SECRET,
            "sync-verify",
            prism.baseUrl());
    assertThat(channel.status()).as(channel.body()).isIn(200, 201);
  }

  @AfterAll
  static void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  private static SwitchboardClient.Answer mapping(String method, String path, String body) {
    return bridge.call(
        method,
        "crm-connections/" + CRM + "/mapping" + path,
        body,
        body == null ? null : "application/json",
        "X-Switchboard-Actor",
        "amal");
  }

  private static String save(String mappingJson, String comment, Integer base) {
    return "{\"comment\":\""
        + comment
        + "\","
        + (base == null ? "" : "\"baseVersion\":" + base + ",")
        + "\"mapping\":"
        + mappingJson
        + "}";
  }

  @Test
  @Order(1)
  @DisplayName("the CRM schema is read from RT: ticket and user custom fields with their options")
  void schemaFromRt() {
    SwitchboardClient.Answer schema = mapping("GET", "/schema", null);
    assertThat(schema.status()).as(schema.body()).isEqualTo(200);
    List<JsonObject> crm = schema.json().getJsonArray("crmFields").getValuesAs(JsonObject.class);
    assertThat(crm)
        .anySatisfy(
            f -> {
              assertThat(f.getString("key")).isEqualTo("cf.Conversation Status");
              assertThat(f.getString("type")).isEqualTo("ENUM");
              assertThat(f.getJsonArray("options").toString()).contains("open", "pending");
            })
        .anySatisfy(f -> assertThat(f.getString("key")).isEqualTo("requester.RealName"))
        .anySatisfy(
            f -> assertThat(f.getString("key")).isEqualTo("requester.cf.Preferred Language"));
    assertThat(schema.json().getJsonArray("bridgeFields").toString())
        .contains("customer.name", "order.last.total", "conversation.assignee");
  }

  @Test
  @Order(2)
  @DisplayName("an invalid mapping is refused with a reason per field, and nothing is saved")
  void invalidMappingRefused() {
    String bad =
        """
        {"format": "switchboard-mapping/1", "mappings": [
          {"bridge": "customer.name", "target": "ticket", "crm": "cf.No Such Field",
           "direction": "to-crm"},
          {"bridge": "customer.email", "target": "requester", "crm": "requester.EmailAddress",
           "direction": "both", "conflict": "crm-wins"},
          {"bridge": "conversation.status", "target": "ticket", "crm": "cf.Conversation Status",
           "direction": "to-crm", "transform": {"type": "enum", "values": {"open": "opened"}}}
        ]}
        """;
    SwitchboardClient.Answer refused = mapping("PUT", "", save(bad, "broken", 0));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    List<JsonObject> problems =
        refused.json().getJsonArray("problems").getValuesAs(JsonObject.class);
    assertThat(problems).extracting(p -> p.getInt("index")).contains(0, 1, 2);
    assertThat(refused.body()).contains("No Such Field").contains("opened");
    assertThat(mapping("GET", "", null).json().getInt("version")).isZero();

    SwitchboardClient.Answer broken =
        bridge.call(
            "POST",
            "crm-connections/" + CRM + "/mapping/import",
            "format: switchboard-mapping/1\nmappings:\n  - bridge: customer.name\n    target: x\n",
            "application/yaml");
    assertThat(broken.status()).as(broken.body()).isEqualTo(422);
    assertThat(mapping("GET", "", null).json().getInt("version")).isZero();
  }

  @Test
  @Order(3)
  @DisplayName("a valid mapping is saved as version 1 by its author")
  void saveMapping() {
    SwitchboardClient.Answer saved = mapping("PUT", "", save(MAPPING_V1, "first mapping", 0));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().getInt("version")).isEqualTo(1);
    assertThat(saved.json().getString("author")).isEqualTo("amal");
    assertThat(saved.json().getInt("added")).isEqualTo(8);
    SwitchboardClient.Answer stale = mapping("PUT", "", save(MAPPING_V1, "again", 0));
    assertThat(stale.status()).as(stale.body()).isEqualTo(409);
  }

  @Test
  @Order(4)
  @DisplayName("a customer's first message opens a ticket that already shows the mapped profile")
  void profileOnTheNewTicket() {
    String inbound =
        WhatsAppWebhookBuilder.textMessage(
            PHONE_NUMBER_ID,
            waId,
            "Kerry Fisher",
            WhatsAppWebhookBuilder.uniqueWamid(),
            "Hello",
            Instant.now().getEpochSecond());
    assertThat(bridge.whatsAppWebhook(CHANNEL, APP_SECRET, inbound).status()).isEqualTo(200);
    JsonObject conversation =
        await()
            .atMost(WITHIN)
            .until(() -> conversationOf(waId), c -> c.isPresent() && !c.get().isNull("crmTicketId"))
            .orElseThrow();
    conversationId = conversation.getString("id");
    ticketId = conversation.getString("crmTicketId");
    customerId = conversation.getString("customerId");
    requester =
        bridge
            .get("customers/" + customerId)
            .json()
            .getJsonArray("requesters")
            .getJsonObject(0)
            .getString("requesterId");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonObject ticket = rt.ticket(ticketId);
              assertThat(customField(ticket, "Conversation Status")).isEqualTo("open");
              assertThat(customField(ticket, "Order Number")).isEqualTo("WA +" + waId);
            });
    JsonObject user = rt.user(requester);
    assertThat(user.getString("RealName")).isEqualTo("Kerry Fisher");
    assertThat(user.getString("MobilePhone", "")).startsWith("+1 555");
  }

  @Test
  @Order(5)
  @DisplayName("a dry run shows what would be written where, without writing")
  void dryRun() {
    SwitchboardClient.Answer run =
        mapping("POST", "/dry-run", "{\"customerId\":\"" + customerId + "\"}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    List<JsonObject> writes = run.json().getJsonArray("writes").getValuesAs(JsonObject.class);
    assertThat(writes)
        .anySatisfy(
            w -> {
              assertThat(w.getString("crmField")).isEqualTo("requester.RealName");
              assertThat(w.getString("current")).isEqualTo("Kerry Fisher");
              assertThat(w.getBoolean("changes")).isFalse();
            });
    String draft = MAPPING_V1.replace("\"WA {customer.phone}\"", "\"Order for {customer.name}\"");
    SwitchboardClient.Answer tried =
        mapping(
            "POST",
            "/dry-run",
            "{\"customerId\":\"" + customerId + "\",\"mapping\":" + draft + "}");
    assertThat(tried.json().getJsonArray("writes").getValuesAs(JsonObject.class))
        .anySatisfy(
            w -> {
              assertThat(w.getString("crmField")).isEqualTo("cf.Order Number");
              assertThat(w.getString("value")).isEqualTo("Order for Kerry Fisher");
              assertThat(w.getBoolean("changes")).isTrue();
            });
    assertThat(customField(rt.ticket(ticketId), "Order Number")).isEqualTo("WA +" + waId);
  }

  @Test
  @Order(6)
  @DisplayName("an edit in the bridge reaches RT; the bridge's own write does not come back")
  void bridgeEditReachesRt() {
    SwitchboardClient.Answer edit =
        bridge.call(
            "PATCH",
            "customers/" + customerId,
            "{\"name\":\"Kerry F. Fisher\",\"phone\":\"+1 (555) 000-1234\"}",
            "application/json");
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonObject user = rt.user(requester);
              assertThat(user.getString("RealName")).isEqualTo("Kerry F. Fisher");
              assertThat(user.getString("MobilePhone")).isEqualTo("+1 555-000-1234");
            });
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(customField(rt.ticket(ticketId), "Order Number"))
                    .isEqualTo("WA +15550001234"));
    SwitchboardClient.Answer invalid =
        bridge.call(
            "PATCH", "customers/" + customerId, "{\"phone\":\"call me\"}", "application/json");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("not a phone number");
  }

  @Test
  @Order(7)
  @DisplayName("reassigning in the bridge moves the RT owner; an unknown agent is reported")
  void assignmentFromBridge() {
    SwitchboardClient.Answer assigned =
        bridge.call(
            "PUT",
            "conversations/" + conversationId + "/assignment",
            "{\"agent\":\"agent2@example.invalid\"}",
            "application/json");
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(202);
    await()
        .atMost(WITHIN)
        .untilAsserted(() -> assertThat(owner(rt.ticket(ticketId))).isEqualTo("agent2"));
    await()
        .atMost(WITHIN)
        .until(
            () -> conversationOf(waId).orElseThrow().getString("assignee", ""), "agent2"::equals);

    bridge.call(
        "PUT",
        "conversations/" + conversationId + "/assignment",
        "{\"agent\":\"nobody-like-this\"}",
        "application/json");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(bridge.get("outbox?limit=20").body())
                    .contains("QUARANTINED")
                    .contains("nobody-like-this"));
    assertThat(owner(rt.ticket(ticketId))).isEqualTo("agent2");
  }

  @Test
  @Order(8)
  @DisplayName("reassigning in RT changes the conversation's assignee")
  void assignmentFromRt() {
    rt.asRoot("PUT", "/ticket/" + ticketId, "{\"Owner\":\"agent1\"}");
    await()
        .atMost(WITHIN)
        .until(
            () -> conversationOf(waId).orElseThrow().getString("assignee", ""), "agent1"::equals);
  }

  @Test
  @Order(9)
  @DisplayName("versions: diff, rollback, export; the history says who changed what")
  void versions() {
    String v2 =
        MAPPING_V1.replace(
            "]}",
            ", {\"bridge\": \"conversation.first_response_seconds\", \"target\": \"ticket\","
                + " \"crm\": \"cf.First Response Seconds\", \"direction\": \"to-crm\"}]}");
    assertThat(mapping("PUT", "", save(v2, "first response", 1)).status()).isEqualTo(200);
    JsonObject diff = mapping("GET", "/diff?from=1&to=2", null).json();
    assertThat(diff.getJsonArray("changes").getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getString("kind")).isEqualTo("added");
              assertThat(c.getString("key")).isEqualTo("ticket:cf.First Response Seconds");
            });
    SwitchboardClient.Answer back = mapping("POST", "/rollback", "{\"version\":1}");
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().getInt("version")).isEqualTo(3);
    assertThat(back.json().getString("comment")).isEqualTo("rollback to version 1");
    List<JsonObject> versions =
        mapping("GET", "/versions", null)
            .json()
            .getJsonArray("versions")
            .getValuesAs(JsonObject.class);
    assertThat(versions).extracting(v -> v.getInt("version")).containsExactly(3, 2, 1);
    assertThat(versions.get(0).getInt("removed")).isEqualTo(1);
    SwitchboardClient.Answer yaml = mapping("GET", "/export?format=yaml", null);
    assertThat(yaml.body())
        .contains("format: switchboard-mapping/1")
        .contains("requester.RealName");
  }

  @Test
  @Order(10)
  @DisplayName("an admin edits the requester in RT and the bridge profile follows (polling)")
  void rtEditReachesTheProfile() {
    rt.asRoot(
        "PUT",
        "/user/" + requester,
        "{\"RealName\":\"Kerry Fisher-Lee\",\"CustomFields\":{\"Preferred Language\":\"ar\"}}");
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonObject c = bridge.get("customers/" + customerId).json();
              assertThat(c.getString("name")).isEqualTo("Kerry Fisher-Lee");
              assertThat(c.getString("language", "")).isEqualTo("ar");
            });
  }

  @Test
  @Order(11)
  @DisplayName(
      "100 alternating edits of a two-way ticket field: one RT transaction per real change")
  void alternatingEditsDoNotPingPong() {
    explained(this::alternate);
  }

  /** When a step times out, the bridge's outbox and inbound ledger say why. */
  private static void explained(Runnable steps) {
    try {
      steps.run();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          e.getMessage()
              + "\noutbox: "
              + bridge.get("outbox?limit=30").body()
              + "\ninbound: "
              + bridge.get("inbound-events?limit=30").body(),
          e);
    }
  }

  private void alternate() {
    String labelsCf = "Labels";
    // From one label: each step then adds or removes one value, one RT transaction.
    bridge.call(
        "PUT",
        "conversations/" + conversationId + "/labels",
        "{\"labels\":[\"vip\"]}",
        "application/json");
    await()
        .atMost(WITHIN)
        .until(() -> labelsInRt(labelsCf), l -> l.equals(new java.util.TreeSet<>(List.of("vip"))));
    int before = labelTransactions();
    for (int i = 0; i < 100; i++) {
      List<String> want = i % 2 == 0 ? List.of("vip", "refund") : List.of("vip");
      if (i % 2 == 0) {
        SwitchboardClient.Answer put =
            bridge.call(
                "PUT",
                "conversations/" + conversationId + "/labels",
                "{\"labels\":" + Json.createArrayBuilder(want).build() + "}",
                "application/json");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        await()
            .atMost(WITHIN)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> labelsInRt(labelsCf), l -> l.equals(new java.util.TreeSet<>(want)));
      } else {
        rt.asRoot(
            "PUT",
            "/ticket/" + ticketId,
            "{\"CustomFields\":{\""
                + labelsCf
                + "\":"
                + Json.createArrayBuilder(want).build()
                + "}}");
        await()
            .atMost(WITHIN)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    new java.util.TreeSet<>(
                        List.of(conversationOf(waId).orElseThrow().getString("labels").split(","))),
                l -> l.equals(new java.util.TreeSet<>(want)));
      }
    }
    // Let anything still in flight land, then count: one transaction per change, none echoed.
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).until(() -> true);
    assertThat(labelTransactions() - before).isEqualTo(100);
    assertThat(labelsInRt(labelsCf)).containsExactly("vip");
  }

  @Test
  @Order(12)
  @DisplayName("a shop's order (REST push, then a Shopify-signed webhook) reaches the RT fields")
  void shopOrdersReachRt() {
    explained(this::shopOrders);
  }

  private void shopOrders() {
    String secret = "sync-shopify-secret";
    SwitchboardClient.Answer shop =
        bridge.postJson(
            "shops",
            "{\"name\":\"Sync Shop\",\"kind\":\"shopify\",\"webhookSecret\":\"" + secret + "\"}");
    assertThat(shop.status()).as(shop.body()).isEqualTo(201);
    String shopId = shop.json().getString("id");
    String key = shop.json().getString("apiKey");
    String orderId = "SYNC-" + waId.substring(4);
    String order =
        "{\"orderId\":\""
            + orderId
            + "\",\"status\":\"paid\",\"placedAt\":\""
            + Instant.now().minusSeconds(60)
            + "\",\"currency\":\"AED\",\"total\":\"199.5\",\"customer\":{\"phone\":\"+15550001234\"},"
            + "\"items\":[{\"sku\":\"TEA\",\"name\":\"Saffron tea\",\"quantity\":2,"
            + "\"unitPrice\":\"99.75\"}]}";
    SwitchboardClient.Answer pushed =
        bridge.postAs(
            "/api/shops/" + shopId + "/orders",
            java.util.Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
            order);
    assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonObject ticket = rt.ticket(ticketId);
              assertThat(customField(ticket, "Last Order Number")).isEqualTo(orderId);
              assertThat(customField(ticket, "Last Order Total")).isEqualTo("199.50 AED");
            });

    long shopifyId = 5_000_000_000L + new SecureRandom().nextInt(1_000_000);
    String created =
        "{\"id\":"
            + shopifyId
            + ",\"name\":\"#S"
            + (shopifyId % 10_000)
            + "\",\"created_at\":\""
            + Instant.now()
            + "\",\"updated_at\":\""
            + Instant.now()
            + "\",\"cancelled_at\":null,\"currency\":\"AED\",\"total_price\":\"64.75\","
            + "\"financial_status\":\"paid\",\"fulfillment_status\":null,\"email\":null,"
            + "\"phone\":\"+15550001234\",\"customer\":{\"id\":1,\"phone\":\"+15550001234\"},"
            + "\"line_items\":[{\"id\":1,\"title\":\"Saffron tea\",\"quantity\":1,"
            + "\"price\":\"64.75\",\"sku\":\"TEA\"}]}";
    String signature = shopifySignature(secret, created);
    SwitchboardClient.Answer hook =
        bridge.postAs(
            "/api/shops/" + shopId + "/webhook",
            java.util.Map.of(
                "Content-Type",
                "application/json",
                "X-Shopify-Hmac-Sha256",
                signature,
                "X-Shopify-Topic",
                "orders/create",
                "X-Shopify-Webhook-Id",
                "sync-" + shopifyId),
            created);
    assertThat(hook.status()).as(hook.body()).isIn(200, 202);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              JsonObject ticket = rt.ticket(ticketId);
              assertThat(customField(ticket, "Last Order Number"))
                  .isEqualTo("#S" + (shopifyId % 10_000));
              assertThat(customField(ticket, "Last Order Total")).isEqualTo("64.75 AED");
            });
  }

  private static String shopifySignature(String secret, String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.Base64.getEncoder()
          .encodeToString(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private java.util.TreeSet<String> labelsInRt(String cf) {
    return rt.ticket(ticketId).getJsonArray("CustomFields").stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("name").equals(cf))
        .flatMap(f -> f.getJsonArray("values").getValuesAs(jakarta.json.JsonString.class).stream())
        .map(jakarta.json.JsonString::getString)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  private int labelTransactions() {
    return rt
        .transactions(
            "ObjectType='RT::Ticket' AND ObjectId=" + ticketId + " AND Type='CustomField'")
        .stream()
        .filter(t -> labelsCfId().equals(t.getString("Field", "")))
        .toList()
        .size();
  }

  private static String labelsCfId;

  private String labelsCfId() {
    if (labelsCfId == null) {
      labelsCfId =
          rt.ticket(ticketId).getJsonArray("CustomFields").stream()
              .map(JsonValue::asJsonObject)
              .filter(f -> f.getString("name").equals("Labels"))
              .map(f -> f.getString("id"))
              .findFirst()
              .orElseThrow();
    }
    return labelsCfId;
  }

  private static Optional<JsonObject> conversationOf(String waId) {
    return bridge.get("conversations?limit=200").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("channelUserId", "").equals(waId))
        .findFirst();
  }

  static String customField(JsonObject ticket, String name) {
    return ticket.getJsonArray("CustomFields").stream()
        .map(JsonValue::asJsonObject)
        .filter(cf -> cf.getString("name").equals(name))
        .map(cf -> cf.getJsonArray("values"))
        .filter(v -> !v.isEmpty())
        .map(v -> v.getString(0))
        .findFirst()
        .orElse(null);
  }

  static String owner(JsonObject ticket) {
    JsonValue owner = ticket.get("Owner");
    return owner instanceof JsonObject o ? o.getString("id") : String.valueOf(owner);
  }

  static String json(String s) {
    return Json.createValue(s).toString();
  }
}
