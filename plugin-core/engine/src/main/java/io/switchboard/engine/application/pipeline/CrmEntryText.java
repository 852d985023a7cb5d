package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a customer's message reads in the CRM, where agents see only text and files: an order as one
 * line per product with its total, a reaction next to the message it reacts to, a quoted reply with
 * what it quotes, a location as a map link, a contact card with every phone, e-mail and address.
 * Works from the engine's neutral content JSON ({@link MessageContentJson}), so it is the same for
 * every channel.
 */
final class CrmEntryText {
  /** Longest excerpt of a quoted or reacted-to message. */
  static final int EXCERPT = 160;

  /** What a message refers to (a quote, the target of a reaction), looked up by channel id. */
  interface Lookup {
    Optional<Referenced> byExternalId(String externalId);
  }

  /**
   * @param fromCustomer whether the customer wrote it (else the business did)
   * @param text its text or summary
   */
  record Referenced(boolean fromCustomer, String text) {}

  private CrmEntryText() {}

  /**
   * @param contentJson the message's neutral content JSON, or {@code null} for a message stored
   *     before content was structured
   * @param fallback the message's summary, used when there is no content JSON
   */
  static String render(String contentJson, String fallback, Lookup lookup) {
    Optional<JsonObject> parsed = parse(contentJson);
    if (parsed.isEmpty()) {
      return fallback == null || fallback.isBlank() ? "[message]" : fallback;
    }
    JsonObject c = parsed.get();
    StringBuilder out = new StringBuilder();
    context(c, lookup, out);
    body(c, lookup, out);
    referral(c, out);
    String text = out.toString().strip();
    return text.isEmpty() ? (fallback == null ? "[message]" : fallback) : text;
  }

  private static void context(JsonObject c, Lookup lookup, StringBuilder out) {
    if (c.getBoolean("forwarded", false)) {
      out.append(
          c.getBoolean("frequentlyForwarded", false)
              ? "(Forwarded many times)\n"
              : "(Forwarded)\n");
    }
    String quoted = str(c, "quoted");
    if (quoted != null && !"reaction".equals(str(c, "type"))) {
      out.append("> In reply to ").append(describe(quoted, lookup)).append("\n\n");
    }
  }

  private static void body(JsonObject c, Lookup lookup, StringBuilder out) {
    String type = str(c, "type");
    switch (type == null ? "" : type) {
      case "text" -> out.append(str(c, "text"));
      case "location" -> location(c, out);
      case "contacts" -> contacts(c, out);
      case "reaction" -> reaction(c, lookup, out);
      case "order" -> order(c, out);
      case "interactive", "button" -> interactive(c, out);
      default -> out.append(str(c, "summary"));
    }
  }

  private static void location(JsonObject c, StringBuilder out) {
    String lat = str(c, "latitude");
    String lon = str(c, "longitude");
    out.append("Location");
    String name = str(c, "name");
    String address = str(c, "address");
    if (name != null || address != null) {
      out.append(": ")
          .append(name == null ? "" : name)
          .append(name != null && address != null ? ", " : "")
          .append(address == null ? "" : address);
    }
    out.append("\n")
        .append(lat)
        .append(", ")
        .append(lon)
        .append("\nhttps://www.openstreetmap.org/?mlat=")
        .append(encode(lat))
        .append("&mlon=")
        .append(encode(lon))
        .append("#map=17/")
        .append(encode(lat))
        .append('/')
        .append(encode(lon));
  }

  private static void contacts(JsonObject c, StringBuilder out) {
    JsonArray cards = array(c, "cards");
    out.append(cards.size() == 1 ? "Shared a contact" : "Shared " + cards.size() + " contacts");
    for (JsonValue v : cards) {
      if (!(v instanceof JsonObject card)) {
        continue;
      }
      out.append("\n\n").append(orDash(str(card, "name")));
      if (str(card, "organisation") != null) {
        out.append("\nOrganisation: ").append(str(card, "organisation"));
      }
      entries(card, "phones", "Phone", out);
      entries(card, "emails", "E-mail", out);
      entries(card, "addresses", "Address", out);
    }
  }

  private static void entries(JsonObject card, String key, String label, StringBuilder out) {
    for (JsonValue v : array(card, key)) {
      if (v instanceof JsonObject e && str(e, "value") != null) {
        out.append('\n').append(label);
        if (str(e, "label") != null) {
          out.append(" (").append(str(e, "label").toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        out.append(": ").append(str(e, "value"));
      }
    }
  }

  private static void reaction(JsonObject c, Lookup lookup, StringBuilder out) {
    String target = str(c, "target");
    String who = target == null ? "a message" : describe(target, lookup);
    if (c.getBoolean("removed", false)) {
      out.append("Removed their reaction from ").append(who);
    } else {
      out.append("Reacted ").append(str(c, "emoji")).append(" to ").append(who);
    }
  }

  private static void order(JsonObject c, StringBuilder out) {
    JsonArray items = array(c, "items");
    out.append("Order of ")
        .append(items.size())
        .append(items.size() == 1 ? " product" : " products");
    if (str(c, "catalogId") != null) {
      out.append(" (catalog ").append(str(c, "catalogId")).append(')');
    }
    out.append(':');
    String currency = null;
    boolean mixed = false;
    for (JsonValue v : items) {
      if (!(v instanceof JsonObject i)) {
        continue;
      }
      String cur = str(i, "currency");
      mixed |= currency != null && !currency.equals(cur);
      currency = cur;
      BigDecimal unit = decimal(i, "unitPrice");
      int quantity = i.getInt("quantity", 0);
      out.append("\n  ")
          .append(quantity)
          .append(" x ")
          .append(str(i, "productId"))
          .append(" at ")
          .append(unit == null ? "?" : unit.toPlainString())
          .append(' ')
          .append(cur)
          .append(" = ")
          .append(unit == null ? "?" : unit.multiply(BigDecimal.valueOf(quantity)).toPlainString())
          .append(' ')
          .append(cur);
    }
    BigDecimal total = decimal(c, "total");
    if (mixed) {
      out.append("\nTotal: not summed (the lines are in several currencies)");
    } else if (total != null) {
      out.append("\nTotal: ")
          .append(total.toPlainString())
          .append(currency == null ? "" : " " + currency);
    }
    if (str(c, "note") != null) {
      out.append("\nNote: ").append(str(c, "note"));
    }
  }

  private static void interactive(JsonObject c, StringBuilder out) {
    String kind = str(c, "kind");
    String title = str(c, "title");
    String what =
        kind == null
            ? "reply"
            : switch (kind) {
              case "BUTTON" -> "button";
              case "LIST" -> "list item";
              case "TEMPLATE_BUTTON" -> "template button";
              case "FLOW" -> "form";
              default -> "reply";
            };
    if ("FLOW".equals(kind)) {
      out.append("Submitted the form").append(title == null ? "" : " " + quote(title));
      flowResponse(str(c, "response"), out);
      return;
    }
    out.append("Chose the ").append(what).append(' ').append(quote(orDash(title)));
    if (str(c, "description") != null) {
      out.append(": ").append(str(c, "description"));
    }
  }

  private static void flowResponse(String json, StringBuilder out) {
    Optional<JsonObject> response = parse(json);
    if (response.isEmpty()) {
      return;
    }
    for (var e : response.get().entrySet()) {
      if ("flow_token".equals(e.getKey())) {
        continue;
      }
      JsonValue v = e.getValue();
      out.append("\n  ")
          .append(e.getKey())
          .append(": ")
          .append(v instanceof JsonString s ? s.getString() : v.toString());
    }
  }

  private static void referral(JsonObject c, StringBuilder out) {
    // Stored as a JSON text inside the content (see MessageContentJson.write).
    JsonValue value = c.get("referral");
    Optional<JsonObject> parsed =
        value instanceof JsonObject o
            ? Optional.of(o)
            : value instanceof JsonString s ? parse(s.getString()) : Optional.empty();
    if (parsed.isEmpty()) {
      return;
    }
    JsonObject r = parsed.get();
    out.append("\n\n(Came from ");
    String source = str(r, "sourceType");
    out.append("post".equals(source) ? "a post" : "an ad");
    if (str(r, "headline") != null) {
      out.append(' ').append(quote(str(r, "headline")));
    }
    if (str(r, "sourceUrl") != null) {
      out.append(": ").append(str(r, "sourceUrl"));
    }
    out.append(')');
  }

  private static String describe(String externalId, Lookup lookup) {
    Optional<Referenced> m = lookup.byExternalId(externalId);
    if (m.isEmpty()) {
      return "an earlier message";
    }
    return (m.get().fromCustomer() ? "their message " : "our message ")
        + quote(excerpt(m.get().text()));
  }

  static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT
        ? flat
        : flat.substring(
                0,
                flat.offsetByCodePoints(
                    0, Math.min(EXCERPT, flat.codePointCount(0, flat.length()))))
            + "...";
  }

  private static String quote(String s) {
    return "\u201c" + s + "\u201d";
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private static String str(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static BigDecimal decimal(JsonObject o, String key) {
    try {
      String s = str(o, key);
      return s == null ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonArray array(JsonObject o, String key) {
    return o.get(key) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }

  private static Optional<JsonObject> parse(String json) {
    return EngineJson.objectOrEmpty(json);
  }
}
