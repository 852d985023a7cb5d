package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.spi.content.CatalogProducts;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Text;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /admin/conversations/{id}/messages}: a text (optionally quoting a message
 * of the conversation), a location, contact cards or a reaction, in the engine's neutral form.
 *
 * <pre>{@code
 * {"actor":"amal","type":"location","latitude":"25.2048493","longitude":"55.2707828","name":"Shop"}
 * {"actor":"amal","type":"text","text":"See you at 5","replyTo":"wamid.HBgL..."}
 * {"actor":"amal","type":"reaction","target":"wamid.HBgL...","emoji":"\uD83D\uDC4D"}
 * {"actor":"amal","type":"contacts","cards":[{"name":"Support","phones":[{"value":"+971..."}]}]}
 * {"type":"interactive","style":"buttons","body":"Reschedule?","buttons":[{"id":"y","title":"Yes"}]}
 * }</pre>
 *
 * @param content what to send, or {@code null} when the body is unreadable
 * @param actor who sends it (shown as the author), or {@code null}
 * @param replyTo the channel id of the message to quote, or {@code null}
 * @param errors what is wrong with the body, one entry each; empty when readable
 */
record OutboundRequestJson(
    OutboundContent content, String actor, String replyTo, List<String> errors) {

  static OutboundRequestJson read(JsonObject body) {
    List<String> errors = new ArrayList<>();
    String type = text(body, "type");
    OutboundContent content = null;
    try {
      content =
          switch (type == null ? "" : type) {
            case "text" -> text(body, errors);
            case "location" -> location(body, errors);
            case "contacts" -> contacts(body, errors);
            case "reaction" -> reaction(body, errors);
            case "interactive" -> interactive(body, errors);
            case "catalog_products" -> catalog(body, errors);
            default -> {
              errors.add(
                  "type must be text, location, contacts, reaction, interactive or"
                      + " catalog_products (templates: POST"
                      + " .../template; files: reply in the CRM), got "
                      + (type == null ? "none" : type));
              yield null;
            }
          };
    } catch (ClassCastException | IllegalArgumentException e) {
      errors.add("unreadable " + type + ": " + e.getMessage());
    }
    String replyTo = text(body, "replyTo");
    if (replyTo != null && !"text".equals(type)) {
      errors.add("replyTo quotes a message with a text only");
    }
    return new OutboundRequestJson(
        errors.isEmpty() ? content : null, text(body, "actor"), replyTo, List.copyOf(errors));
  }

  private static OutboundContent text(JsonObject body, List<String> errors) {
    String text = text(body, "text");
    if (text == null || text.isBlank()) {
      errors.add("text is required");
      return null;
    }
    return new Text(text, body.getBoolean("previewUrl", false));
  }

  private static OutboundContent location(JsonObject body, List<String> errors) {
    BigDecimal lat = decimal(body, "latitude");
    BigDecimal lon = decimal(body, "longitude");
    if (lat == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
      errors.add("latitude must be a number from -90 to 90");
    }
    if (lon == null || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
      errors.add("longitude must be a number from -180 to 180");
    }
    return errors.isEmpty()
        ? new Location(lat, lon, text(body, "name"), text(body, "address"))
        : null;
  }

  private static OutboundContent reaction(JsonObject body, List<String> errors) {
    String target = text(body, "target");
    if (target == null) {
      errors.add("target (the channel id of the message to react to) is required");
      return null;
    }
    String emoji = text(body, "emoji");
    return new Reaction(target, emoji == null ? "" : emoji);
  }

  /**
   * Reply buttons ({@code "style":"buttons","buttons":[{"id","title"}]}) or a list ({@code
   * "style":"list","listButton","sections":[{"title","options":[{"id","title","description"}]}]}).
   */
  private static OutboundContent interactive(JsonObject body, List<String> errors) {
    String style = text(body, "style");
    String text = text(body, "body");
    if (text == null || text.isBlank()) {
      errors.add("body is required");
    }
    List<Interactive.Section> sections = new ArrayList<>();
    if ("buttons".equals(style)) {
      sections.add(new Interactive.Section(null, options(body, "buttons", errors)));
    } else if ("list".equals(style)) {
      if (text(body, "listButton") == null) {
        errors.add("listButton (the text of the button that opens the list) is required");
      }
      if (body.get("sections") instanceof JsonArray list && !list.isEmpty()) {
        for (JsonValue v : list) {
          if (v instanceof JsonObject s) {
            sections.add(new Interactive.Section(text(s, "title"), options(s, "options", errors)));
          }
        }
      } else {
        errors.add("sections must be a non-empty array");
      }
    } else {
      errors.add("style must be buttons or list");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Interactive(
        "buttons".equals(style) ? Interactive.Style.BUTTONS : Interactive.Style.LIST,
        text(body, "header"),
        text,
        text(body, "footer"),
        text(body, "listButton"),
        sections);
  }

  /**
   * Catalog products: {@code "catalogId", "productId"} for one product, or {@code "catalogId",
   * "header", "body", "sections":[{"title","productIds":[...]}]} for several.
   */
  private static OutboundContent catalog(JsonObject body, List<String> errors) {
    String catalogId = text(body, "catalogId");
    if (catalogId == null) {
      errors.add("catalogId is required");
      return null;
    }
    String single = text(body, "productId");
    if (single != null) {
      return CatalogProducts.single(catalogId, single, text(body, "body"), text(body, "footer"));
    }
    List<CatalogProducts.Section> sections = new ArrayList<>();
    if (body.get("sections") instanceof JsonArray list && !list.isEmpty()) {
      for (JsonValue v : list) {
        if (v instanceof JsonObject s && s.get("productIds") instanceof JsonArray ids) {
          List<String> products = new ArrayList<>();
          for (JsonValue id : ids) {
            if (id instanceof JsonString str) {
              products.add(str.getString());
            }
          }
          sections.add(new CatalogProducts.Section(text(s, "title"), products));
        } else {
          errors.add("every section needs productIds");
        }
      }
    } else {
      errors.add("productId, or sections with productIds, is required");
    }
    return errors.isEmpty()
        ? new CatalogProducts(
            catalogId, text(body, "header"), text(body, "body"), text(body, "footer"), sections)
        : null;
  }

  private static List<Interactive.Option> options(JsonObject o, String key, List<String> errors) {
    List<Interactive.Option> out = new ArrayList<>();
    if (!(o.get(key) instanceof JsonArray a) || a.isEmpty()) {
      errors.add(key + " must be a non-empty array");
      return out;
    }
    for (JsonValue v : a) {
      if (v instanceof JsonObject opt && text(opt, "id") != null && text(opt, "title") != null) {
        out.add(
            new Interactive.Option(text(opt, "id"), text(opt, "title"), text(opt, "description")));
      } else {
        errors.add("every entry of " + key + " needs an id and a title");
      }
    }
    return out;
  }

  private static OutboundContent contacts(JsonObject body, List<String> errors) {
    if (!(body.get("cards") instanceof JsonArray cards) || cards.isEmpty()) {
      errors.add("cards must be a non-empty array");
      return null;
    }
    List<ContactCard> out = new ArrayList<>();
    for (JsonValue v : cards) {
      if (!(v instanceof JsonObject c) || text(c, "name") == null) {
        errors.add("every card needs a name");
        continue;
      }
      out.add(
          new ContactCard(
              text(c, "name"),
              entries(c, "phones"),
              entries(c, "emails"),
              entries(c, "addresses"),
              text(c, "organisation"),
              null));
    }
    return errors.isEmpty() ? new Contacts(out) : null;
  }

  private static List<ContactCard.Entry> entries(JsonObject card, String key) {
    List<ContactCard.Entry> out = new ArrayList<>();
    if (card.get(key) instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonObject e && text(e, "value") != null) {
          out.add(new ContactCard.Entry(text(e, "label"), text(e, "value")));
        }
      }
    }
    return out;
  }

  private static BigDecimal decimal(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s) {
      return new BigDecimal(s.getString());
    }
    return v instanceof jakarta.json.JsonNumber n ? n.bigDecimalValue() : null;
  }

  private static String text(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
