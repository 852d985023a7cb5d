package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Graph API's media resource: {@code POST /{version}/{phone-number-id}/media} (multipart
 * upload, Meta's types and size limits), {@code GET /{version}/{media-id}} (metadata and a fresh
 * download URL that expires) and {@code DELETE /{version}/{media-id}}.
 */
final class GraphMediaHandler {
  /** The largest upload read at all: the document limit plus room for the multipart framing. */
  static final int MAX_UPLOAD_BYTES = (100 << 20) + (64 << 10);

  private final SandboxConfig config;
  private final MediaStore media;
  private final SandboxStats stats;

  GraphMediaHandler(SandboxConfig config, MediaStore media, SandboxStats stats) {
    this.config = config;
    this.media = media;
    this.stats = stats;
  }

  GraphAnswer upload(HttpExchange exchange) throws IOException {
    byte[] body;
    try {
      body = HttpExchangeIo.readBytes(exchange, MAX_UPLOAD_BYTES);
    } catch (HttpExchangeIo.BodyTooLargeException e) {
      throw uploadError("The upload is larger than the largest file WhatsApp accepts (100 MB).");
    }
    MultipartForm form;
    try {
      form = MultipartForm.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
    } catch (IllegalArgumentException e) {
      throw GraphRefusal.invalid("Media upload: " + e.getMessage());
    }
    String product = form.part("messaging_product").map(MultipartForm.Part::text).orElse(null);
    if (!"whatsapp".equals(product == null ? null : product.trim())) {
      throw GraphRefusal.invalid(
          "The parameter messaging_product is required and must be 'whatsapp'");
    }
    MultipartForm.Part file =
        form.part("file")
            .filter(p -> p.filename() != null)
            .orElseThrow(
                () ->
                    GraphRefusal.invalid(
                        "The parameter file is required (a file part with a filename)"));
    String mimeType = mimeType(file, form);
    MediaKind kind =
        MediaKind.ofMimeType(mimeType)
            .orElseThrow(
                () ->
                    GraphRefusal.invalid(
                        "Param file must be a file with one of the following types: "
                            + MediaKind.allMimeTypes()
                            + ". Received file of type '"
                            + mimeType
                            + "'."));
    checkSize(kind, file.bytes());
    StoredMedia stored = media.add(kind, mimeType, file.filename(), file.bytes());
    stats.media(SandboxStats.MediaEvent.UPLOADS);
    return GraphAnswer.ok(Map.of("id", stored.id()));
  }

  /** Meta's own sizes, also applied to what the customer sends in the sandbox. */
  static void checkSize(MediaKind kind, byte[] bytes) {
    if (bytes.length == 0) {
      throw GraphRefusal.invalid("The file is empty");
    }
    long max = kind.maxBytes(bytes);
    if (bytes.length > max) {
      throw uploadError(
          "Unable to upload the media used in the message: the file has "
              + bytes.length
              + " bytes, more than the "
              + max
              + " bytes WhatsApp accepts for "
              + (kind == MediaKind.STICKER
                  ? (max < (500 << 10) ? "a static" : "an animated") + " sticker"
                  : kind.messageType())
              + ".");
    }
  }

  GraphAnswer retrieve(HttpExchange exchange, String mediaId) {
    StoredMedia stored = find(exchange, mediaId, "get");
    String token = media.issueUrlToken(stored.id());
    stats.media(SandboxStats.MediaEvent.URL_RESOLUTIONS);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("messaging_product", "whatsapp");
    answer.put("url", MediaDownloadEndpoint.url(exchange, config, stored, token));
    answer.put("mime_type", stored.mimeType());
    answer.put("sha256", stored.sha256Hex());
    answer.put("file_size", Integer.toString(stored.bytes().length)); // a string, as in the spec
    answer.put("id", stored.id());
    return GraphAnswer.ok(answer);
  }

  GraphAnswer delete(HttpExchange exchange, String mediaId) {
    StoredMedia stored = find(exchange, mediaId, "delete");
    media.delete(stored.id());
    return GraphAnswer.ok(Map.of("success", true));
  }

  private StoredMedia find(HttpExchange exchange, String mediaId, String method) {
    String owner = HttpExchangeIo.queryParameters(exchange).get("phone_number_id");
    StoredMedia stored = media.find(mediaId).orElse(null);
    if (stored == null || owner != null && !owner.equals(config.phoneNumberId())) {
      throw new GraphRefusal(GraphApiError.unknownObject(method, mediaId));
    }
    return stored;
  }

  private static String mimeType(MultipartForm.Part file, MultipartForm form) {
    String declared = file.contentType();
    if (declared == null || declared.isBlank() || "application/octet-stream".equals(declared)) {
      declared = form.part("type").map(MultipartForm.Part::text).orElse("");
    }
    return declared.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static GraphRefusal uploadError(String details) {
    return new GraphRefusal(WhatsAppErrorCatalog.of(131053).withDetails(details).toGraphError());
  }
}
