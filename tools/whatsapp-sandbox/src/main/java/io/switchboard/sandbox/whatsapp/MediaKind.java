package io.switchboard.sandbox.whatsapp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The media types the Cloud API accepts, with Meta's MIME types and size limits (reference/media,
 * "Supported Media Types"): image 5 MB (JPEG, PNG), video 16 MB (MP4, 3GPP), audio 16 MB (AAC, AMR,
 * MP3, MP4 audio, OGG), document 100 MB, sticker WebP 500 KB animated or 100 KB static.
 */
public enum MediaKind {
  IMAGE(5L << 20, List.of("image/jpeg", "image/png")),
  VIDEO(16L << 20, List.of("video/mp4", "video/3gpp")),
  AUDIO(16L << 20, List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg")),
  DOCUMENT(
      100L << 20,
      List.of(
          "text/plain",
          "application/pdf",
          "application/msword",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
  STICKER(500L << 10, List.of("image/webp"));

  private static final long STATIC_STICKER_BYTES = 100L << 10;

  private final long maxBytes;
  private final List<String> mimeTypes;

  MediaKind(long maxBytes, List<String> mimeTypes) {
    this.maxBytes = maxBytes;
    this.mimeTypes = mimeTypes;
  }

  /** The message type that carries this kind, e.g. {@code image}. */
  public String messageType() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a MIME type (parameters such as {@code ; codecs=opus} are ignored). */
  public static Optional<MediaKind> ofMimeType(String mimeType) {
    String base = baseType(mimeType);
    for (MediaKind kind : values()) {
      if (kind.mimeTypes.contains(base)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind of a message type ({@code image}, ...), if it is a media type. */
  public static Optional<MediaKind> ofMessageType(String type) {
    for (MediaKind kind : values()) {
      if (kind.messageType().equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The largest file of this kind, for this content (static stickers are smaller). */
  public long maxBytes(byte[] content) {
    return this == STICKER && !isAnimatedWebp(content) ? STATIC_STICKER_BYTES : maxBytes;
  }

  /** Whether a MIME type is one of this kind's. */
  public boolean accepts(String mimeType) {
    return mimeTypes.contains(baseType(mimeType));
  }

  /** Every MIME type Meta accepts, for error details. */
  public static String allMimeTypes() {
    StringBuilder out = new StringBuilder();
    for (MediaKind kind : values()) {
      for (String type : kind.mimeTypes) {
        out.append(out.length() == 0 ? "" : ", ").append(type);
      }
    }
    return out.toString();
  }

  /** An animated WebP has an {@code ANIM} chunk (RIFF container, after the VP8X header). */
  static boolean isAnimatedWebp(byte[] content) {
    int limit = Math.min(content.length - 4, 4096);
    for (int i = 12; i <= limit; i++) {
      if (content[i] == 'A'
          && content[i + 1] == 'N'
          && content[i + 2] == 'I'
          && content[i + 3] == 'M') {
        return true;
      }
    }
    return false;
  }

  static String baseType(String mimeType) {
    if (mimeType == null) {
      return "";
    }
    int semicolon = mimeType.indexOf(';');
    return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
