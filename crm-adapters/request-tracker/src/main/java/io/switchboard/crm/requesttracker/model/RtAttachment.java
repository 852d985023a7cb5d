package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonObject;

/**
 * One MIME part RT stored with a transaction (REST2 {@code /transaction/{id}/attachments} item or
 * the webhook's attachment list).
 *
 * @param id RT's attachment id
 * @param contentType the part's MIME type, or {@code null}
 * @param filename the file name, {@code null} for message bodies
 * @param content the decoded content as RT's REST2 returns it (text parts only are meaningful), or
 *     {@code null}
 */
public record RtAttachment(String id, String contentType, String filename, String content) {

  /** Reads a REST2 attachment item. */
  public static RtAttachment fromJson(JsonObject json) {
    return new RtAttachment(
        RtJson.text(json, "id"),
        RtJson.nonBlank(json, "ContentType"),
        RtJson.nonBlank(json, "Filename"),
        RtJson.text(json, "Content"));
  }

  /** Whether the part is a file rather than the message body. */
  public boolean isFile() {
    return filename != null;
  }
}
