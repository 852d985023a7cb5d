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
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers like Meta's Graph API where Prism cannot (business errors,
 * throttling, outages, real media bytes, template paging), and records what it received.
 *
 * <ul>
 *   <li>{@code POST /v23.0/<number>/messages}: the answer set with {@link #answer}.
 *   <li>Media ({@link MediaDouble}): {@code GET /v23.0/<media-id>}, the download URL it hands out
 *       (bearer token required, expiring), {@code POST /v23.0/<number>/media} (multipart).
 *   <li>Templates ({@link TemplateDouble}): {@code GET /v23.0/<waba-id>/message_templates} with
 *       cursor paging.
 *   <li>{@link #override}: any route answers a fixed error instead, e.g. Meta's error body.
 * </ul>
 */
final class GraphApiStub implements AutoCloseable {

  static final String TOKEN = "EAAG-test-access-token";

  /** An answer header that makes the stub send the body chunked (it is not sent itself). */
  static final String CHUNKED = "X-Stub-Chunked";

  /** What the stub received. */
  record Received(
      String method,
      String path,
      Map<String, List<String>> headers,
      String body,
      String query,
      byte[] bytes) {}

  /** A fixed answer. */
  record Answer(int status, Map<String, String> headers, byte[] body, boolean hang) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
    }
  }

  private record Fixed(String method, Pattern path, Answer answer) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Fixed> overrides = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = Answer.json(500, "");
  private final MediaDouble media;
  private final TemplateDouble templates;

  GraphApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    media = new MediaDouble(this::rootUrl);
    templates = new TemplateDouble(this::baseUrl);
  }

  /** The Graph API base URL to configure, e.g. {@code http://127.0.0.1:1234/v23.0}. */
  String baseUrl() {
    return rootUrl() + "/v23.0";
  }

  String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  MediaDouble media() {
    return media;
  }

  TemplateDouble templates() {
    return templates;
  }

  /** The answer of the messages endpoint. */
  void answer(int status, String body) {
    answer(status, Map.of(), body);
  }

  void answer(int status, Map<String, String> headers, String body) {
    answer = new Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Never answer (until closed): the client must time out. */
  void hang() {
    answer = new Answer(0, Map.of(), new byte[0], true);
  }

  /** From now on, requests of this method to paths matching the regex get this answer. */
  void override(String method, String pathRegex, int status, String body) {
    overrides.add(0, new Fixed(method, Pattern.compile(pathRegex), Answer.json(status, body)));
  }

  List<Received> received() {
    return received;
  }

  /** The requests to paths matching a regex. */
  List<Received> received(String method, String pathRegex) {
    Pattern path = Pattern.compile(pathRegex);
    return received.stream()
        .filter(r -> r.method().equals(method) && path.matcher(r.path()).matches())
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8),
            exchange.getRequestURI().getRawQuery(),
            body);
    received.add(request);
    Answer a = route(request);
    if (a.hang()) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    exchange
        .getResponseHeaders()
        .add("Content-Type", a.headers().getOrDefault("Content-Type", "application/json"));
    boolean chunked = a.headers().containsKey(CHUNKED);
    a.headers().entrySet().stream()
        .filter(h -> !h.getKey().equals(CHUNKED))
        .forEach(h -> exchange.getResponseHeaders().set(h.getKey(), h.getValue()));
    // chunked: no Content-Length, so a client learns the size only by reading
    exchange.sendResponseHeaders(
        a.status(), chunked ? 0 : a.body().length == 0 ? -1 : a.body().length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(a.body());
    } catch (IOException clientStoppedReading) {
      // the connector may close the connection on purpose (a file over its size limit)
    }
  }

  private Answer route(Received request) {
    for (Fixed o : overrides) {
      if (o.method().equals(request.method()) && o.path().matcher(request.path()).matches()) {
        return o.answer();
      }
    }
    String path = request.path();
    if (path.matches("/v23\\.0/[0-9]+/messages")) {
      return answer;
    }
    if (!authorized(request)) {
      return Answer.json(
          401,
          metaError(
              190, "OAuthException", "Invalid OAuth access token - Cannot parse access token", ""));
    }
    if (path.matches("/v23\\.0/[0-9]+/media") && request.method().equals("POST")) {
      return media.upload(request);
    }
    if (path.matches("/v23\\.0/[0-9]+/message_templates") && request.method().equals("GET")) {
      return templates.page(request.query());
    }
    if (path.matches("/v23\\.0/[0-9]+") && request.method().equals("GET")) {
      return media.info(path.substring("/v23.0/".length()));
    }
    if (path.startsWith(MediaDouble.DOWNLOAD_PATH)) {
      return media.download(request.query());
    }
    return Answer.json(
        400,
        metaError(100, "GraphMethodException", "Unsupported request - method type: " + path, ""));
  }

  private static boolean authorized(Received request) {
    List<String> auth = request.headers().get("Authorization");
    return auth != null && auth.contains("Bearer " + TOKEN);
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
