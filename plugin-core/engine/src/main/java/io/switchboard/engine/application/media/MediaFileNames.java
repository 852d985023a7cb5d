package io.switchboard.engine.application.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The file name agents see: the channel's, cleaned of paths and control characters, or, when the
 * channel gives none (photos, voice notes), one made of the kind, the time and the extension of the
 * detected type: {@code image-20261202-100000.jpg}.
 */
@ApplicationScoped
public class MediaFileNames {
  private static final int MAX = 200;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final MediaTypeCheck types = new MediaTypeCheck();

  /**
   * @param given the channel's file name, or {@code null}
   * @param kind the {@code MediaKind} name
   * @param detectedType the type detected from the bytes
   * @param at when the message came in
   */
  public String of(String given, String kind, String detectedType, Instant at) {
    String cleaned = clean(given);
    if (!cleaned.isEmpty()) {
      return cleaned;
    }
    return kind.toLowerCase(Locale.ROOT).replace('_', '-')
        + "-"
        + STAMP.format(at)
        + types.extension(detectedType);
  }

  /** The last path segment, without control characters or quotes, at most 200 characters. */
  static String clean(String name) {
    if (name == null) {
      return "";
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder();
    last.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != '"')
        .forEach(out::appendCodePoint);
    String s = out.toString().strip();
    if (s.equals(".") || s.equals("..")) {
      return "";
    }
    return s.length() <= MAX ? s : s.substring(0, MAX);
  }
}
