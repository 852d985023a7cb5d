package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the phone page: {@code /} is the chat (plain HTML), {@code /sandbox/static/*} its script
 * and style sheet, all from the jar (no build step, no CDN).
 */
public final class PhonePage {
  private static final String ROOT = "/io/switchboard/sandbox/whatsapp/page/";
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/sandbox/static/phone.js", "phone.js",
          "/sandbox/static/phone.css", "phone.css");

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Answers a GET or HEAD for a page file, 404 for anything else. */
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String file = FILES.get(exchange.getRequestURI().getPath());
    if (file == null) {
      HttpExchangeIo.send(exchange, 404, "text/plain", "Not found: " + exchange.getRequestURI());
      return;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      HttpExchangeIo.send(exchange, 405, "text/plain", "Method not allowed");
      return;
    }
    byte[] bytes;
    try (InputStream in = PhonePage.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IOException("Page resource missing from the jar: " + file);
      }
      bytes = in.readAllBytes();
    }
    // Everything the page needs comes from the sandbox itself; no inline script or style runs.
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    HttpExchangeIo.send(exchange, 200, contentType(file), bytes);
  }

  private static String contentType(String file) {
    if (file.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (file.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }
}
