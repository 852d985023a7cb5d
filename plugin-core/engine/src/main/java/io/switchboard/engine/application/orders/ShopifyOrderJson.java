package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.Money;
import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Shopify's order webhook payload ({@code orders/create}, {@code orders/updated}: the REST Admin
 * API's Order resource) as order details, read leniently: what is missing is left out, only an
 * order without id, time, currency or total cannot be taken. The status is Shopify's most telling
 * one: {@code cancelled} when {@code cancelled_at} is set, then {@code refunded} / {@code voided},
 * then {@code fulfilled} / {@code partially_fulfilled}, then {@code financial_status} ({@code
 * paid}, {@code pending}, {@code authorized} ...), else {@code placed}.
 */
public final class ShopifyOrderJson {
  private ShopifyOrderJson() {}

  /** The order's numeric id, the ordering key of its webhooks; empty when there is none. */
  public static Optional<String> orderId(byte[] body) {
    try {
      return Optional.ofNullable(id(object(body)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @throws IllegalArgumentException when the payload is no order (says what is missing)
   */
  public static PushedOrder read(byte[] body) {
    JsonObject o = object(body);
    String id = id(o);
    Instant placedAt = time(o, "created_at");
    String currency = string(o, "currency");
    BigDecimal total = decimal(o.get("total_price"));
    List<String> missing = new ArrayList<>();
    if (id == null) {
      missing.add("id");
    }
    if (placedAt == null) {
      missing.add("created_at");
    }
    if (currency == null || Money.currency(currency).isEmpty()) {
      missing.add("currency");
    }
    if (total == null) {
      missing.add("total_price");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Shopify order without a valid " + String.join(", ", missing));
    }
    return new PushedOrder(
        id,
        new OrderDetails(
            string(o, "name"),
            placedAt,
            time(o, "updated_at"),
            status(o),
            currency,
            total,
            string(o, "note"),
            lines(o, currency),
            buyer(o)));
  }

  static String status(JsonObject o) {
    if (string(o, "cancelled_at") != null) {
      return OrderDetails.CANCELLED;
    }
    String financial = lower(string(o, "financial_status"));
    if ("refunded".equals(financial) || "voided".equals(financial)) {
      return financial;
    }
    String fulfillment = lower(string(o, "fulfillment_status"));
    if ("fulfilled".equals(fulfillment)) {
      return "fulfilled";
    }
    if ("partial".equals(fulfillment)) {
      return "partially_fulfilled";
    }
    return financial != null ? financial : OrderDetails.PLACED;
  }

  private static List<OrderLine> lines(JsonObject o, String currency) {
    List<OrderLine> lines = new ArrayList<>();
    if (o.get("line_items") instanceof JsonArray items) {
      for (JsonValue v : items) {
        if (!(v instanceof JsonObject item)) {
          continue;
        }
        BigDecimal price = decimal(item.get("price"));
        int quantity =
            item.get("quantity") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : 0;
        if (price == null || quantity <= 0) {
          continue; // a line without price or quantity says nothing about money
        }
        String name = string(item, "title") != null ? string(item, "title") : string(item, "name");
        lines.add(new OrderLine(string(item, "sku"), name, quantity, price, currency));
      }
    }
    return lines;
  }

  private static OrderBuyer buyer(JsonObject o) {
    JsonObject customer =
        o.get("customer") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
    JsonObject billing =
        o.get("billing_address") instanceof JsonObject b ? b : JsonValue.EMPTY_JSON_OBJECT;
    JsonObject shipping =
        o.get("shipping_address") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
    String phone =
        first(
            e164(string(o, "phone")),
            e164(string(customer, "phone")),
            e164(string(billing, "phone")),
            e164(string(shipping, "phone")));
    String email = first(string(o, "email"), string(o, "contact_email"), string(customer, "email"));
    String name =
        first(
            join(string(customer, "first_name"), string(customer, "last_name")),
            string(billing, "name"),
            string(shipping, "name"));
    return new OrderBuyer(phone, email == null ? null : email.toLowerCase(Locale.ROOT), name);
  }

  private static JsonObject object(byte[] body) {
    try {
      if (EngineJson.PROVIDER.createReader(new ByteArrayInputStream(body)).readValue()
          instanceof JsonObject o) {
        return o;
      }
    } catch (JsonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("not a JSON object");
  }

  private static String id(JsonObject o) {
    JsonValue v = o.get("id");
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.bigIntegerValue().toString();
    }
    return v instanceof JsonString s && !s.getString().isBlank() ? s.getString().strip() : null;
  }

  private static Instant time(JsonObject o, String key) {
    String s = string(o, key);
    try {
      return s == null ? null : OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static BigDecimal decimal(JsonValue v) {
    try {
      if (v instanceof JsonString s) {
        return new BigDecimal(s.getString().strip());
      }
      return v instanceof JsonNumber n ? n.bigDecimalValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s && !s.getString().isBlank()
        ? s.getString().strip()
        : null;
  }

  private static String e164(String phone) {
    return PhoneNumberNormalizer.toE164(phone).orElse(null);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String join(String first, String last) {
    String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return name.isEmpty() ? null : name;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
