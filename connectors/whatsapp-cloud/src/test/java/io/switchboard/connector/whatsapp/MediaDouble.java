package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiStub.Answer;
import io.switchboard.connector.whatsapp.GraphApiStub.Received;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The media endpoints of the Graph API, after Meta's media reference: {@code GET /<media-id>}
 * answers {@code url}, {@code mime_type}, {@code sha256} (hex), {@code file_size} and {@code id};
 * the URL must be fetched with the bearer token and expires (Meta: after 5 minutes); {@code POST
 * /<number>/media} takes {@code multipart/form-data} and answers {@code {"id":...}}. An unknown id
 * answers Graph's "object does not exist" (HTTP 400, code 100, subcode 33).
 *
 * <p>Guessed where Meta's docs are silent: an expired download URL answers 404 (Meta only says to
 * retrieve the URL again); a media object of a message never has a {@code phone_number_id} mismatch
 * here.
 */
final class MediaDouble {

  static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";

  /** One media object. */
  record Stored(String id, String mimeType, byte[] bytes, String sha256) {}

  /** One upload as received: the form fields and the file part. */
  record Upload(Map<String, String> fields, String fileName, String fileType, byte[] file) {}

  private final Supplier<String> root;
  private final Map<String, Stored> media = new ConcurrentHashMap<>();
  private final Map<String, String> urls = new ConcurrentHashMap<>(); // token -> media id
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();
  private final AtomicInteger bornExpired = new AtomicInteger();
  private final AtomicLong nextId = new AtomicLong(1013859600285441L);
  private volatile String declaredSizeOverride;

  MediaDouble(Supplier<String> root) {
    this.root = root;
  }

  /** Stores a media object with its true SHA-256. */
  void put(String id, String mimeType, byte[] bytes) {
    media.put(id, new Stored(id, mimeType, bytes, hex(bytes)));
  }

  /** Stores a media object whose stated SHA-256 is wrong (damaged in transfer). */
  void putWithWrongChecksum(String id, String mimeType, byte[] bytes) {
    media.put(id, new Stored(id, mimeType, bytes, hex(new byte[] {1, 2, 3})));
  }

  /** The next {@code n} download URLs handed out have already expired when fetched. */
  void nextUrlsExpired(int n) {
    bornExpired.set(n);
  }

  /**
   * States this {@code file_size} instead of the true one; {@code "null"} leaves it out and sends
   * downloads chunked, without {@code Content-Length}.
   */
  void declareSize(String fileSize) {
    declaredSizeOverride = fileSize;
  }

  List<Upload> uploads() {
    return uploads;
  }

  Answer info(String id) {
    Stored stored = media.get(id);
    if (stored == null) {
      return Answer.json(
          400,
          "{\"error\":{\"message\":\"Unsupported get request. Object with ID '"
              + id
              + "' does not exist, cannot be loaded due to missing permissions, or does not"
              + " support this operation.\",\"type\":\"GraphMethodException\",\"code\":100,"
              + "\"error_subcode\":33,\"fbtrace_id\":\"AbCdEf123\"}}");
    }
    String token = UUID.randomUUID().toString().replace("-", "");
    urls.put(token, bornExpired.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "" : id);
    String size =
        declaredSizeOverride != null ? declaredSizeOverride : "\"" + stored.bytes().length + "\"";
    return Answer.json(
        200,
        "{\"messaging_product\":\"whatsapp\",\"url\":\""
            + root.get()
            + DOWNLOAD_PATH
            + "?mid="
            + id
            + "&ext=1749416400&hash="
            + token
            + "\",\"mime_type\":\""
            + stored.mimeType()
            + "\",\"sha256\":\""
            + stored.sha256()
            + "\""
            + ("null".equals(size) ? "" : ",\"file_size\":" + size)
            + ",\"id\":\""
            + id
            + "\"}");
  }

  Answer download(String query) {
    String token = param(query, "hash");
    String id = token == null ? null : urls.get(token);
    if (id == null || id.isEmpty()) {
      return new Answer(404, Map.of("Content-Type", "text/html"), "URL expired".getBytes(), false);
    }
    Stored stored = media.get(id);
    Map<String, String> headers =
        "null".equals(declaredSizeOverride)
            ? Map.of("Content-Type", stored.mimeType(), GraphApiStub.CHUNKED, "yes")
            : Map.of("Content-Type", stored.mimeType());
    return new Answer(200, headers, stored.bytes(), false);
  }

  Answer upload(Received request) {
    String contentType = request.headers().get("Content-type").get(0);
    Upload upload = StubMultipart.parse(contentType, request.bytes());
    uploads.add(upload);
    if (!"whatsapp".equals(upload.fields().get("messaging_product"))
        || upload.fields().get("type") == null
        || upload.file() == null) {
      return Answer.json(
          400,
          GraphApiStub.metaError(
              100,
              "OAuthException",
              "(#100) The parameter messaging_product is required.",
              "messaging_product, type and file are required"));
    }
    String id = Long.toString(nextId.getAndIncrement());
    put(id, upload.fields().get("type"), upload.file());
    return Answer.json(200, "{\"id\":\"" + id + "\"}");
  }

  private static String param(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
