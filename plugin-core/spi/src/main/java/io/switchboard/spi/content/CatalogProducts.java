package io.switchboard.spi.content;

import java.util.List;
import java.util.Objects;

/**
 * Products from the business's catalog, sent for the customer to browse and order: one product
 * (WhatsApp's single-product message) or sections of products (a multi-product message, which needs
 * a header). The customer's order comes back as an {@link Order}.
 *
 * <pre>{@code
 * CatalogProducts.single("146265584024623", "mug-blue", "The blue one is back", null)
 * new CatalogProducts("146265584024623", "Summer mugs", "Pick yours", null,
 *     List.of(new CatalogProducts.Section("Mugs", List.of("mug-blue", "mug-red"))))
 * }</pre>
 *
 * @param catalogId the channel's catalog id
 * @param header the header text (required for several products, absent for one), or {@code null}
 * @param body the body text, or {@code null} (required by WhatsApp for several products)
 * @param footer the footer text, or {@code null}
 * @param sections the products by section; exactly one product for a single-product message
 * @since 2.2.0
 */
public record CatalogProducts(
    String catalogId, String header, String body, String footer, List<Section> sections)
    implements OutboundContent {

  /**
   * A titled group of products.
   *
   * @param title the section title, or {@code null} for a single product
   * @param productIds the products' ids in the catalog (WhatsApp {@code product_retailer_id})
   */
  public record Section(String title, List<String> productIds) {
    public Section {
      productIds = List.copyOf(productIds);
    }
  }

  public CatalogProducts {
    Objects.requireNonNull(catalogId, "catalogId");
    sections = List.copyOf(sections);
  }

  /** One product. */
  public static CatalogProducts single(
      String catalogId, String productId, String body, String footer) {
    return new CatalogProducts(
        catalogId, null, body, footer, List.of(new Section(null, List.of(productId))));
  }

  /** All product ids, in order. */
  public List<String> productIds() {
    return sections.stream().flatMap(s -> s.productIds().stream()).toList();
  }

  /** Whether this is one product without header (WhatsApp's single-product message). */
  public boolean isSingleProduct() {
    return header == null && productIds().size() == 1;
  }

  @Override
  public String type() {
    return "catalog_products";
  }
}
