package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plays Meta's media CDN ({@code lookaside.fbsbx.com/whatsapp_business/attachments/}): the URL that
 * {@code GET /{media-id}} hands out, served with the same bearer token; 404 once it expired (the
 * client must ask {@code GET /{media-id}} for a fresh one), 500 while the {@code
 * mediaDownloadFailures} fault lasts.
 */
final class MediaDownloadEndpoint {
  static final String PATH = "/whatsapp_business/attachments/";

  private final MediaStore media;
  private final Faults faults;
  private final SandboxStats stats;

  MediaDownloadEndpoint(MediaStore media, Faults faults, SandboxStats stats) {
    this.media = media;
    this.faults = faults;
    this.stats = stats;
  }

  /** The download URL for {@code stored}, on the host the client used to reach the sandbox. */
  static String url(HttpExchange exchange, SandboxConfig config, StoredMedia stored, String token) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.isBlank()) {
      host = config.bindAddress() + ":" + exchange.getLocalAddress().getPort();
    }
    return "http://"
        + host
        + PATH
        + "?mid="
        + stored.id()
        + "&ext="
        + extension(stored)
        + "&hash="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** Answers a download, once {@link GraphApiEndpoint} checked the token. */
  void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
      HttpExchangeIo.send(exchange, 405, "text/plain", "Method not allowed");
      return;
    }
    if (faults.takeMediaDownloadFailure()) {
      stats.media(SandboxStats.MediaEvent.DOWNLOAD_FAULTS);
      HttpExchangeIo.send(exchange, 500, "text/plain", "Sandbox fault: media download failed");
      return;
    }
    Map<String, String> query = HttpExchangeIo.queryParameters(exchange);
    MediaStore.Lookup lookup = media.download(query.get("mid"), query.get("hash"));
    if (lookup.outcome() != MediaStore.Download.OK) {
      if (lookup.outcome() == MediaStore.Download.EXPIRED) {
        stats.media(SandboxStats.MediaEvent.EXPIRED_URL_HITS);
      }
      HttpExchangeIo.send(
          exchange,
          404,
          "text/plain",
          lookup.outcome() == MediaStore.Download.EXPIRED
              ? "URL signature expired: ask GET /{media-id} for a fresh URL"
              : "Not found");
      return;
    }
    stats.media(SandboxStats.MediaEvent.DOWNLOADS);
    StoredMedia stored = lookup.media();
    exchange
        .getResponseHeaders()
        .set("Content-Disposition", "attachment; filename=\"" + filename(stored) + "\"");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    HttpExchangeIo.send(exchange, 200, stored.mimeType(), stored.bytes());
  }

  private static String filename(StoredMedia stored) {
    String name =
        stored.filename() == null ? stored.id() + "." + extension(stored) : stored.filename();
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String extension(StoredMedia stored) {
    String base = MediaKind.baseType(stored.mimeType());
    String sub = base.substring(base.indexOf('/') + 1);
    return sub.replaceAll("[^a-z0-9]", "")
        .substring(0, Math.min(8, sub.replaceAll("[^a-z0-9]", "").length()));
  }
}
