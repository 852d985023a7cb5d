package io.switchboard.spi.content;

/**
 * What a customer's message says, as structured data. Channels translate their own JSON into one of
 * these; a type nobody knows yet becomes {@link Unsupported} with the raw JSON, never dropped.
 *
 * <pre>{@code
 * InboundContent content = new Text("Where is my order 4567?", false);
 * if (content instanceof Order order) {
 *   BigDecimal total = order.total();
 * }
 * }</pre>
 *
 * <p>New subtypes may be added in a minor SPI version: handle unknown ones through {@link
 * #summary()}.
 */
public sealed interface InboundContent
    permits Text,
        Media,
        Location,
        Contacts,
        Reaction,
        Order,
        InteractiveReply,
        SystemNotice,
        Unsupported {

  /**
   * A short type name: {@code text}, {@code image}, {@code order}, ... (the channel's own name for
   * {@link Unsupported}).
   */
  String type();

  /** A readable one-line rendering for places that show only text (a CRM entry, a log line). */
  String summary();
}
