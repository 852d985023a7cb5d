package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.LenientJson.bool;
import static io.switchboard.connector.whatsapp.model.LenientJson.decimal;
import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.objects;
import static io.switchboard.connector.whatsapp.model.LenientJson.string;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.connector.whatsapp.model.UnreadablePartException;
import io.switchboard.connector.whatsapp.model.WebhookMessage;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.InboundContent;
import io.switchboard.spi.content.InteractiveReply;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.OrderItem;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one WhatsApp message into structured, channel-neutral content. A type nobody knows yet
 * becomes {@link Unsupported} with the message's JSON; a message WhatsApp itself flags with {@code
 * errors} (type {@code unsupported}, 131051) becomes {@link Unsupported} with WhatsApp's reason. A
 * known type without the fields it cannot do without (a media id, coordinates, a product id) is
 * unreadable, which the parser reports for that message alone.
 */
final class InboundContentTranslator {

  /** The content types this translator interprets; others arrive as {@link Unsupported}. */
  static final Set<String> INTERPRETED_TYPES =
      Set.of(
          "text",
          "image",
          "video",
          "audio",
          "document",
          "sticker",
          "location",
          "contacts",
          "interactive",
          "reaction",
          "order",
          "system");

  InboundContent translate(WebhookMessage message) throws UnreadablePartException {
    String raw = message.json().toString();
    List<JsonObject> errors = objects(message.json(), "errors");
    if (!errors.isEmpty() || "unsupported".equals(message.type())) {
      return new Unsupported(message.type(), raw, errorReason(errors));
    }
    return switch (message.type()) {
      case "text" -> textMessage(message);
      case "image" -> media(message, MediaKind.IMAGE);
      case "video" -> media(message, MediaKind.VIDEO);
      case "audio" ->
          media(
              message, bool(message.payload("audio"), "voice") ? MediaKind.VOICE : MediaKind.AUDIO);
      case "document" -> media(message, MediaKind.DOCUMENT);
      case "sticker" ->
          media(
              message,
              bool(message.payload("sticker"), "animated")
                  ? MediaKind.ANIMATED_STICKER
                  : MediaKind.STICKER);
      case "location" -> location(required(message, "location"));
      case "contacts" -> contacts(message);
      case "interactive" -> interactive(required(message, "interactive"), raw);
      case "button" -> templateButton(required(message, "button"));
      case "reaction" -> reaction(required(message, "reaction"));
      case "order" -> order(required(message, "order"));
      case "system" -> system(message);
      default -> new Unsupported(message.type(), raw, null);
    };
  }

  private static JsonObject required(WebhookMessage message, String key)
      throws UnreadablePartException {
    JsonObject payload = message.payload(key);
    if (payload == null) {
      throw new UnreadablePartException(message.type() + " message has no \"" + key + "\" object");
    }
    return payload;
  }

  private static Text textMessage(WebhookMessage message) throws UnreadablePartException {
    String body = string(required(message, "text"), "body");
    if (body == null) {
      throw new UnreadablePartException("text message has no \"text.body\"");
    }
    return Text.of(body);
  }

  private static Media media(WebhookMessage message, MediaKind kind)
      throws UnreadablePartException {
    JsonObject media = required(message, message.type());
    String id = text(media, "id");
    if (id == null) {
      throw new UnreadablePartException(message.type() + " message has no media \"id\"");
    }
    return new Media(
        kind,
        id,
        null,
        text(media, "mime_type"),
        string(media, "caption"),
        text(media, "filename"),
        -1,
        text(media, "sha256"));
  }

  private static Location location(JsonObject location) throws UnreadablePartException {
    BigDecimal latitude = decimal(location, "latitude");
    BigDecimal longitude = decimal(location, "longitude");
    if (latitude == null || longitude == null) {
      throw new UnreadablePartException("location message lacks latitude or longitude");
    }
    return new Location(latitude, longitude, text(location, "name"), text(location, "address"));
  }

  private static Contacts contacts(WebhookMessage message) throws UnreadablePartException {
    List<JsonObject> cards = objects(message.json(), "contacts");
    if (cards.isEmpty()) {
      throw new UnreadablePartException("contacts message has no \"contacts\" array");
    }
    return new Contacts(cards.stream().map(InboundContentTranslator::card).toList());
  }

  private static ContactCard card(JsonObject card) {
    JsonObject name = object(card, "name");
    String formatted = text(name, "formatted_name");
    if (formatted == null) {
      String joined =
          Stream.of(text(name, "first_name"), text(name, "last_name"))
              .filter(Objects::nonNull)
              .collect(Collectors.joining(" "));
      formatted = joined.isEmpty() ? null : joined;
    }
    List<JsonObject> phones = objects(card, "phones");
    JsonObject org = object(card, "org");
    return new ContactCard(
        formatted,
        entries(phones, "phone"),
        entries(objects(card, "emails"), "email"),
        objects(card, "addresses").stream()
            .map(a -> new ContactCard.Entry(text(a, "type"), addressLine(a)))
            .filter(e -> !e.value().isEmpty())
            .toList(),
        org == null ? null : text(org, "company"),
        phones.stream()
            .map(p -> text(p, "wa_id"))
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null));
  }

  private static List<ContactCard.Entry> entries(List<JsonObject> objects, String valueKey) {
    return objects.stream()
        .filter(o -> text(o, valueKey) != null)
        .map(o -> new ContactCard.Entry(text(o, "type"), text(o, valueKey)))
        .toList();
  }

  private static String addressLine(JsonObject address) {
    String cityLine =
        Stream.of(text(address, "zip"), text(address, "city"))
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    return Stream.of(
            text(address, "street"),
            cityLine.isEmpty() ? null : cityLine,
            text(address, "state"),
            text(address, "country"))
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
  }

  private static InboundContent interactive(JsonObject interactive, String raw)
      throws UnreadablePartException {
    String kind = text(interactive, "type");
    JsonObject reply = kind == null ? null : object(interactive, kind);
    if (reply == null) {
      throw new UnreadablePartException(
          "interactive message has no reply object" + (kind == null ? "" : " \"" + kind + "\""));
    }
    return switch (kind) {
      case "button_reply" ->
          new InteractiveReply(
              InteractiveReply.Kind.BUTTON, text(reply, "id"), text(reply, "title"), null, null);
      case "list_reply" ->
          new InteractiveReply(
              InteractiveReply.Kind.LIST,
              text(reply, "id"),
              text(reply, "title"),
              text(reply, "description"),
              null);
      case "nfm_reply" ->
          new InteractiveReply(
              InteractiveReply.Kind.FLOW,
              text(reply, "name"),
              text(reply, "body"),
              null,
              string(reply, "response_json"));
      default -> new Unsupported("interactive", raw, "interactive reply of type " + kind);
    };
  }

  private static InteractiveReply templateButton(JsonObject button) {
    return new InteractiveReply(
        InteractiveReply.Kind.TEMPLATE_BUTTON,
        text(button, "payload"),
        text(button, "text"),
        null,
        null);
  }

  private static Reaction reaction(JsonObject reaction) throws UnreadablePartException {
    String target = text(reaction, "message_id");
    if (target == null) {
      throw new UnreadablePartException("reaction has no \"message_id\"");
    }
    return new Reaction(target, string(reaction, "emoji"));
  }

  private static Order order(JsonObject order) throws UnreadablePartException {
    List<OrderItem> items = new ArrayList<>();
    for (JsonObject item : objects(order, "product_items")) {
      String product = text(item, "product_retailer_id");
      BigDecimal price = decimal(item, "item_price");
      BigDecimal quantity = decimal(item, "quantity");
      String currency = text(item, "currency");
      if (product == null || price == null || quantity == null || currency == null) {
        throw new UnreadablePartException(
            "order item lacks product_retailer_id, quantity, item_price or currency");
      }
      try {
        items.add(new OrderItem(product, quantity.intValueExact(), price, currency));
      } catch (ArithmeticException e) {
        throw new UnreadablePartException("order item quantity " + quantity + " is not a count");
      }
    }
    return new Order(text(order, "catalog_id"), items, text(order, "text"));
  }

  private static SystemNotice system(WebhookMessage message) throws UnreadablePartException {
    JsonObject system = required(message, "system");
    String body = text(system, "body");
    String kind = Objects.requireNonNullElse(text(system, "type"), "");
    return switch (kind) {
      case "customer_changed_number", "user_changed_number" ->
          new SystemNotice(
              SystemNotice.Kind.NUMBER_CHANGED,
              body,
              message.from(),
              first(text(system, "new_wa_id"), text(system, "wa_id")));
      case "user_changed_user_id" ->
          new SystemNotice(
              SystemNotice.Kind.USER_ID_CHANGED,
              body,
              first(
                  text(system, "previous_user_id"),
                  text(system, "old_user_id"),
                  message.fromUserId()),
              first(text(system, "new_user_id"), text(system, "user_id")));
      default -> new SystemNotice(SystemNotice.Kind.OTHER, body, null, null);
    };
  }

  private static String errorReason(List<JsonObject> errors) {
    if (errors.isEmpty()) {
      return null;
    }
    JsonObject error = errors.get(0);
    String details = text(object(error, "error_data"), "details");
    String title = first(text(error, "title"), text(error, "message"));
    String code = text(error, "code");
    String what = details != null ? details : Objects.requireNonNullElse(title, "no details");
    return code == null ? what : what + " (WhatsApp error " + code + ")";
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
