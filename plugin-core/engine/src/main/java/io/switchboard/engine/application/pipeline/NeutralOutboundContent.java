package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.content.CatalogProducts;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Reaction;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locations, contact cards and reactions an agent sends, in the same neutral JSON as customers'
 * ({@link MessageContentJson}), marked {@code "outbound": true}, and read back for sending.
 * Coordinates and every card field survive exactly.
 *
 * <pre>{@code
 * String json = NeutralOutboundContent.write(new Location(lat, lon, "Shop", null));
 * Optional<OutboundContent> back = NeutralOutboundContent.read(parsedJson);
 * }</pre>
 */
final class NeutralOutboundContent {
  private NeutralOutboundContent() {}

  /** The neutral JSON of a location, contact cards or a reaction. */
  static String write(io.switchboard.spi.content.InboundContent content) {
    JsonObject neutral =
        EngineJson.PROVIDER
            .createReader(new StringReader(MessageContentJson.write(content, MessageContext.NONE)))
            .readObject();
    return EngineJson.PROVIDER
        .createObjectBuilder(neutral)
        .add("outbound", true)
        .build()
        .toString();
  }

  /** The neutral JSON of reply buttons or a list message. */
  static String write(Interactive i) {
    jakarta.json.JsonArrayBuilder sections = EngineJson.PROVIDER.createArrayBuilder();
    for (Interactive.Section section : i.sections()) {
      jakarta.json.JsonArrayBuilder options = EngineJson.PROVIDER.createArrayBuilder();
      for (Interactive.Option o : section.options()) {
        jakarta.json.JsonObjectBuilder b =
            EngineJson.PROVIDER.createObjectBuilder().add("id", o.id()).add("title", o.title());
        put(b, "description", o.description());
        options.add(b);
      }
      jakarta.json.JsonObjectBuilder s =
          EngineJson.PROVIDER.createObjectBuilder().add("options", options);
      put(s, "title", section.title());
      sections.add(s);
    }
    jakarta.json.JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("type", "interactive")
            .add("outbound", true)
            .add("style", i.style().name())
            .add("body", i.body())
            .add("sections", sections)
            .add("summary", i.body());
    put(b, "header", i.header());
    put(b, "footer", i.footer());
    put(b, "listButton", i.listButton());
    return b.build().toString();
  }

  /** The neutral JSON of catalog products. */
  static String write(CatalogProducts p) {
    jakarta.json.JsonArrayBuilder sections = EngineJson.PROVIDER.createArrayBuilder();
    for (CatalogProducts.Section section : p.sections()) {
      jakarta.json.JsonArrayBuilder ids = EngineJson.PROVIDER.createArrayBuilder();
      section.productIds().forEach(ids::add);
      jakarta.json.JsonObjectBuilder s =
          EngineJson.PROVIDER.createObjectBuilder().add("productIds", ids);
      put(s, "title", section.title());
      sections.add(s);
    }
    jakarta.json.JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("type", p.type())
            .add("outbound", true)
            .add("catalogId", p.catalogId())
            .add("sections", sections)
            .add("summary", "Products: " + String.join(", ", p.productIds()));
    put(b, "header", p.header());
    put(b, "body", p.body());
    put(b, "footer", p.footer());
    return b.build().toString();
  }

  /** The content a stored neutral JSON holds, when it is one of these kinds. */
  static Optional<io.switchboard.spi.content.OutboundContent> read(JsonObject o) {
    switch (o.getString("type", "")) {
      case "location":
        return Optional.of(
            new Location(
                new BigDecimal(o.getString("latitude")),
                new BigDecimal(o.getString("longitude")),
                o.getString("name", null),
                o.getString("address", null)));
      case "reaction":
        return Optional.of(new Reaction(o.getString("target"), o.getString("emoji", "")));
      case "contacts":
        List<ContactCard> cards = new ArrayList<>();
        for (JsonValue v : array(o, "cards")) {
          JsonObject c = v.asJsonObject();
          cards.add(
              new ContactCard(
                  c.getString("name", null),
                  entries(c, "phones"),
                  entries(c, "emails"),
                  entries(c, "addresses"),
                  c.getString("organisation", null),
                  c.getString("channelUserId", null)));
        }
        return Optional.of(new Contacts(cards));
      case "interactive":
        List<Interactive.Section> sections = new ArrayList<>();
        for (JsonValue v : array(o, "sections")) {
          JsonObject section = v.asJsonObject();
          List<Interactive.Option> options = new ArrayList<>();
          for (JsonValue ov : array(section, "options")) {
            JsonObject opt = ov.asJsonObject();
            options.add(
                new Interactive.Option(
                    opt.getString("id"),
                    opt.getString("title"),
                    opt.getString("description", null)));
          }
          sections.add(new Interactive.Section(section.getString("title", null), options));
        }
        return Optional.of(
            new Interactive(
                Interactive.Style.valueOf(o.getString("style")),
                o.getString("header", null),
                o.getString("body"),
                o.getString("footer", null),
                o.getString("listButton", null),
                sections));
      case "catalog_products":
        List<CatalogProducts.Section> productSections = new ArrayList<>();
        for (JsonValue v : array(o, "sections")) {
          JsonObject section = v.asJsonObject();
          List<String> ids = new ArrayList<>();
          array(section, "productIds").forEach(id -> ids.add(((JsonString) id).getString()));
          productSections.add(new CatalogProducts.Section(section.getString("title", null), ids));
        }
        return Optional.of(
            new CatalogProducts(
                o.getString("catalogId"),
                o.getString("header", null),
                o.getString("body", null),
                o.getString("footer", null),
                productSections));
      default:
        return Optional.empty();
    }
  }

  private static List<ContactCard.Entry> entries(JsonObject card, String key) {
    List<ContactCard.Entry> out = new ArrayList<>();
    for (JsonValue v : array(card, key)) {
      JsonObject e = v.asJsonObject();
      out.add(
          new ContactCard.Entry(
              e.get("label") instanceof JsonString l ? l.getString() : null, e.getString("value")));
    }
    return out;
  }

  private static void put(jakarta.json.JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static JsonArray array(JsonObject o, String key) {
    return o.get(key) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }
}
