package io.switchboard.spi.content;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An order the customer placed from a catalog in the chat.
 *
 * <pre>{@code
 * new Order("1537364356943", List.of(new OrderItem("sku-17", 2, new BigDecimal("49.90"), "AED")), "Gift wrap please")
 * }</pre>
 *
 * @param catalogId the catalog it came from, or {@code null}
 * @param items the ordered lines, in order
 * @param note the customer's note, or {@code null}
 */
public record Order(String catalogId, List<OrderItem> items, String note)
    implements InboundContent {
  public Order {
    items = List.copyOf(items);
  }

  /**
   * The sum of all lines, or zero for an empty order. Lines of several currencies are not summed.
   */
  public BigDecimal total() {
    return items.stream().map(OrderItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The currency of the lines, or {@code null} when there are none or they disagree. */
  public String currency() {
    var currencies = items.stream().map(OrderItem::currency).distinct().toList();
    return currencies.size() == 1 ? currencies.get(0) : null;
  }

  @Override
  public String type() {
    return "order";
  }

  @Override
  public String summary() {
    String lines =
        items.stream()
            .map(
                i ->
                    i.quantity()
                        + " x "
                        + i.productId()
                        + " at "
                        + i.unitPrice().toPlainString()
                        + " "
                        + i.currency())
            .collect(Collectors.joining(", "));
    String total =
        currency() == null ? "" : ", total " + total().toPlainString() + " " + currency();
    return "Order of "
        + items.size()
        + (items.size() == 1 ? " product" : " products")
        + (lines.isEmpty() ? "" : ": " + lines)
        + total
        + (note == null || note.isBlank() ? "" : ". Note: " + note);
  }
}
