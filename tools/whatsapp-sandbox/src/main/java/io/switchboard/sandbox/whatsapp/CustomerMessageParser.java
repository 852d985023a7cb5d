package io.switchboard.sandbox.whatsapp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code POST /sandbox/api/customer-messages} into the content of a customer message: text
 * (the default), a file ({@code media}: base64 with filename, MIME type, caption, {@code voice},
 * {@code animated}) stored under a new media id, {@code location}, {@code contacts}, {@code
 * reaction} or {@code order}, each written in the shape of Meta's webhook.
 */
final class CustomerMessageParser {
  private static final int MAX_TEXT = 4096;

  private final MediaStore media;

  CustomerMessageParser(MediaStore media) {
    this.media = media;
  }

  MessageContent parse(String type, Map<String, Object> body) throws SandboxApiException {
    switch (type) {
      case "text":
        return MessageContent.text(text(body, "text", MAX_TEXT, true));
      case "image":
      case "video":
      case "audio":
      case "document":
      case "sticker":
        return media(type, object(body, "media"));
      case "location":
        return location(object(body, "location"));
      case "contacts":
        return contacts(body);
      case "reaction":
        return reaction(object(body, "reaction"));
      case "order":
        return order(object(body, "order"));
      default:
        throw SandboxApiException.badRequest(
            "'type' "
                + type
                + " is not one the sandbox sends (text, image, video, audio, "
                + "document, sticker, location, contacts, reaction, order)");
    }
  }

  private MessageContent media(String type, Map<String, Object> file) throws SandboxApiException {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(text(file, "base64", Integer.MAX_VALUE, true));
    } catch (IllegalArgumentException e) {
      throw SandboxApiException.badRequest("'media.base64' is not valid base64");
    }
    String mimeType = text(file, "mimeType", 200, true).toLowerCase(java.util.Locale.ROOT);
    MediaKind kind = MediaKind.ofMimeType(mimeType).orElse(null);
    if ("document".equals(type)) {
      kind = MediaKind.DOCUMENT; // customers may send any file as a document
    } else if (kind == null || !kind.messageType().equals(type)) {
      throw SandboxApiException.badRequest(
          "a " + type + " must be one of WhatsApp's " + type + " types, not " + mimeType);
    }
    try {
      GraphMediaHandler.checkSize(kind, bytes);
    } catch (GraphRefusal e) {
      throw SandboxApiException.badRequest(e.error().details());
    }
    String filename = text(file, "filename", 240, "document".equals(type));
    StoredMedia stored = media.add(kind, mimeType, filename, bytes);
    Map<String, Object> payload = new LinkedHashMap<>();
    String caption = text(file, "caption", 1024, false);
    if (caption != null && !"audio".equals(type) && !"sticker".equals(type)) {
      payload.put("caption", caption);
    }
    if ("document".equals(type)) {
      payload.put("filename", filename);
    }
    payload.put("mime_type", mimeType);
    payload.put("sha256", stored.sha256Base64());
    payload.put("id", stored.id());
    if ("audio".equals(type)) {
      payload.put("voice", Boolean.TRUE.equals(file.get("voice")));
    }
    if ("sticker".equals(type)) {
      payload.put("animated", MediaKind.isAnimatedWebp(bytes));
    }
    String label = caption != null ? caption : filename != null ? filename : mimeType;
    String shown =
        "audio".equals(type) && Boolean.TRUE.equals(file.get("voice")) ? "voice note" : type;
    return new MessageContent(type, "[" + shown + "] " + label, payload, null);
  }

  private static MessageContent location(Map<String, Object> location) throws SandboxApiException {
    BigDecimal latitude = number(location, "latitude");
    BigDecimal longitude = number(location, "longitude");
    if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
        || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
      throw SandboxApiException.badRequest("latitude must be within +-90, longitude within +-180");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    for (String field : List.of("address", "name", "url")) {
      String value = text(location, field, 1000, false);
      if (value != null && !value.isBlank()) {
        payload.put(field, value);
      }
    }
    payload.put("latitude", latitude);
    payload.put("longitude", longitude);
    Object name = payload.getOrDefault("name", "");
    return new MessageContent(
        "location", "[location] " + name + " (" + latitude + ", " + longitude + ")", payload, null);
  }

  private static MessageContent contacts(Map<String, Object> body) throws SandboxApiException {
    if (!(body.get("contacts") instanceof List<?> contacts) || contacts.isEmpty()) {
      throw SandboxApiException.badRequest("'contacts' must be a non-empty array of contact cards");
    }
    List<String> names = new ArrayList<>();
    for (Object element : contacts) {
      if (!(element instanceof Map<?, ?> contact)
          || !(contact.get("name") instanceof Map<?, ?> name)
          || !(name.get("formatted_name") instanceof String formatted)
          || formatted.isBlank()) {
        throw SandboxApiException.badRequest(
            "every contact card needs name.formatted_name (Meta's contacts shape)");
      }
      names.add(formatted);
    }
    return new MessageContent(
        "contacts", "[contacts] " + String.join(", ", names), Map.of("contacts", contacts), null);
  }

  private static MessageContent reaction(Map<String, Object> reaction) throws SandboxApiException {
    String target = text(reaction, "messageId", 200, true);
    Object emoji = reaction.get("emoji");
    if (!(emoji instanceof String text)) {
      throw SandboxApiException.badRequest("'reaction.emoji' is required (\"\" removes it)");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message_id", target);
    payload.put("emoji", text);
    return new MessageContent(
        "reaction", text.isEmpty() ? "[reaction removed]" : "[reaction] " + text, payload, null);
  }

  private static MessageContent order(Map<String, Object> order) throws SandboxApiException {
    if (!(order.get("items") instanceof List<?> items) || items.isEmpty()) {
      throw SandboxApiException.badRequest("'order.items' must be a non-empty array");
    }
    List<Object> productItems = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    String currency = null;
    for (Object element : items) {
      if (!(element instanceof Map<?, ?>)) {
        throw SandboxApiException.badRequest("every order item must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) element;
      String id = text(item, "productRetailerId", 100, true);
      DemoCatalog.Product product = DemoCatalog.find(id).orElse(null);
      BigDecimal price =
          item.get("itemPrice") != null
              ? number(item, "itemPrice")
              : product != null ? product.price() : null;
      String itemCurrency =
          item.get("currency") != null
              ? text(item, "currency", 3, true)
              : product != null ? product.currency() : null;
      BigDecimal quantity = number(item, "quantity");
      if (price == null
          || itemCurrency == null
          || quantity.signum() <= 0
          || quantity.stripTrailingZeros().scale() > 0) {
        throw SandboxApiException.badRequest(
            "order item "
                + id
                + " needs a whole positive "
                + "quantity and, if it is not in the demo catalog, itemPrice and currency");
      }
      Map<String, Object> productItem = new LinkedHashMap<>();
      productItem.put("product_retailer_id", id);
      productItem.put("quantity", quantity);
      productItem.put("item_price", price);
      productItem.put("currency", itemCurrency);
      productItems.add(productItem);
      total = total.add(price.multiply(quantity));
      currency = itemCurrency;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("catalog_id", order.getOrDefault("catalogId", DemoCatalog.CATALOG_ID));
    String note = text(order, "text", 1000, false);
    payload.put("text", note == null ? "" : note);
    payload.put("product_items", productItems);
    return new MessageContent(
        "order",
        "[order] " + productItems.size() + " item(s), " + total.toPlainString() + " " + currency,
        payload,
        null);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> body, String field)
      throws SandboxApiException {
    if (!(body.get(field) instanceof Map)) {
      throw SandboxApiException.badRequest("'" + field + "' is required and must be an object");
    }
    return (Map<String, Object>) body.get(field);
  }

  static String text(Map<String, Object> body, String field, int max, boolean required)
      throws SandboxApiException {
    Object value = body.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String text) || required && text.isBlank()) {
      throw SandboxApiException.badRequest(
          "'" + field + "' is required and must be a non-empty string");
    }
    if (text.length() > max) {
      throw SandboxApiException.badRequest("'" + field + "' is longer than " + max + " characters");
    }
    return text;
  }

  private static BigDecimal number(Map<String, Object> body, String field)
      throws SandboxApiException {
    if (!(body.get(field) instanceof BigDecimal number)) {
      throw SandboxApiException.badRequest("'" + field + "' is required and must be a number");
    }
    return number;
  }
}
