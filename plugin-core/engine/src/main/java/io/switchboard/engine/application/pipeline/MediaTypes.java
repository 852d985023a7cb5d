package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.content.MediaKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;

/**
 * The real type of a file, found from its bytes (Apache Tika's magic numbers, with the file name
 * only to tell apart formats that share a container, such as DOCX and ZIP), and the media kind it
 * is sent as. The types are the ones WhatsApp accepts (Meta's "Supported media types"), which the
 * other common channels accept too; a file of any other type is refused before upload.
 */
final class MediaTypes {
  private static final Tika TIKA = new Tika();

  /** The types sent, with the kind and the name agents read, in the order agents are told. */
  private static final Map<String, Known> KNOWN = new LinkedHashMap<>();

  private record Known(MediaKind kind, String label, String sentAs) {}

  static {
    known("image/jpeg", MediaKind.IMAGE, "JPEG");
    known("image/png", MediaKind.IMAGE, "PNG");
    known("video/mp4", MediaKind.VIDEO, "MP4");
    known("video/3gpp", MediaKind.VIDEO, "3GPP");
    known("audio/aac", MediaKind.AUDIO, "AAC");
    known("audio/amr", MediaKind.AUDIO, "AMR");
    known("audio/mpeg", MediaKind.AUDIO, "MP3");
    known("audio/mp4", MediaKind.AUDIO, "M4A");
    KNOWN.put("audio/ogg", new Known(MediaKind.AUDIO, "OGG Opus", "audio/ogg"));
    KNOWN.put("audio/opus", new Known(MediaKind.AUDIO, null, "audio/ogg"));
    KNOWN.put("audio/vorbis", new Known(MediaKind.AUDIO, null, "audio/ogg"));
    known("application/pdf", MediaKind.DOCUMENT, "PDF");
    known("application/msword", MediaKind.DOCUMENT, "Word");
    known(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MediaKind.DOCUMENT,
        null);
    known("application/vnd.ms-excel", MediaKind.DOCUMENT, "Excel");
    known(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaKind.DOCUMENT,
        null);
    known("application/vnd.ms-powerpoint", MediaKind.DOCUMENT, "PowerPoint");
    known(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        MediaKind.DOCUMENT,
        null);
    known("text/plain", MediaKind.DOCUMENT, "plain text");
    known("image/webp", MediaKind.STICKER, "WebP");
  }

  private static void known(String type, MediaKind kind, String label) {
    KNOWN.put(type, new Known(kind, label, type));
  }

  private MediaTypes() {}

  /** A checked type: the kind it is sent as and the content type to upload it with. */
  record Checked(String detected, MediaKind kind, String contentType) {}

  /** The type found in the bytes, without parameters (the name only refines a container format). */
  static String detect(byte[] data, String fileName) {
    String detected = TIKA.detect(data, fileName);
    int semicolon = detected.indexOf(';');
    return (semicolon < 0 ? detected : detected.substring(0, semicolon)).trim();
  }

  /** The kind a detected type is sent as, or empty when the channel is not sent this type. */
  static Optional<Checked> check(String detected) {
    Known k = KNOWN.get(detected);
    return k == null ? Optional.empty() : Optional.of(new Checked(detected, k.kind(), k.sentAs()));
  }

  /**
   * The types a policy lets out, for agents: {@code images (JPEG, PNG), videos (MP4, 3GPP), ...}.
   */
  static String allowed(SendPolicy policy) {
    Map<MediaKind, List<String>> byKind = new LinkedHashMap<>();
    for (Known k : KNOWN.values()) {
      if (k.label() != null && policy.outboundTypes().contains(k.kind().typeName())) {
        byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k.label());
      }
    }
    List<String> out = new ArrayList<>();
    byKind.forEach(
        (kind, labels) -> out.add(plural(kind) + " (" + String.join(", ", labels) + ")"));
    if (out.isEmpty()) {
      return "no files";
    }
    if (out.size() == 1) {
      return out.get(0);
    }
    return String.join(", ", out.subList(0, out.size() - 1)) + " and " + out.get(out.size() - 1);
  }

  static String plural(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> "images";
      case VIDEO -> "videos";
      case AUDIO, VOICE -> "audio";
      case DOCUMENT -> "documents";
      case STICKER, ANIMATED_STICKER -> "stickers";
    };
  }

  /** Bytes for agents: {@code 20.5 MB}, {@code 300 KB}. */
  static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    if (bytes >= 1024) {
      return (bytes / 1024) + " KB";
    }
    return bytes + " bytes";
  }
}
