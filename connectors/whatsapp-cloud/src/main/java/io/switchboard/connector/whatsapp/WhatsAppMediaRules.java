package io.switchboard.connector.whatsapp;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.content.MediaKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WhatsApp's supported media types and size limits (Meta's media reference, "Supported media
 * types"): which kind a MIME type is sent as, and whether a file of that size may be uploaded.
 * Checked before any upload, so an agent learns at once why a file cannot go out.
 *
 * <pre>{@code
 * WhatsAppMediaRules.check("image/gif", 1200, data) // PermanentException UNSUPPORTED_CONTENT:
 *     // "WhatsApp sends images as JPEG or PNG up to 5 MB; this file is image/gif"
 * }</pre>
 */
final class WhatsAppMediaRules {

  static final long KB = 1024;
  static final long MB = 1024 * KB;

  /** A family of files WhatsApp sends one way, with its limit and a sentence for refusals. */
  private record Family(MediaKind kind, List<String> types, long maxBytes, String rule) {}

  private static final Family IMAGE =
      new Family(
          MediaKind.IMAGE,
          List.of("image/jpeg", "image/png"),
          5 * MB,
          "WhatsApp sends images as JPEG or PNG up to 5 MB");
  private static final Family VIDEO =
      new Family(
          MediaKind.VIDEO,
          List.of("video/mp4", "video/3gpp"),
          16 * MB,
          "WhatsApp sends videos as MP4 or 3GPP (H.264 video, AAC audio) up to 16 MB");
  private static final Family AUDIO =
      new Family(
          MediaKind.AUDIO,
          List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
          16 * MB,
          "WhatsApp sends audio as AAC, AMR, MP3, M4A or OGG (Opus) up to 16 MB");
  private static final Family DOCUMENT =
      new Family(
          MediaKind.DOCUMENT,
          List.of(
              "text/plain",
              "application/pdf",
              "application/msword",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.ms-excel",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/vnd.ms-powerpoint",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
          100 * MB,
          "WhatsApp sends documents as PDF, Word, Excel, PowerPoint or plain text up to 100 MB");
  private static final Family STICKER =
      new Family(
          MediaKind.STICKER,
          List.of("image/webp"),
          100 * KB,
          "WhatsApp sends stickers as WebP up to 100 KB (animated ones up to 500 KB)");
  private static final Family ANIMATED_STICKER =
      new Family(
          MediaKind.ANIMATED_STICKER,
          List.of("image/webp"),
          500 * KB,
          "WhatsApp sends animated stickers as WebP up to 500 KB");

  /** The largest file per kind, for the send policy. */
  static final Map<MediaKind, Long> MAX_BYTES =
      Map.of(
          MediaKind.IMAGE, IMAGE.maxBytes(),
          MediaKind.VIDEO, VIDEO.maxBytes(),
          MediaKind.AUDIO, AUDIO.maxBytes(),
          MediaKind.VOICE, AUDIO.maxBytes(),
          MediaKind.DOCUMENT, DOCUMENT.maxBytes(),
          MediaKind.STICKER, STICKER.maxBytes(),
          MediaKind.ANIMATED_STICKER, ANIMATED_STICKER.maxBytes());

  private WhatsAppMediaRules() {}

  /**
   * Checks a file before an upload.
   *
   * @param contentType the checked MIME type, parameters allowed ({@code audio/ogg; codecs=opus})
   * @param size the size in bytes
   * @param data the bytes (a WebP's header tells whether a sticker is animated)
   * @return the kind WhatsApp will send it as
   * @throws PermanentException UNSUPPORTED_CONTENT for a type WhatsApp does not send, TOO_LARGE
   *     over the kind's limit
   */
  static MediaKind check(String contentType, long size, byte[] data) throws PermanentException {
    String type = baseType(contentType);
    Family family = familyOf(type, data);
    if (family == null) {
      throw new PermanentException(
          ruleFor(type) + "; this file is " + (type.isEmpty() ? "of unknown type" : type),
          null,
          "unsupported-media-type",
          FailureReason.UNSUPPORTED_CONTENT);
    }
    if (size > family.maxBytes()) {
      throw new PermanentException(
          family.rule() + "; this file has " + describe(size),
          null,
          "media-too-large",
          FailureReason.TOO_LARGE);
    }
    return family.kind();
  }

  /** The MIME type without parameters, lower case; empty for {@code null}. */
  static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }

  private static Family familyOf(String type, byte[] data) {
    if (STICKER.types().contains(type)) {
      return isAnimatedWebp(data) ? ANIMATED_STICKER : STICKER;
    }
    for (Family family : List.of(IMAGE, VIDEO, AUDIO, DOCUMENT)) {
      if (family.types().contains(type)) {
        return family;
      }
    }
    return null;
  }

  /** The rule a refused type is measured against: the family of its top-level type. */
  private static String ruleFor(String type) {
    if (type.startsWith("image/")) {
      return IMAGE.rule() + " (stickers as WebP)";
    }
    if (type.startsWith("video/")) {
      return VIDEO.rule();
    }
    if (type.startsWith("audio/")) {
      return AUDIO.rule();
    }
    return DOCUMENT.rule();
  }

  /**
   * A WebP with an extended header ({@code RIFF....WEBPVP8X}) whose animation flag (bit 1 of the
   * first flags byte) is set.
   */
  static boolean isAnimatedWebp(byte[] data) {
    if (data == null || data.length < 21) {
      return false;
    }
    return data[0] == 'R'
        && data[1] == 'I'
        && data[2] == 'F'
        && data[3] == 'F'
        && data[8] == 'W'
        && data[9] == 'E'
        && data[10] == 'B'
        && data[11] == 'P'
        && data[12] == 'V'
        && data[13] == 'P'
        && data[14] == '8'
        && data[15] == 'X'
        && (data[20] & 0x02) != 0;
  }

  private static String describe(long size) {
    if (size >= MB) {
      return String.format(Locale.ROOT, "%.1f MB", size / (double) MB);
    }
    return String.format(Locale.ROOT, "%d KB", (size + KB - 1) / KB);
  }
}
