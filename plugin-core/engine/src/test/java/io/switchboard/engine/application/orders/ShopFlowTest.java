package io.switchboard.engine.application.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.orders.ShopIngestion.PushOutcome.Result;
import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.Shop;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.spi.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A shop's pushes and webhooks, from the request to the order book, through the ledger. */
class ShopFlowTest {
  static final String PAID =
      """
      {"orderId": "1001", "status": "paid", "placedAt": "2026-12-03T10:15:00Z",
       "updatedAt": "2026-12-03T10:15:00Z", "currency": "AED", "total": "199.50",
       "customer": {"phone": "+971501234567", "name": "Amal"},
       "items": [{"sku": "TEA-1", "name": "Saffron tea", "quantity": 2, "unitPrice": "99.75"}]}
      """;

  private final OrderFixture f = new OrderFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private ShopAdmin.CreatedShop shop(String kind, String secret) {
    try {
      return f.shopAdmin.create("Saffron House", kind, secret);
    } catch (InvalidConfigurationException e) {
      throw new AssertionError(e);
    }
  }

  private ShopIngestion.PushOutcome push(String shopId, String key, String body) {
    return f.ingestion.push(shopId, "Bearer " + key, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("the same push twice is stored once; a status update is a new event of the order")
  void idempotentPush() {
    var shop = shop(Shop.REST, null);
    String id = shop.shop().id();
    assertThat(push(id, shop.apiKey(), PAID).result()).isEqualTo(Result.ACCEPTED);
    assertThat(push(id, shop.apiKey(), PAID).result()).isEqualTo(Result.DUPLICATE);
    String shipped =
        PAID.replace("\"paid\"", "\"shipped\"")
            .replace(
                "\"updatedAt\": \"2026-12-03T10:15:00Z\"",
                "\"updatedAt\": \"2026-12-04T08:00:00Z\"");
    assertThat(push(id, shop.apiKey(), shipped).result()).isEqualTo(Result.ACCEPTED);
    // the same order, reformatted: a new ledger row, but no change to the order
    assertThat(push(id, shop.apiKey(), PAID.replace("\n", " ")).result())
        .isEqualTo(Result.ACCEPTED);

    List<Optional<String>> notes = f.processPending();

    assertThat(notes)
        .containsExactly(
            Optional.empty(),
            Optional.empty(),
            Optional.of("order 1001 update older than the one applied (updatedAt): ignored"));
    assertThat(f.allOrders())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo("shipped");
              assertThat(o.source()).isEqualTo("shop:" + id);
              assertThat(o.customerId()).isNotNull();
            });
    assertThat(f.changed.fired).hasSize(2);
  }

  @Test
  @DisplayName("a wrong key, another shop's key, an unknown shop and a bad body store nothing")
  void refusals() {
    var shop = shop(Shop.REST, null);
    var other = shop(Shop.REST, null);
    String id = shop.shop().id();
    assertThat(push(id, "sbk_wrong", PAID).result()).isEqualTo(Result.UNAUTHENTIC);
    assertThat(push(id, other.apiKey(), PAID).result()).isEqualTo(Result.UNAUTHENTIC);
    assertThat(f.ingestion.push(id, null, PAID.getBytes(StandardCharsets.UTF_8)).result())
        .isEqualTo(Result.UNAUTHENTIC);
    assertThat(push("nope", shop.apiKey(), PAID).result()).isEqualTo(Result.UNKNOWN_SHOP);
    var invalid = push(id, shop.apiKey(), "{\"orderId\": \"1\"}");
    assertThat(invalid.result()).isEqualTo(Result.INVALID);
    assertThat(invalid.problems()).extracting(FieldProblem::field).contains("placedAt", "currency");

    assertThat(f.ledger.recent(10)).isEmpty();
    assertThat(f.counted)
        .containsExactly(
            "shop:" + id + " unauthentic",
            "shop:" + id + " unauthentic",
            "shop:" + id + " unauthentic",
            "shop:" + id + " invalid");
  }

  @Test
  @DisplayName("a rotated key replaces the old one at once")
  void rotation() {
    var shop = shop(Shop.REST, null);
    String id = shop.shop().id();
    String newKey = f.shopAdmin.rotateApiKey(id).orElseThrow();
    assertThat(newKey).isNotEqualTo(shop.apiKey()).startsWith("sbk_");
    assertThat(push(id, shop.apiKey(), PAID).result()).isEqualTo(Result.UNAUTHENTIC);
    assertThat(push(id, newKey, PAID).result()).isEqualTo(Result.ACCEPTED);
    assertThat(f.shopAdmin.find(id).orElseThrow().apiKeyHash()).doesNotContain(newKey).hasSize(64);
  }

  @Test
  @DisplayName(
      "Shopify: signed create and update make one order; a redelivery or bad signature none")
  void shopifyWebhooks() throws IOException {
    var shop = shop(Shop.SHOPIFY, ShopifySignatureTest.FILE_SECRET);
    String id = shop.shop().id();
    byte[] create = ShopifySignatureTest.resource("orders-create.json");
    byte[] updated = ShopifySignatureTest.resource("orders-updated.json");
    String secret = ShopifySignatureTest.FILE_SECRET;

    assertThat(shopify(id, create, ShopifySignatureTest.FILE_EXPECTED, "orders/create", "w-1"))
        .isEqualTo(IngestOutcome.Result.ACCEPTED);
    assertThat(
            f.ingestion
                .shopify(id, create, ShopifySignature.sign(create, secret), "orders/create", "w-1")
                .duplicates())
        .isEqualTo(1);
    assertThat(shopify(id, updated, ShopifySignature.sign(create, secret), "orders/updated", "w-2"))
        .isEqualTo(IngestOutcome.Result.UNAUTHENTIC);
    assertThat(
            shopify(id, updated, ShopifySignature.sign(updated, secret), "orders/updated", "w-3"))
        .isEqualTo(IngestOutcome.Result.ACCEPTED);
    byte[] app = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThat(shopify(id, app, ShopifySignature.sign(app, secret), "app/uninstalled", "w-4"))
        .isEqualTo(IngestOutcome.Result.ACCEPTED);

    assertThat(f.ledger.recent(10))
        .extracting(InboundEvent::dedupeKey)
        .containsExactlyInAnyOrder("shopify:w-1", "shopify:w-3", "shopify:w-4");
    assertThat(f.processPending())
        .containsExactly(
            Optional.empty(),
            Optional.empty(),
            Optional.of("Shopify topic app/uninstalled carries no order: ignored"));
    CustomerOrder order = f.allOrders().get(0);
    assertThat(f.allOrders()).hasSize(1);
    assertThat(order.number()).isEqualTo("#1001");
    assertThat(order.status()).isEqualTo("fulfilled");
    assertThat(order.history()).hasSize(2);
  }

  @Test
  @DisplayName("Shopify: a REST shop has no webhook URL; an order body without id is quarantined")
  void shopifyEdges() {
    var rest = shop(Shop.REST, null);
    byte[] body = "{\"name\": \"#1\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(shopify(rest.shop().id(), body, "x", "orders/create", "w"))
        .isEqualTo(IngestOutcome.Result.UNKNOWN_SOURCE);
    var shopify = shop(Shop.SHOPIFY, "s3cret");
    String id = shopify.shop().id();
    assertThat(shopify(id, body, ShopifySignature.sign(body, "s3cret"), "orders/create", "w"))
        .isEqualTo(IngestOutcome.Result.QUARANTINED);
    assertThat(f.ledger.recent(10))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(LedgerStatus.QUARANTINED));
  }

  @Test
  @DisplayName("a Shopify shop needs its webhook secret; the stored one is encrypted")
  void shopCreation() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> f.shopAdmin.create(" ", "magento", null))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.problems()).hasSize(2));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> f.shopAdmin.create("S", Shop.SHOPIFY, null))
        .isInstanceOf(InvalidConfigurationException.class);
    var shop = shop(Shop.SHOPIFY, "s3cret");
    assertThat(shop.shop().encryptedWebhookSecret()).startsWith("v1:").doesNotContain("s3cret");
    assertThat(f.shopAdmin.webhookSecret(f.shopAdmin.find(shop.shop().id()).orElseThrow()))
        .contains("s3cret");
  }

  private IngestOutcome.Result shopify(
      String shopId, byte[] body, String signature, String topic, String webhookId) {
    return f.ingestion.shopify(shopId, body, signature, topic, webhookId).result();
  }
}
