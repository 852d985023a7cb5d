package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shop connected without code, end to end on Payara Micro and PostgreSQL: created through the
 * admin API, it pushes an order by REST (twice, then a status update) and Shopify sends signed
 * {@code orders/create} and {@code orders/updated} webhooks; both orders land in one customer's
 * history, newest first. A webhook with a bad signature is refused and leaves no trace.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A shop pushes orders (REST and Shopify-signed webhooks) into a customer's history")
class ShopOrdersIT {
  static final String BASE = "http://127.0.0.1:18080/switchboard";
  static final String SHOPIFY_SECRET =
      "shpss_it_" + Long.toHexString(new SecureRandom().nextLong());
  static final Duration WITHIN = Duration.ofSeconds(60);
  // a fresh number per run: the e2e database is shared with the other suites
  static final String PHONE = "+9715" + (10_000_000 + new SecureRandom().nextInt(89_999_999));
  static final String REST_ORDER = "R-" + System.nanoTime();
  static final long SHOPIFY_ORDER = 5_900_000_000_000L + new SecureRandom().nextInt(1_000_000);

  static SwitchboardClient bridge;
  static String shopId;
  static String apiKey;
  static String customerId;

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @BeforeAll
  static void client() {
    bridge = new SwitchboardClient(BASE, System.getProperty("switchboard.it.adminToken"));
  }

  @Test
  @Order(1)
  @DisplayName("an admin creates a Shopify shop: its API key is shown once, its secret never")
  void createShop() {
    SwitchboardClient.Answer created =
        bridge.postJson(
            "shops",
            "{\"name\":\"Saffron House\",\"kind\":\"shopify\",\"webhookSecret\":\""
                + SHOPIFY_SECRET
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(SHOPIFY_SECRET);
    shopId = created.json().getString("id");
    apiKey = created.json().getString("apiKey");
    assertThat(created.json().getString("webhookPath"))
        .isEqualTo("/switchboard/api/shops/" + shopId + "/webhook");

    SwitchboardClient.Answer read = bridge.get("shops/" + shopId);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(apiKey).doesNotContain(SHOPIFY_SECRET);
    assertThat(read.json().getString("webhookSecret")).isEqualTo("write-only");
    assertThat(bridge.postJson("shops", "{\"kind\":\"magento\"}").status()).isEqualTo(400);
  }

  @Test
  @Order(2)
  @DisplayName("the same REST push twice is one order; a status update is accepted for it")
  void restPushes() {
    String paid = restOrder("paid", "2026-12-01T09:00:00Z");
    SwitchboardClient.Answer first = push(apiKey, paid);
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(first.json().getString("result")).isEqualTo("accepted");
    SwitchboardClient.Answer again = push(apiKey, paid);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getString("result")).isEqualTo("duplicate");
    assertThat(push(apiKey, restOrder("shipped", "2026-12-02T08:00:00Z")).status()).isEqualTo(202);
  }

  @Test
  @Order(3)
  @DisplayName("a wrong key is 401 and a bad body 422 naming each bad field")
  void refusedPushes() {
    SwitchboardClient.Answer wrongKey =
        push("sbk_not-the-key", restOrder("paid", "2026-12-01T09:00:00Z"));
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.json().getString("type"))
        .isEqualTo("urn:switchboard:problem:unauthorized-shop");

    SwitchboardClient.Answer invalid =
        push(apiKey, "{\"orderId\":\"X-1\",\"currency\":\"dirham\",\"total\":\"12.345\"}");
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
    assertThat(invalid.json().getString("type")).isEqualTo("urn:switchboard:problem:invalid-order");
    assertThat(
            invalid.json().getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("field")))
        .contains("placedAt", "currency");
  }

  @Test
  @Order(4)
  @DisplayName(
      "Shopify's signed orders/create and orders/updated are taken; a bad signature is 401")
  void shopifyWebhooks() {
    String create = shopifyOrder("pending", null, "2026-12-03T14:15:23+04:00");
    String updated = shopifyOrder("paid", "fulfilled", "2026-12-04T09:30:00+04:00");
    assertThat(
            shopify(create, sign(create), "orders/create", "it-w-" + SHOPIFY_ORDER + "-1").status())
        .isEqualTo(200);
    assertThat(
            shopify(updated, sign(updated), "orders/updated", "it-w-" + SHOPIFY_ORDER + "-2")
                .status())
        .isEqualTo(200);

    String badId = "it-w-" + SHOPIFY_ORDER + "-bad";
    SwitchboardClient.Answer bad =
        shopify(
            shopifyOrder("refunded", null, "2026-12-05T10:00:00Z"),
            sign(create),
            "orders/updated",
            badId);
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bridge.get("inbound-events?limit=500").array().getValuesAs(JsonObject.class))
        .noneMatch(e -> e.getString("dedupeKey").contains(badId));
    assertThat(
            shopify(
                    "{\"id\":1}",
                    sign("{\"id\":1}"),
                    "app/uninstalled",
                    "it-w-app-" + SHOPIFY_ORDER)
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(5)
  @DisplayName("the customer's orders: newest first, each with its latest status, once")
  void ordersNewestFirst() {
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> {
              SwitchboardClient.Answer customer =
                  bridge.get("customers?phone=" + PHONE.replace("+", "%2B"));
              assertThat(customer.status()).as(customer.body()).isEqualTo(200);
              customerId = customer.json().getString("id");
              JsonArray orders = bridge.get("customers/" + customerId + "/orders").array();
              assertThat(orders.getValuesAs(JsonObject.class))
                  .extracting(o -> o.getString("orderId"), o -> o.getString("status"))
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple(
                          String.valueOf(SHOPIFY_ORDER), "fulfilled"),
                      org.assertj.core.groups.Tuple.tuple(REST_ORDER, "shipped"));
            });
    JsonObject shopifyOrder =
        bridge.get("customers/" + customerId + "/orders").array().getJsonObject(0);
    assertThat(shopifyOrder.getString("number")).isEqualTo("#" + (SHOPIFY_ORDER % 10_000));
    assertThat(shopifyOrder.getString("total")).isEqualTo("199.50");
    assertThat(shopifyOrder.getJsonArray("items")).hasSize(2);
    assertThat(
            shopifyOrder.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("status")))
        .containsExactly("pending", "fulfilled");

    JsonObject summary = bridge.get("customers/" + customerId + "/order-summary").json();
    assertThat(summary.getJsonNumber("count").longValue()).isEqualTo(2);
    assertThat(summary.getString("lastStatus")).isEqualTo("fulfilled");
    assertThat(summary.getString("lifetimeValue")).isEqualTo("398.99");
    assertThat(summary.getString("lifetimeCurrency")).isEqualTo("AED");
  }

  @Test
  @Order(6)
  @DisplayName("a rotated key replaces the old one; a deleted shop's URL answers 404")
  void rotateAndDelete() {
    SwitchboardClient.Answer rotated = bridge.post("shops/" + shopId + "/api-key");
    assertThat(rotated.status()).isEqualTo(200);
    String newKey = rotated.json().getString("apiKey");
    assertThat(push(apiKey, restOrder("delivered", "2026-12-06T08:00:00Z")).status())
        .isEqualTo(401);
    assertThat(push(newKey, restOrder("delivered", "2026-12-06T08:00:00Z")).status())
        .isEqualTo(202);

    assertThat(bridge.delete("shops/" + shopId).status()).isEqualTo(204);
    assertThat(bridge.get("shops/" + shopId).status()).isEqualTo(404);
    assertThat(push(newKey, restOrder("returned", "2026-12-07T08:00:00Z")).status()).isEqualTo(404);
    assertThat(
            bridge.get("shops").array().getValuesAs(JsonObject.class).stream()
                .map(s -> ((JsonString) s.get("id")).getString()))
        .doesNotContain(shopId);
  }

  private static String restOrder(String status, String updatedAt) {
    return "{\"orderId\":\""
        + REST_ORDER
        + "\",\"status\":\""
        + status
        + "\",\"placedAt\":\"2026-12-01T09:00:00Z\",\"updatedAt\":\""
        + updatedAt
        + "\",\"currency\":\"AED\",\"total\":\"199.49\",\"customer\":{\"phone\":\""
        + PHONE
        + "\",\"name\":\"Amal Haddad\"},\"items\":[{\"sku\":\"TEA-1\",\"name\":\"Saffron tea\","
        + "\"quantity\":2,\"unitPrice\":\"99.75\"}]}";
  }

  private static String shopifyOrder(String financial, String fulfillment, String updatedAt) {
    return "{\"id\":"
        + SHOPIFY_ORDER
        + ",\"name\":\"#"
        + (SHOPIFY_ORDER % 10_000)
        + "\",\"created_at\":\"2026-12-03T14:15:22+04:00\",\"updated_at\":\""
        + updatedAt
        + "\",\"cancelled_at\":null,\"currency\":\"AED\",\"total_price\":\"199.50\","
        + "\"financial_status\":\""
        + financial
        + "\",\"fulfillment_status\":"
        + (fulfillment == null ? "null" : "\"" + fulfillment + "\"")
        + ",\"email\":\"amal.haddad@example.com\",\"phone\":null,\"note\":\"Please gift wrap\","
        + "\"customer\":{\"id\":7123456789012,\"email\":\"amal.haddad@example.com\","
        + "\"first_name\":\"Amal\",\"last_name\":\"Haddad\",\"phone\":\""
        + PHONE
        + "\"},\"line_items\":[{\"id\":1,\"title\":\"Saffron tea\",\"quantity\":2,"
        + "\"price\":\"64.75\",\"sku\":\"TEA-SAF-100\"},{\"id\":2,\"title\":\"Date cookies\","
        + "\"quantity\":1,\"price\":\"60.00\",\"sku\":\"\"}]}";
  }

  private static SwitchboardClient.Answer push(String key, String body) {
    return bridge.postAs(
        "/api/shops/" + shopId + "/orders",
        Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
        body);
  }

  private static SwitchboardClient.Answer shopify(
      String body, String signature, String topic, String webhookId) {
    return bridge.postAs(
        "/api/shops/" + shopId + "/webhook",
        Map.of(
            "Content-Type", "application/json",
            "X-Shopify-Hmac-Sha256", signature,
            "X-Shopify-Topic", topic,
            "X-Shopify-Webhook-Id", webhookId,
            "X-Shopify-Shop-Domain", "saffron-house.myshopify.com"),
        body);
  }

  /** Shopify's signature, computed here with the JDK alone (not with the bridge's code). */
  private static String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
