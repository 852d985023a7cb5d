package io.switchboard.connector.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that answers the Graph API's send endpoint the way Meta does in cases
 * Prism cannot produce (business errors, throttling, outages), and records what it received.
 */
final class GraphApiStub implements AutoCloseable {

  /** What the stub received. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {}

  private record Answer(int status, Map<String, String> headers, String body, boolean hang) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = new Answer(500, Map.of(), "", false);

  GraphApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The Graph API base URL to configure, e.g. {@code http://127.0.0.1:1234/v23.0}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v23.0";
  }

  void answer(int status, String body) {
    answer(status, Map.of(), body);
  }

  void answer(int status, Map<String, String> headers, String body) {
    answer = new Answer(status, headers, body, false);
  }

  /** Never answer (until closed): the client must time out. */
  void hang() {
    answer = new Answer(0, Map.of(), "", true);
  }

  List<Received> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8)));
    Answer a = answer;
    if (a.hang()) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** Meta's error body. */
  static String metaError(int code, String type, String message, String details) {
    return "{\"error\":{\"message\":\""
        + message
        + "\",\"type\":\""
        + type
        + "\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\""
        + details
        + "\"},\"fbtrace_id\":\"AbCdEf123\"}}";
  }
}
