package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiFailureClassifier.Operation;
import io.switchboard.connector.whatsapp.WhatsAppGraphClient.Answer;
import io.switchboard.connector.whatsapp.model.GraphObjectId;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Uploads a file to {@code POST /<phone-number-id>/media} as {@code multipart/form-data} with the
 * fields {@code messaging_product=whatsapp}, {@code type} (the MIME type) and {@code file}, after
 * checking it against WhatsApp's supported types and limits ({@link WhatsAppMediaRules}). The id it
 * returns is sent as {@code {"image":{"id":...}}}; Meta keeps uploaded media 30 days.
 */
final class WhatsAppMediaUploader {

  private final WhatsAppGraphClient graph;

  WhatsAppMediaUploader(WhatsAppGraphClient graph) {
    this.graph = graph;
  }

  String upload(Attachment file) throws RetryableException, PermanentException {
    if (file.data() == null || file.data().length == 0) {
      throw new PermanentException(
          "the file to upload to WhatsApp has no bytes",
          null,
          "empty-media",
          FailureReason.INVALID_CONTENT);
    }
    String type = WhatsAppMediaRules.baseType(file.contentType());
    WhatsAppMediaRules.check(file.contentType(), file.data().length, file.data());
    String name = file.fileName() != null && !file.fileName().isBlank() ? file.fileName() : "file";
    MultipartEntityBuilder form =
        MultipartEntityBuilder.create()
            // browser-style: a file name in Arabic or with accents goes as UTF-8
            .setMode(HttpMultipartMode.LEGACY)
            .setCharset(StandardCharsets.UTF_8)
            .addTextBody("messaging_product", "whatsapp")
            .addTextBody("type", type)
            .addBinaryBody("file", file.data(), partType(file.contentType(), type), name);
    Answer answer =
        graph.post("/" + graph.phoneNumberId() + "/media", form.build(), Operation.MEDIA_UPLOAD);
    return GraphObjectId.of(answer.body(), graph.readers())
        .orElseThrow(
            () ->
                new PermanentException(
                    "WhatsApp answered the media upload without an id: "
                        + WhatsAppGraphClient.abbreviate(answer.body()),
                    null,
                    "no-media-id",
                    FailureReason.MEDIA_PROBLEM));
  }

  /** The file part's type with its parameters (e.g. {@code codecs=opus}) when they parse. */
  private static ContentType partType(String contentType, String baseType) {
    try {
      return ContentType.parse(contentType);
    } catch (RuntimeException e) {
      return ContentType.create(baseType);
    }
  }
}
