package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.WebhookMessage.child;
import static io.switchboard.connector.whatsapp.model.WebhookMessage.children;
import static io.switchboard.connector.whatsapp.model.WebhookMessage.field;
import static io.switchboard.connector.whatsapp.model.WebhookMessage.flag;

import io.switchboard.connector.whatsapp.model.WebhookMessage;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.channel.MessageContent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns one WhatsApp message into channel-neutral content: its type name, a readable text (the
 * body, the caption, or a summary for agents) and media references. The message's own JSON is
 * always kept as {@code rawJson}, so nothing WhatsApp sent is lost (referrals, product context,
 * button ids, future fields).
 */
final class InboundContentTranslator {

  /** Message types with a media object ({@code id}, {@code mime_type}, optional caption). */
  static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document", "sticker");

  /** Every type this translator interprets; others are kept with a generic summary. */
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
          "button",
          "reaction",
          "order",
          "system",
          "unsupported");

  MessageContent translate(WebhookMessage message) {
    String type = message.type();
    String raw = message.json().toString();
    if (MEDIA_TYPES.contains(type)) {
      return media(message, raw);
    }
    String text =
        switch (type) {
          case "text" -> message.payloadString("text", "body");
          case "location" -> location(message.payload("location"));
          case "contacts" -> contacts(message.array("contacts"));
          case "interactive" -> interactive(message.payload("interactive"));
          case "button" -> message.payloadString("button", "text");
          case "reaction" -> reaction(message.payload("reaction"));
          case "order" -> order(message.payload("order"));
          case "system" -> message.payloadString("system", "body");
          case "unsupported" -> unsupported(message.array("errors"));
          default -> "WhatsApp message of type \"" + type + "\" (not interpreted by Switchboard)";
        };
    return new MessageContent(type, text, List.of(), raw);
  }

  /** The message a reaction reacts to, which WhatsApp does not put in {@code context}. */
  static String reactionTarget(WebhookMessage message) {
    return "reaction".equals(message.type())
        ? message.payloadString("reaction", "message_id")
        : null;
  }

  private static MessageContent media(WebhookMessage message, String raw) {
    String type = message.type();
    JsonObject media = message.payload(type);
    List<Attachment> attachments = new ArrayList<>();
    String mediaId = field(media, "id");
    if (mediaId != null) {
      attachments.add(
          new Attachment(field(media, "filename"), field(media, "mime_type"), -1, mediaId, null));
    }
    String caption = field(media, "caption");
    String text = caption != null && !caption.isBlank() ? caption : mediaSummary(type, media);
    return new MessageContent(type, text, attachments, raw);
  }

  private static String mediaSummary(String type, JsonObject media) {
    return switch (type) {
      case "audio" -> flag(media, "voice") ? "Voice message" : "Audio";
      case "document" -> {
        String name = field(media, "filename");
        yield name == null ? "Document" : "Document: " + name;
      }
      case "image" -> "Image";
      case "video" -> "Video";
      default -> "Sticker";
    };
  }

  private static String location(JsonObject location) {
    String name = field(location, "name");
    String address = field(location, "address");
    String coordinates = field(location, "latitude") + ", " + field(location, "longitude");
    StringBuilder text = new StringBuilder("Location: ");
    if (name != null) {
      text.append(name).append(", ");
    }
    if (address != null) {
      text.append(address).append(' ');
    }
    return text.append('(').append(coordinates).append(')').toString();
  }

  private static String contacts(List<JsonObject> cards) {
    String people =
        cards.stream()
            .map(
                card -> {
                  String name = field(child(card, "name"), "formatted_name");
                  String phones =
                      children(card, "phones").stream()
                          .map(p -> field(p, "phone"))
                          .filter(p -> p != null)
                          .collect(Collectors.joining(", "));
                  String who = name == null ? "(no name)" : name;
                  return phones.isEmpty() ? who : who + " (" + phones + ")";
                })
            .collect(Collectors.joining("; "));
    return "Shared contact" + (cards.size() == 1 ? "" : "s") + ": " + people;
  }

  private static String interactive(JsonObject interactive) {
    String kind = field(interactive, "type");
    JsonObject reply = child(interactive, kind == null ? "" : kind);
    String title = field(reply, "title");
    if (title == null) {
      return "Interactive reply" + (kind == null ? "" : " (" + kind + ")");
    }
    String description = field(reply, "description");
    return description == null ? title : title + ": " + description;
  }

  private static String reaction(JsonObject reaction) {
    String emoji = field(reaction, "emoji");
    return emoji == null || emoji.isEmpty() ? "Reaction removed" : "Reacted " + emoji;
  }

  private static String order(JsonObject order) {
    List<JsonObject> items = children(order, "product_items");
    String lines =
        items.stream()
            .map(
                i ->
                    field(i, "quantity")
                        + " x "
                        + field(i, "product_retailer_id")
                        + " at "
                        + field(i, "item_price")
                        + " "
                        + field(i, "currency"))
            .collect(Collectors.joining(", "));
    String note = field(order, "text");
    return "Order of "
        + items.size()
        + " product"
        + (items.size() == 1 ? "" : "s")
        + (lines.isEmpty() ? "" : ": " + lines)
        + (note == null || note.isBlank() ? "" : ". Note: " + note);
  }

  private static String unsupported(List<JsonObject> errors) {
    return errors.stream()
        .findFirst()
        .map(
            e -> {
              String details = field(child(e, "error_data"), "details");
              String title = field(e, "title");
              return "Unsupported message: " + (details != null ? details : title);
            })
        .orElse("Unsupported message");
  }
}
