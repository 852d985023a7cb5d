package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses on the JDK's {@link HttpExchange}. */
final class HttpExchangeIo {
  /** Bodies larger than this are refused: nothing the sandbox accepts comes near it. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private HttpExchangeIo() {}

  /** Thrown when a request body exceeds {@link #MAX_BODY_BYTES}. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(int limit) {
      super("Request body larger than " + limit + " bytes");
    }
  }

  static String readBody(HttpExchange exchange) throws IOException {
    return new String(readBytes(exchange, MAX_BODY_BYTES), StandardCharsets.UTF_8);
  }

  /** The request body as text, refusing more than {@code limit} bytes. */
  static String readBody(HttpExchange exchange, int limit) throws IOException {
    return new String(readBytes(exchange, limit), StandardCharsets.UTF_8);
  }

  /** The raw request body, refusing more than {@code limit} bytes. */
  static byte[] readBytes(HttpExchange exchange, int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new BodyTooLargeException(limit);
      }
      return bytes;
    }
  }

  static Map<String, String> queryParameters(HttpExchange exchange) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", JsonWriter.write(body));
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    send(exchange, status, contentType + "; charset=utf-8", bytes);
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }
}
