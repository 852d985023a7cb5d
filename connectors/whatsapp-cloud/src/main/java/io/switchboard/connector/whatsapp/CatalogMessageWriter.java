package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.content.CatalogProducts;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * Catalog products as WhatsApp's interactive {@code product} (one product, no header) or {@code
 * product_list} (a header, a body, up to 10 sections and 30 products) message, checked against
 * those rules before any call.
 */
final class CatalogMessageWriter {
  static final int MAX_SECTIONS = 10;
  static final int MAX_PRODUCTS = 30;

  private final SendMessageRequest requests;

  CatalogMessageWriter(SendMessageRequest requests) {
    this.requests = requests;
  }

  /** The {@code interactive} object. */
  JsonObjectBuilder interactive(CatalogProducts products) throws PermanentException {
    if (products.productIds().isEmpty()) {
      throw refused("a catalog message needs at least one product");
    }
    if (products.isSingleProduct()) {
      JsonObjectBuilder single = requests.object().add("type", "product");
      text(single, "body", products.body());
      text(single, "footer", products.footer());
      return single.add(
          "action",
          requests
              .object()
              .add("catalog_id", products.catalogId())
              .add("product_retailer_id", products.productIds().get(0)));
    }
    if (products.header() == null || products.header().isBlank()) {
      throw refused("a WhatsApp message with several products needs a header text");
    }
    if (products.body() == null || products.body().isBlank()) {
      throw refused("a WhatsApp message with several products needs a body text");
    }
    if (products.sections().size() > MAX_SECTIONS) {
      throw refused(
          "WhatsApp takes at most " + MAX_SECTIONS + " sections of products in one message");
    }
    if (products.productIds().size() > MAX_PRODUCTS) {
      throw refused("WhatsApp takes at most " + MAX_PRODUCTS + " products in one message");
    }
    JsonArrayBuilder sections = requests.array();
    for (CatalogProducts.Section s : products.sections()) {
      if (s.title() == null || s.title().isBlank()) {
        throw refused("every section of a WhatsApp product list needs a title");
      }
      JsonArrayBuilder items = requests.array();
      s.productIds().forEach(id -> items.add(requests.object().add("product_retailer_id", id)));
      sections.add(requests.object().add("title", s.title()).add("product_items", items));
    }
    JsonObjectBuilder list =
        requests
            .object()
            .add("type", "product_list")
            .add("header", requests.object().add("type", "text").add("text", products.header()));
    text(list, "body", products.body());
    text(list, "footer", products.footer());
    return list.add(
        "action",
        requests.object().add("catalog_id", products.catalogId()).add("sections", sections));
  }

  private void text(JsonObjectBuilder o, String key, String text) {
    if (text != null && !text.isBlank()) {
      o.add(key, requests.object().add("text", text));
    }
  }

  private static PermanentException refused(String why) {
    return new PermanentException(why, null, "invalid-content", FailureReason.INVALID_CONTENT);
  }
}
