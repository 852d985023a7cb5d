package io.switchboard.sandbox.whatsapp;

import static io.switchboard.sandbox.whatsapp.RequestFields.path;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the type-specific part of a business send ({@code text}, the media types, {@code location},
 * {@code contacts}, {@code reaction}) into {@link MessageContent}, with Meta's limits; interactive
 * and template messages have their own readers. A malformed field is refused with code 100.
 */
final class OutboundContentParser {
  private static final int MAX_TEXT = 4096;
  private static final int MAX_CAPTION = 1024;
  private static final Set<String> CAPTIONED = Set.of("image", "video", "document");

  private final MediaStore media;
  private final ChatLog log;

  OutboundContentParser(MediaStore media, ChatLog log) {
    this.media = media;
    this.log = log;
  }

  /** Reads a message of {@code type} to {@code recipient}. */
  OutboundMessage parse(String type, Map<String, Object> body, WaId recipient) {
    switch (type) {
      case "text":
        return OutboundMessage.of(text(RequestFields.object(body, "text", "message")));
      case "image":
      case "video":
      case "audio":
      case "document":
      case "sticker":
        return media(type, RequestFields.object(body, type, "message"));
      case "location":
        return OutboundMessage.of(location(RequestFields.object(body, "location", "message")));
      case "contacts":
        return OutboundMessage.of(contacts(body));
      case "reaction":
        return OutboundMessage.of(
            reaction(RequestFields.object(body, "reaction", "message"), recipient));
      default:
        throw new IllegalArgumentException("not a basic type: " + type);
    }
  }

  private static MessageContent text(Map<String, Object> text) {
    String body = RequestFields.text(text, "body", "text", MAX_TEXT);
    Map<String, Object> payload = new LinkedHashMap<>();
    Object preview = text.get("preview_url");
    if (preview != null && !(preview instanceof Boolean)) {
      throw GraphRefusal.invalid("The parameter text['preview_url'] must be a boolean");
    }
    if (preview != null) {
      payload.put("preview_url", preview);
    }
    payload.put("body", body);
    return new MessageContent("text", body, payload, null);
  }

  private OutboundMessage media(String type, Map<String, Object> object) {
    String id = RequestFields.optionalText(object, "id", type, 64);
    String link = RequestFields.optionalText(object, "link", type, 2048);
    if ((id == null) == (link == null)) {
      throw GraphRefusal.invalid(
          "Exactly one of " + path(type, "id") + " and " + path(type, "link") + " is required");
    }
    if (link != null && !isHttpUrl(link)) {
      throw GraphRefusal.invalid(path(type, "link") + " must be an absolute http(s) URL");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(id != null ? "id" : "link", id != null ? id : link);
    String caption = RequestFields.optionalText(object, "caption", type, MAX_CAPTION);
    if (caption != null && !CAPTIONED.contains(type)) {
      throw GraphRefusal.invalid(
          path(type, "caption") + " is not allowed for " + type + " messages");
    }
    if (caption != null) {
      payload.put("caption", caption);
    }
    String filename = RequestFields.optionalText(object, "filename", type, 240);
    if (filename != null && !"document".equals(type)) {
      throw GraphRefusal.invalid(path(type, "filename") + " is allowed for documents only");
    }
    if (filename != null) {
      payload.put("filename", filename);
    }
    String label =
        caption != null ? caption : filename != null ? filename : id != null ? "media " + id : link;
    MessageContent content = new MessageContent(type, "[" + type + "] " + label, payload, null);
    return new OutboundMessage(content, id == null ? null : mediaProblem(type, id));
  }

  /** Meta accepts a send with any media id and fails it later if the media cannot be used. */
  private WhatsAppErrorCatalog.Entry mediaProblem(String type, String id) {
    StoredMedia stored = media.find(id).orElse(null);
    WhatsAppErrorCatalog.Entry upload = WhatsAppErrorCatalog.of(131053);
    if (stored == null) {
      return upload.withDetails(
          "Unable to download the media: media id " + id + " does not exist or was deleted.");
    }
    if (!"document".equals(type) && !stored.kind().messageType().equals(type)) {
      return upload.withDetails(
          "Media id "
              + id
              + " is "
              + stored.mimeType()
              + ", which cannot be sent as "
              + type
              + ".");
    }
    return null;
  }

  private static MessageContent location(Map<String, Object> location) {
    BigDecimal latitude = RequestFields.number(location, "latitude", "location");
    BigDecimal longitude = RequestFields.number(location, "longitude", "location");
    if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
        || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
      throw GraphRefusal.invalid(
          "location latitude must be within +-90 and longitude within +-180");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("latitude", latitude);
    payload.put("longitude", longitude);
    String name = RequestFields.optionalText(location, "name", "location", 1000);
    String address = RequestFields.optionalText(location, "address", "location", 1000);
    if (name != null) {
      payload.put("name", name);
    }
    if (address != null) {
      payload.put("address", address);
    }
    String where = (name == null ? "" : name + " ") + (address == null ? "" : address + " ");
    return new MessageContent(
        "location", "[location] " + where + "(" + latitude + ", " + longitude + ")", payload, null);
  }

  private static MessageContent contacts(Map<String, Object> body) {
    List<?> contacts = RequestFields.list(body, "contacts", "message", 1, 257);
    List<String> names = new ArrayList<>();
    for (Object element : contacts) {
      Map<String, Object> contact = RequestFields.element(element, "contacts");
      Map<String, Object> name = RequestFields.object(contact, "name", "contacts[]");
      names.add(RequestFields.text(name, "formatted_name", "contacts[]['name']", 1000));
    }
    return new MessageContent(
        "contacts", "[contacts] " + String.join(", ", names), Map.of("contacts", contacts), null);
  }

  private MessageContent reaction(Map<String, Object> reaction, WaId recipient) {
    String target = RequestFields.text(reaction, "message_id", "reaction", 200);
    Object emoji = reaction.get("emoji");
    if (!(emoji instanceof String text) || text.codePointCount(0, text.length()) > 8) {
      throw GraphRefusal.invalid(
          "The parameter reaction['emoji'] is required: one emoji, or \"\" to remove the reaction");
    }
    ChatMessage reacted = log.find(target).orElse(null);
    if (reacted == null || !reacted.phone().equals(recipient)) {
      throw GraphRefusal.invalid(
          "reaction['message_id'] '" + target + "' is not a message of the chat with " + recipient);
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message_id", target);
    payload.put("emoji", text);
    return new MessageContent(
        "reaction", text.isEmpty() ? "[reaction removed]" : "[reaction] " + text, payload, null);
  }

  static boolean isHttpUrl(String link) {
    try {
      URI uri = URI.create(link);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
