package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.AttachmentSource;
import jakarta.json.JsonObject;
import java.util.Base64;

/**
 * The bytes of a file of an agent's reply, by the adapter's reference {@code
 * rt-attachment:<attachment id>} ({@link RequestTrackerTicketChange#attachmentReference}), from
 * REST2 {@code /attachment/{id}}, which sends the content base64 encoded.
 */
final class RequestTrackerAttachments implements AttachmentSource {
  private final RequestTrackerRestClient rt;

  RequestTrackerAttachments(RequestTrackerRestClient rt) {
    this.rt = rt;
  }

  @Override
  public Attachment fetchAttachment(Attachment reference)
      throws RetryableException, PermanentException {
    String id =
        RequestTrackerTicketChange.attachmentId(reference)
            .orElseThrow(
                () ->
                    new PermanentException(
                        "not an RT attachment reference (rt-attachment:<id>): "
                            + (reference == null ? null : reference.reference()),
                        null,
                        null,
                        FailureReason.MEDIA_PROBLEM));
    JsonObject json =
        rt.find("/attachment/" + id)
            .orElseThrow(
                () ->
                    new PermanentException(
                        "RT has no attachment " + id, null, "404", FailureReason.NOT_FOUND))
            .object();
    String content = RtJson.text(json, "Content");
    byte[] bytes;
    try {
      bytes = content == null ? new byte[0] : Base64.getMimeDecoder().decode(content);
    } catch (IllegalArgumentException e) {
      throw new PermanentException(
          "RT sent attachment " + id + " in no base64", e, null, FailureReason.MEDIA_PROBLEM);
    }
    String fileName = RtJson.nonBlank(json, "Filename");
    String type = RtJson.nonBlank(json, "ContentType");
    return new Attachment(
        fileName != null ? fileName : reference.fileName(),
        type != null ? type : reference.contentType(),
        bytes.length,
        reference.reference(),
        bytes);
  }
}
