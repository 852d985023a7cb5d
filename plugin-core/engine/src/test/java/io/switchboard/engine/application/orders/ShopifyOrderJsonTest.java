package io.switchboard.engine.application.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.engine.domain.OrderLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShopifyOrderJsonTest {

  @Test
  @DisplayName("orders/create: id, name, times, pending status, exact total, lines, buyer")
  void create() throws IOException {
    PushedOrder o = ShopifyOrderJson.read(ShopifySignatureTest.resource("orders-create.json"));
    OrderDetails d = o.details();
    assertThat(o.orderId()).isEqualTo("5934512345678");
    assertThat(d.number()).isEqualTo("#1001");
    assertThat(d.placedAt()).isEqualTo(Instant.parse("2026-12-03T10:15:22Z"));
    assertThat(d.updatedAt()).isEqualTo(Instant.parse("2026-12-03T10:15:23Z"));
    assertThat(d.status()).isEqualTo("pending");
    assertThat(d.currency()).isEqualTo("AED");
    assertThat(d.total()).isEqualTo(new BigDecimal("199.50"));
    assertThat(d.note()).isEqualTo("Please gift wrap");
    assertThat(d.items())
        .extracting(OrderLine::sku, OrderLine::name, OrderLine::quantity, OrderLine::unitPrice)
        .containsExactly(
            tuple("TEA-SAF-100", "Saffron tea", 2, new BigDecimal("64.75")),
            tuple(null, "Date cookies", 1, new BigDecimal("60.00")));
    assertThat(d.buyer().phoneE164()).isEqualTo("+971501234567");
    assertThat(d.buyer().email()).isEqualTo("amal.haddad@example.com");
    assertThat(d.buyer().name()).isEqualTo("Amal Haddad");
  }

  @Test
  @DisplayName("orders/updated: the same order, fulfilled, later")
  void updated() throws IOException {
    PushedOrder o = ShopifyOrderJson.read(ShopifySignatureTest.resource("orders-updated.json"));
    assertThat(o.orderId()).isEqualTo("5934512345678");
    assertThat(o.details().status()).isEqualTo("fulfilled");
    assertThat(o.details().updatedAt()).isEqualTo(Instant.parse("2026-12-04T05:30:00Z"));
  }

  @Test
  @DisplayName("the status is Shopify's most telling one")
  void status() {
    assertThat(status("{\"cancelled_at\":\"2026-12-03T10:00:00Z\",\"financial_status\":\"paid\"}"))
        .isEqualTo("cancelled");
    assertThat(status("{\"financial_status\":\"refunded\",\"fulfillment_status\":\"fulfilled\"}"))
        .isEqualTo("refunded");
    assertThat(status("{\"financial_status\":\"paid\",\"fulfillment_status\":\"partial\"}"))
        .isEqualTo("partially_fulfilled");
    assertThat(status("{\"financial_status\":\"authorized\",\"fulfillment_status\":null}"))
        .isEqualTo("authorized");
    assertThat(status("{}")).isEqualTo("placed");
  }

  @Test
  @DisplayName("a payload without id, time, currency or total says which are missing")
  void notAnOrder() {
    assertThatThrownBy(
            () ->
                ShopifyOrderJson.read(
                    "{\"id\": 5, \"currency\": \"XX\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Shopify order without a valid created_at, currency, total_price");
    assertThat(ShopifyOrderJson.orderId("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  @DisplayName(
      "texts longer than their columns are cut, not refused (Shopify cannot be asked again)")
  void longTextsFit() {
    String note = "n".repeat(3000);
    PushedOrder o =
        ShopifyOrderJson.read(
            ("{\"id\": 7, \"created_at\": \"2026-12-03T10:00:00Z\", \"currency\": \"AED\","
                    + " \"total_price\": \"1.00\", \"note\": \""
                    + note
                    + "\", \"line_items\": [{\"title\": \""
                    + "t".repeat(900)
                    + "\", \"quantity\": 1, \"price\": \"1.00\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(o.details().note()).hasSize(2000);
    assertThat(o.details().items().get(0).name()).hasSize(500);
  }

  private static String status(String json) {
    return ShopifyOrderJson.status(
        io.switchboard.engine.infrastructure.EngineJson.PROVIDER
            .createReader(new java.io.StringReader(json))
            .readObject());
  }
}
