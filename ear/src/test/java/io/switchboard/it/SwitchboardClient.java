package io.switchboard.it;

import io.switchboard.testkit.channel.WebhookSigner;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to a running Switchboard the way Meta, RT and an admin do: plain HTTP. */
public final class SwitchboardClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String adminToken;

  /**
   * @param base e.g. {@code http://127.0.0.1:18080/switchboard}
   */
  public SwitchboardClient(String base, String adminToken) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.adminToken = adminToken;
  }

  /** An HTTP answer: status and body. */
  public record Answer(int status, String body) {
    public JsonObject json() {
      return (JsonObject) parse(body);
    }

    public JsonArray array() {
      return (JsonArray) parse(body);
    }
  }

  static JsonStructure parse(String body) {
    return Json.createReader(new StringReader(body)).read();
  }

  public Answer put(String adminPath, String json) {
    return call("PUT", adminPath, json, "application/json");
  }

  public Answer get(String adminPath) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/admin/" + adminPath))
            .header("Authorization", "Bearer " + adminToken)
            .GET());
  }

  /** Any admin call with a body (or none), e.g. POST, PATCH, with extra headers as name, value. */
  public Answer call(
      String method, String adminPath, String body, String contentType, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/api/admin/" + adminPath))
            .header("Authorization", "Bearer " + adminToken)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  public Answer post(String adminPath) {
    return call("POST", adminPath, null, null);
  }

  /** POSTs a WhatsApp webhook body signed with the app secret. */
  public Answer whatsAppWebhook(String channelId, String appSecret, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return whatsAppWebhookWithSignature(
        channelId, WebhookSigner.hubSignature256(appSecret, bytes), body);
  }

  public Answer whatsAppWebhookWithSignature(String channelId, String signature, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/channels/" + channelId + "/webhook"))
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Creates or replaces a Request Tracker connection to the local RT, expecting 200 or 201. */
  public Answer putRequestTracker(String id, String token, String webhookSecret) {
    return putRequestTracker(id, token, webhookSecret, jakarta.json.JsonValue.EMPTY_JSON_OBJECT);
  }

  /** The same with more adapter options (e.g. {@code agentViewSecret}). */
  public Answer putRequestTracker(
      String id, String token, String webhookSecret, jakarta.json.JsonObject moreOptions) {
    var config =
        jakarta.json.Json.createObjectBuilder(moreOptions)
            .add("baseUrl", RequestTrackerFixture.BASE)
            .add("token", token);
    if (webhookSecret != null) {
      config.add("webhookSecret", webhookSecret);
    }
    Answer answer =
        put(
            "crm-connections/" + id,
            jakarta.json.Json.createObjectBuilder()
                .add("plugin", "request-tracker")
                .add("config", config)
                .build()
                .toString());
    if (answer.status() != 200 && answer.status() != 201) {
      throw new IllegalStateException("PUT crm-connections/" + id + ": " + answer);
    }
    return answer;
  }

  /** Creates or replaces a stand-alone WhatsApp Cloud channel feeding a CRM connection. */
  public Answer putWhatsAppChannel(
      String id,
      String crmConnection,
      String phoneNumberId,
      String accessToken,
      String appSecret,
      String verifyToken,
      String graphApiBaseUrl) {
    return put(
        "channels/" + id,
        Json.createObjectBuilder()
            .add("plugin", "whatsapp-cloud")
            .add("crmConnection", crmConnection)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("phoneNumberId", phoneNumberId)
                    .add("accessToken", accessToken)
                    .add("appSecret", appSecret)
                    .add("verifyToken", verifyToken)
                    .add("graphApiBaseUrl", graphApiBaseUrl))
            .build()
            .toString());
  }

  /** POSTs a webhook body to a channel app's one URL, signed with the app secret. */
  public Answer appWebhook(String appId, String appSecret, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/apps/" + appId + "/webhook"))
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER, WebhookSigner.hubSignature256(appSecret, bytes))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postJson(String adminPath, String json) {
    return call("POST", adminPath, json, "application/json");
  }

  public Answer delete(String adminPath) {
    return call("DELETE", adminPath, null, null);
  }

  /**
   * POSTs a body to a path under the base ({@code /api/shops/...}) with the given headers, as a
   * shop or Shopify would.
   */
  public Answer postAs(String path, java.util.Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  public Answer raw(String absoluteOrRelative) {
    String url =
        absoluteOrRelative.startsWith("http") ? absoluteOrRelative : base + absoluteOrRelative;
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
