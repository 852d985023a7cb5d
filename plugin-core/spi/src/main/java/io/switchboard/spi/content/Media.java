package io.switchboard.spi.content;

import java.util.Objects;

/**
 * An image, video, audio or voice note, document or sticker. The bytes are not in the record: they
 * are reached through {@link #reference()} (a channel media id: inbound the one the customer's
 * message names, outbound the one {@link io.switchboard.spi.channel.ChannelConnector#uploadMedia}
 * returned) or {@link #link()} (a public URL the channel fetches itself).
 *
 * <pre>{@code
 * Media.byReference(MediaKind.DOCUMENT, "wa-media:1013859600285441", "application/pdf", null)
 *     .withFileName("invoice.pdf")
 * Media.byLink(MediaKind.IMAGE, "https://shop.example/p/4567.jpg", "The blue one")
 * }</pre>
 *
 * @param kind what sort of media it is
 * @param reference a media id where the bytes can be fetched, or {@code null} when {@link #link} is
 *     given
 * @param link a URL of the bytes, or {@code null}
 * @param mimeType the MIME type as claimed by the sender (check it by content before trusting it),
 *     or {@code null}
 * @param caption the caption, or {@code null}
 * @param fileName the file name shown to people, or {@code null}
 * @param size the size in bytes, or {@code -1} when unknown
 * @param sha256 the checksum the channel gives, or {@code null}
 */
public record Media(
    MediaKind kind,
    String reference,
    String link,
    String mimeType,
    String caption,
    String fileName,
    long size,
    String sha256)
    implements InboundContent, OutboundContent {

  public Media {
    Objects.requireNonNull(kind, "kind");
    if (reference == null && link == null) {
      throw new IllegalArgumentException("media needs a reference or a link");
    }
  }

  /** Media whose bytes are fetched by id. */
  public static Media byReference(
      MediaKind kind, String reference, String mimeType, String caption) {
    return new Media(kind, reference, null, mimeType, caption, null, -1, null);
  }

  /** Media the channel downloads from a URL. */
  public static Media byLink(MediaKind kind, String link, String caption) {
    return new Media(kind, null, link, null, caption, null, -1, null);
  }

  /** The same media with a file name. */
  public Media withFileName(String name) {
    return new Media(kind, reference, link, mimeType, caption, name, size, sha256);
  }

  @Override
  public String type() {
    return kind.typeName();
  }

  @Override
  public String summary() {
    String label =
        switch (kind) {
          case VOICE -> "Voice message";
          case AUDIO -> "Audio";
          case IMAGE -> "Image";
          case VIDEO -> "Video";
          case DOCUMENT -> fileName == null ? "Document" : "Document: " + fileName;
          case STICKER -> "Sticker";
          case ANIMATED_STICKER -> "Animated sticker";
        };
    return caption == null || caption.isBlank() ? "[" + label + "]" : "[" + label + "] " + caption;
  }
}
