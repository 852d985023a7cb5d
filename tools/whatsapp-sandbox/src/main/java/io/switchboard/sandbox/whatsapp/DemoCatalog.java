package io.switchboard.sandbox.whatsapp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small fixed product catalog the phone page orders from (ids as in Meta's order example).
 * Prices are {@link BigDecimal} in one currency.
 */
final class DemoCatalog {
  static final String CATALOG_ID = "194836987003835";

  /** One product. */
  record Product(String retailerId, String name, BigDecimal price, String currency) {
    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("productRetailerId", retailerId);
      json.put("name", name);
      json.put("price", price);
      json.put("currency", currency);
      return json;
    }
  }

  static final List<Product> PRODUCTS =
      List.of(
          new Product("di9ozbzfi4", "Succulent trio", new BigDecimal("30"), "USD"),
          new Product("nqryix03ez", "Ceramic pot", new BigDecimal("25"), "USD"),
          new Product("k7tq2mx9pa", "Golden barrel cactus", new BigDecimal("12.50"), "USD"),
          new Product("w3rv8bn1zc", "Plant food (250 ml)", new BigDecimal("8.90"), "USD"));

  private DemoCatalog() {}

  static Optional<Product> find(String retailerId) {
    return PRODUCTS.stream().filter(p -> p.retailerId().equals(retailerId)).findFirst();
  }

  static Map<String, Object> toJson() {
    List<Object> products = new ArrayList<>();
    for (Product product : PRODUCTS) {
      products.add(product.toJson());
    }
    return Map.of("catalogId", CATALOG_ID, "products", products);
  }
}
