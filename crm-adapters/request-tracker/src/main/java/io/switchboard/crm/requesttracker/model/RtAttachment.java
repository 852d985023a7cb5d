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
 * @param messageId the part's Message-ID header without angle brackets (RT keeps it for the top
 *     part of a mail), or {@code null}
 */
public record RtAttachment(
    String id, String contentType, String filename, String content, String messageId) {

  /** A part without a Message-ID (the webhook's file list). */
  public RtAttachment(String id, String contentType, String filename, String content) {
    this(id, contentType, filename, content, null);
  }

  /** Reads a REST2 attachment item. */
  public static RtAttachment fromJson(JsonObject json) {
    return new RtAttachment(
        RtJson.text(json, "id"),
        RtJson.nonBlank(json, "ContentType"),
        RtJson.nonBlank(json, "Filename"),
        RtJson.text(json, "Content"),
        RtJson.nonBlank(json, "MessageId"));
  }

  /** Whether the part is a file rather than the message body. */
  public boolean isFile() {
    return filename != null;
  }
}
