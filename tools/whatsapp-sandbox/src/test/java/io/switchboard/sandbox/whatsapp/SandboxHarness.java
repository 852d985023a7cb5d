package io.switchboard.sandbox.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/**
 * Starts a sandbox in-process on an ephemeral 127.0.0.1 port, wired to a {@link BridgeStandIn},
 * with short delays so tests run fast; talks to it over real HTTP and parses answers with Parsson.
 */
final class SandboxHarness implements AutoCloseable {
  static final String APP_SECRET = "test-app-secret-1234";
  static final String ACCESS_TOKEN = "test-access-token";
  static final String PHONE_NUMBER_ID = "106540352242922";

  final BridgeStandIn bridge;
  final SandboxServer sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  private SandboxHarness(BridgeStandIn bridge, SandboxServer sandbox) {
    this.bridge = bridge;
    this.sandbox = sandbox;
  }

  static SandboxHarness start(String... extraFlags) throws IOException {
    return start(Clock.systemUTC(), extraFlags);
  }

  static SandboxHarness start(Clock clock, String... extraFlags) throws IOException {
    BridgeStandIn bridge = new BridgeStandIn();
    String[] flags = {
      "--port=0",
      "--webhook-url=" + bridge.webhookUrl(),
      "--app-secret=" + APP_SECRET,
      "--access-token=" + ACCESS_TOKEN,
      "--status-delay-ms=20",
      "--webhook-backoff-ms=20",
      "--webhook-attempts=3",
      "--webhook-timeout-ms=3000",
      "--service-window-hours=0"
    };
    String[] all = new String[flags.length + extraFlags.length];
    System.arraycopy(flags, 0, all, 0, flags.length);
    System.arraycopy(extraFlags, 0, all, flags.length, extraFlags.length);
    SandboxConfig config = SandboxConfig.from(all, Map.of());
    return new SandboxHarness(bridge, SandboxServer.start(config, clock));
  }

  URI url(String path) {
    return sandbox.pageUrl().resolve(path);
  }

  Answer post(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** Any method with a JSON body, to the sandbox API. */
  Answer send(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(url(path)).GET().build());
  }

  /** A Graph API GET with the right token. */
  Answer graphGet(String path) {
    return send(
        HttpRequest.newBuilder(url(path))
            .header("Authorization", "Bearer " + ACCESS_TOKEN)
            .GET()
            .build());
  }

  /** A Graph API DELETE with the right token. */
  Answer graphDelete(String path) {
    return send(
        HttpRequest.newBuilder(url(path))
            .header("Authorization", "Bearer " + ACCESS_TOKEN)
            .DELETE()
            .build());
  }

  /** GET of an absolute URL (a media download URL) with the right token; body as bytes. */
  HttpResponse<byte[]> download(String absoluteUrl) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(absoluteUrl))
              .header("Authorization", "Bearer " + ACCESS_TOKEN)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("Sandbox unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code POST /v23.0/{phone-number-id}/media} as multipart/form-data, like curl -F. */
  Answer upload(byte[] file, String filename, String mimeType) {
    String boundary = "----sandboxtest" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text =
        s -> body.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    text.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n");
    text.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
            + mimeType
            + "\r\n");
    text.accept(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + mimeType
            + "\r\n\r\n");
    body.writeBytes(file);
    text.accept("\r\n--" + boundary + "--\r\n");
    return send(
        HttpRequest.newBuilder(url("/v23.0/" + PHONE_NUMBER_ID + "/media"))
            .header("Authorization", "Bearer " + ACCESS_TOKEN)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** The value of the last webhook the bridge received: {@code entry[0].changes[0].value}. */
  JsonObject lastWebhookValue() {
    java.util.List<BridgeStandIn.ReceivedWebhook> received = bridge.received();
    return parse(received.get(received.size() - 1).body())
        .getJsonArray("entry")
        .getJsonObject(0)
        .getJsonArray("changes")
        .getJsonObject(0)
        .getJsonObject("value");
  }

  /** Sends a Graph API message send with the right token. */
  Answer graphSend(String json) {
    return post(
        "/v23.0/" + PHONE_NUMBER_ID + "/messages", json, "Authorization", "Bearer " + ACCESS_TOKEN);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException("Sandbox unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Override
  public void close() {
    sandbox.close();
    bridge.close();
  }

  /** An HTTP answer from the sandbox. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonObject json() {
      return parse(body);
    }
  }
}
