package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body a shop pushes to {@code POST /api/shops/{id}/orders} (docs/orders.md), read strictly:
 * every bad field is named. Unknown fields are ignored.
 *
 * <pre>{@code
 * {"orderId": "1001", "status": "paid", "placedAt": "2026-12-03T10:15:00Z",
 *  "updatedAt": "2026-12-03T10:20:00Z", "currency": "AED", "total": "199.50",
 *  "customer": {"phone": "+971501234567", "email": "amal@example.com", "name": "Amal"},
 *  "items": [{"sku": "TEA-1", "name": "Saffron tea", "quantity": 2, "unitPrice": "99.75"}],
 *  "note": "Gift wrap"}
 * }</pre>
 */
public final class ShopOrderJson {
  static final int MAX_ITEMS = 1000;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private ShopOrderJson() {}

  /**
   * @throws InvalidOrderException naming every field that is missing or wrong
   */
  public static PushedOrder read(byte[] body) throws InvalidOrderException {
    JsonObject o;
    try {
      JsonValue value =
          EngineJson.PROVIDER.createReader(new ByteArrayInputStream(body)).readValue();
      if (!(value instanceof JsonObject object)) {
        throw invalid("", "the body must be a JSON object");
      }
      o = object;
    } catch (JsonParsingException e) {
      throw invalid("", "the body is not valid JSON");
    } catch (JsonException e) {
      throw invalid("", "the body is not valid JSON");
    }
    JsonFields f = new JsonFields();
    String orderId = f.id(o, "orderId", "orderId", 255);
    String status = f.text(o, "status", "status", 40);
    Instant placedAt = f.instant(o, "placedAt", "placedAt", true);
    Instant updatedAt = f.instant(o, "updatedAt", "updatedAt", false);
    String currency = f.currency(o, "currency", "currency");
    BigDecimal total = f.amount(o, "total", "total", currency);
    String note = f.text(o, "note", "note", 2000);
    List<OrderLine> items = items(o, f, currency);
    OrderBuyer buyer = buyer(o, f);
    if (total == null && !o.containsKey("total") && items != null && !items.isEmpty()) {
      total = items.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    } else if (total == null && !o.containsKey("total")) {
      f.problem("total", "is required (or give items to total)");
    }
    if (!f.problems().isEmpty()) {
      throw new InvalidOrderException(f.problems());
    }
    return new PushedOrder(
        orderId,
        new OrderDetails(null, placedAt, updatedAt, status, currency, total, note, items, buyer));
  }

  private static List<OrderLine> items(JsonObject o, JsonFields f, String currency) {
    JsonValue v = o.get("items");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      f.problem("items", "must be an array");
      return null;
    }
    if (array.size() > MAX_ITEMS) {
      f.problem("items", "has more than " + MAX_ITEMS + " lines");
      return null;
    }
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "items[" + i + "]";
      if (!(array.get(i) instanceof JsonObject item)) {
        f.problem(path, "must be an object");
        continue;
      }
      String sku = f.text(item, "sku", path + ".sku", 255);
      String name = f.text(item, "name", path + ".name", 500);
      if (sku == null && name == null && !item.containsKey("sku") && !item.containsKey("name")) {
        f.problem(path, "needs a sku or a name");
      }
      Integer quantity = f.count(item, "quantity", path + ".quantity", 1_000_000);
      BigDecimal unitPrice = f.amount(item, "unitPrice", path + ".unitPrice", currency);
      if (unitPrice == null && !item.containsKey("unitPrice")) {
        f.problem(path + ".unitPrice", "is required");
      }
      if (quantity != null && unitPrice != null && currency != null) {
        lines.add(new OrderLine(sku, name, quantity, unitPrice, currency));
      }
    }
    return lines;
  }

  private static OrderBuyer buyer(JsonObject o, JsonFields f) {
    JsonValue v = o.get("customer");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return OrderBuyer.UNKNOWN;
    }
    if (!(v instanceof JsonObject c)) {
      f.problem("customer", "must be an object");
      return OrderBuyer.UNKNOWN;
    }
    String phone = f.text(c, "phone", "customer.phone", 64);
    String e164 = null;
    if (phone != null) {
      e164 = PhoneNumberNormalizer.toE164(phone).orElse(null);
      if (e164 == null) {
        f.problem("customer.phone", "is not an international phone number, e.g. +971501234567");
      }
    }
    String email = f.text(c, "email", "customer.email", 320);
    if (email != null && !EMAIL.matcher(email).matches()) {
      f.problem("customer.email", "is not an e-mail address");
      email = null;
    }
    String name = f.text(c, "name", "customer.name", 255);
    return new OrderBuyer(e164, email == null ? null : email.toLowerCase(Locale.ROOT), name);
  }

  private static InvalidOrderException invalid(String field, String problem) {
    return new InvalidOrderException(List.of(new FieldProblem(field, problem)));
  }
}
