package io.switchboard.spi.content;

/**
 * What the engine asks a connector to send. A connector that cannot send a variant refuses it with
 * {@link io.switchboard.spi.FailureReason#UNSUPPORTED_CONTENT} before calling its channel; its
 * {@link io.switchboard.spi.channel.SendPolicy} lists what it sends.
 *
 * <pre>{@code
 * OutboundContent reply = new Text("Your order ships tomorrow.", true);
 * OutboundContent photo = Media.byReference(MediaKind.IMAGE, "media:7f3a", "image/jpeg", "Your parcel");
 * OutboundContent template = new Template("order_update", "en_US", List.of(
 *     TemplateComponent.body(TemplateParameter.text("4567"))));
 * }</pre>
 */
public sealed interface OutboundContent
    permits Text,
        Media,
        Location,
        Contacts,
        Reaction,
        Interactive,
        CatalogProducts,
        Template,
        MarkRead {

  /** A short type name: {@code text}, {@code image}, {@code template}, ... */
  String type();
}
