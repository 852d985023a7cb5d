package io.switchboard.sandbox.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code multipart/form-data} body (RFC 7578), as the media upload sends it: named parts,
 * each with its bytes and, for a file, its filename and content type.
 */
final class MultipartForm {
  private static final Pattern BOUNDARY =
      Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
  private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
  private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** One part of the form. */
  record Part(String name, String filename, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final Map<String, Part> parts;

  private MultipartForm(Map<String, Part> parts) {
    this.parts = parts;
  }

  /**
   * Parses a body sent with {@code contentType}.
   *
   * @throws IllegalArgumentException saying what is wrong with the body or the header
   */
  static MultipartForm parse(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new IllegalArgumentException(
          "the request must be multipart/form-data, got " + contentType);
    }
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      throw new IllegalArgumentException("multipart/form-data without a boundary");
    }
    String value = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
    byte[] delimiter = ("--" + value).getBytes(StandardCharsets.US_ASCII);
    Map<String, Part> parts = new LinkedHashMap<>();
    int start = indexOf(body, delimiter, 0);
    if (start < 0) {
      throw new IllegalArgumentException("multipart body without its boundary");
    }
    byte[] next = ("\r\n--" + value).getBytes(StandardCharsets.US_ASCII);
    int pos = start + delimiter.length;
    while (pos + 2 <= body.length && !(body[pos] == '-' && body[pos + 1] == '-')) {
      int headersEnd = indexOf(body, HEADER_END, pos);
      int end = headersEnd < 0 ? -1 : indexOf(body, next, headersEnd + 4);
      if (end < 0) {
        throw new IllegalArgumentException("truncated multipart body");
      }
      Part part =
          part(
              new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8),
              Arrays.copyOfRange(body, headersEnd + 4, end));
      parts.put(part.name(), part);
      pos = end + next.length;
    }
    return new MultipartForm(parts);
  }

  Optional<Part> part(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  private static Part part(String headers, byte[] bytes) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-disposition")) {
        disposition = line.substring(colon + 1).trim();
      } else if (name.equals("content-type")) {
        type = line.substring(colon + 1).trim();
      }
    }
    Matcher name = disposition == null ? null : NAME.matcher(disposition);
    if (name == null || !name.find()) {
      throw new IllegalArgumentException("a multipart part without a Content-Disposition name");
    }
    Matcher filename = FILENAME.matcher(disposition);
    return new Part(name.group(1), filename.find() ? filename.group(1) : null, type, bytes);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
