package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
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

  /** The content a stored neutral JSON holds, when it is one of the three kinds. */
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

  private static JsonArray array(JsonObject o, String key) {
    return o.get(key) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }
}
