package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real test RT for an IT ({@code tools/request-tracker/setup-rt.sh start}, pointed at this
 * test's own webhook receiver), with REST2 calls as the API user (token) or as people (basic auth):
 * agent1 changes tickets, root changes users (agents lack AdminUsers).
 */
final class RequestTrackerTestServer implements AutoCloseable {
  private static final Path SETUP =
      Path.of(System.getProperty("rt.setup", "../../tools/request-tracker/setup-rt.sh"))
          .toAbsolutePath()
          .normalize();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String secret = "it-secret-" + UUID.randomUUID();
  final List<WebhookRequest> webhooks = new CopyOnWriteArrayList<>();
  private final HttpServer receiver;
  private final String webhookUrl;
  final String baseUrl;
  final String token;

  RequestTrackerTestServer() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/rt-webhook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          webhooks.add(WebhookRequest.of(body, new HashMap<>(exchange.getRequestHeaders()), null));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    webhookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/rt-webhook";
    baseUrl = setupRt("start").trim();
    token = setupRt("token").trim();
  }

  /** Takes RT back when another run restarted it with its own webhook. */
  void ensurePostsToUs() throws Exception {
    setupRt("start");
  }

  CrmAdapter newAdapter() throws Exception {
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    return factory.create(
        PluginConfig.of(
            factory.options(),
            Map.of(
                "baseUrl", baseUrl, "token", token, "webhookSecret", secret, "queue", "Support")),
        new PluginContext("rt-sync-it", Clock.systemUTC()));
  }

  private String setupRt(String command) throws Exception {
    assertThat(SETUP).as("RT setup script").exists();
    ProcessBuilder process = new ProcessBuilder("bash", SETUP.toString(), command);
    process.environment().put("RT_WEBHOOK_URL", webhookUrl);
    process.environment().put("RT_WEBHOOK_SECRET", secret);
    Path log = Files.createTempFile("setup-rt", ".log");
    process.redirectError(log.toFile());
    Process running = process.start();
    String out = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = running.waitFor(10, TimeUnit.MINUTES);
    String errors = Files.readString(log);
    Files.deleteIfExists(log);
    if (!ended || running.exitValue() != 0) {
      running.destroy();
      throw new IllegalStateException("setup-rt.sh " + command + " failed:\n" + errors);
    }
    return out;
  }

  /** {@code GET /REST/2.0{path}} as the API user. */
  JsonObject get(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", "token " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** {@code PUT /REST/2.0{path}} as a person (basic auth); RT's answer sentences. */
  String putAs(String user, String password, String path, JsonObject body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }

  /** {@code POST /REST/2.0{path}} as the API user; the created object's answer. */
  JsonObject post(String path, JsonObject body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", "token " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** {@code POST /REST/2.0{path}} as a person (basic auth), e.g. an agent's reply. */
  String postAs(String user, String password, String path, JsonObject body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
    return response.body();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    receiver.stop(0);
  }
}
