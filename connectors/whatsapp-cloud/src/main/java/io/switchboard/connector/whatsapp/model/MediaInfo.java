package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Optional;

/**
 * The answer to {@code GET /<media-id>}: {@code {"messaging_product":"whatsapp","url":"https://
 * lookaside.fbsbx.com/...","mime_type":"image/jpeg","sha256":"<hex>","file_size":"303833",
 * "id":"2621233374848975"}}. The URL is valid for about 5 minutes and must be fetched with the same
 * bearer token.
 *
 * @param id the media id
 * @param url where the bytes can be downloaded for a few minutes
 * @param mimeType the MIME type WhatsApp gives, or {@code null}
 * @param sha256 the SHA-256 of the file as hex (Meta's docs) or base64, or {@code null}
 * @param fileSize the size in bytes, or {@code -1} when not given
 */
public record MediaInfo(String id, String url, String mimeType, String sha256, long fileSize) {

  /** Reads the answer; empty when it has no {@code url}. */
  public static Optional<MediaInfo> parse(String body, JsonReaderFactory json) {
    try (JsonReader reader = json.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject media)) {
        return Optional.empty();
      }
      String url = LenientJson.text(media, "url");
      if (url == null) {
        return Optional.empty();
      }
      long size = -1;
      String rawSize = LenientJson.text(media, "file_size");
      if (rawSize != null) {
        try {
          size = Long.parseLong(rawSize.trim());
        } catch (NumberFormatException e) {
          size = -1;
        }
      }
      return Optional.of(
          new MediaInfo(
              LenientJson.text(media, "id"),
              url,
              LenientJson.text(media, "mime_type"),
              LenientJson.text(media, "sha256"),
              size));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
