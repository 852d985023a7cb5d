package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's HTTP edge on a real Payara Micro, where path decoding and normalisation happen:
 * admin authentication cannot be walked around by spelling the path differently, and oversized
 * webhook bodies are refused with 413. Requests are raw HTTP/1.1, so no client normalises them.
 */
@ExtendWith(ArquillianExtension.class)
@DisplayName("The HTTP edge on Payara Micro")
class HttpEdgeIT {
  static final String ROOT = "http://127.0.0.1:18080";
  static final String TOKEN = System.getProperty("switchboard.it.adminToken");
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Deployment(testable = false)
  static WebArchive switchboardWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("switchboard.war")));
  }

  @Test
  @DisplayName("the admin API answers the right token and refuses a wrong one or none")
  void adminNeedsTheToken() throws Exception {
    assertThat(get("/switchboard/api/admin/plugins", "Bearer " + TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(get("/switchboard/api/admin/plugins", "Bearer wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> none = get("/switchboard/api/admin/plugins", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/switchboard/api/%61dmin/plugins",
        "/switchboard/api/%61%64%6d%69%6e/plugins",
        "/switchboard/api/Admin/plugins",
        "/switchboard/api//admin/plugins",
        "/switchboard//api/admin/plugins",
        "/switchboard/api/admin//plugins",
        "/switchboard/api/./admin/plugins",
        "/switchboard/api/channels/..%2Fadmin/plugins",
        "/switchboard/api/channels/../admin/plugins",
        "/switchboard/api/channels/%2e%2e/admin/plugins",
        "/switchboard/api/channels/x/webhook/../../../admin/plugins",
        "/switchboard/api/admin/plugins;x=y",
        "/switchboard/api/admin;x=y/plugins",
        "/switchboard/api/admin/plugins/",
        "/switchboard/api/admin%2Fplugins",
        "/switchboard/api/admin/crm-connections",
        "/switchboard/api/%61dmin/channels",
        "/switchboard/api/admin/quarantine"
      })
  @DisplayName("no spelling of an admin path reaches the admin API without the token")
  void noPathSpellingBypassesAdminAuth(String path) throws Exception {
    HttpResponse<String> response = get(path, null);
    assertThat(response.statusCode()).as(path + " -> " + response.body()).isNotEqualTo(200);
    assertThat(response.statusCode()).as(path).isIn(400, 401, 404);
    assertThat(response.body()).doesNotContain("\"crms\"").doesNotContain("\"options\"");
  }

  @Test
  @DisplayName("a webhook body over 4 MiB with Content-Length is refused with a 413 problem")
  void oversizedBodyWithLength() throws Exception {
    byte[] body = new byte[4 * 1024 * 1024 + 1];
    HttpResponse<String> response =
        HTTP.send(
            webhook("/switchboard/api/channels/nope/webhook")
                .POST(BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"type\":\"urn:switchboard:problem:payload-too-large\"")
        .contains("\"status\":413");
  }

  @Test
  @DisplayName("a chunked webhook body over the limit is refused with 413 too")
  void oversizedChunkedBody() throws Exception {
    byte[] body = new byte[5 * 1024 * 1024];
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              webhook("/switchboard/api/crm/nope/webhook")
                  .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                  .build(),
              BodyHandlers.ofString());
    } catch (IOException e) {
      // The server may close the connection while the client still sends: that is a refusal too,
      // as long as the server did not take the body (the 4 MiB read limit guarantees it).
      return;
    }
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  @DisplayName("a webhook body under the limit is read (an unknown channel is then a 404 problem)")
  void bodyUnderLimitIsRead() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            webhook("/switchboard/api/channels/nope/webhook")
                .POST(BodyPublishers.ofByteArray(new byte[3 * 1000 * 1000]))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("refused webhooks are problems without internal detail")
  void webhookRefusalsAreProblems() throws Exception {
    HttpResponse<String> unknown =
        HTTP.send(
            webhook("/switchboard/api/channels/no-such-channel/webhook")
                .POST(BodyPublishers.ofString("{}"))
                .build(),
            BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(unknown.body())
        .contains("\"type\":\"urn:switchboard:problem:unknown-source\"")
        .contains("\"instance\":\"/switchboard/api/channels/no-such-channel/webhook\"");
    HttpResponse<String> handshake =
        get("/switchboard/api/channels/no-such-channel/webhook?hub.mode=subscribe", null);
    assertThat(handshake.statusCode()).isEqualTo(403);
    assertThat(handshake.body()).contains("\"status\":403");
    HttpResponse<String> unmatched = get("/switchboard/api/nothing-here", null);
    assertThat(unmatched.statusCode()).isEqualTo(404);
    assertThat(unmatched.body()).contains("\"type\":\"about:blank\"");
  }

  @Test
  @DisplayName("a CRM that is down is reported on its own and never takes readiness down")
  void crmHealthIsNotReadiness() throws Exception {
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(ROOT + "/switchboard/api/admin/crm-connections/edge-down-crm"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .PUT(
                    BodyPublishers.ofString(
                        "{\"plugin\":\"request-tracker\",\"config\":{\"baseUrl\":"
                            + "\"http://127.0.0.1:9\",\"token\":\"t\",\"webhookSecret\":\"s\"}}"))
                .build(),
            BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        get(
                                "/switchboard/api/admin/crm-connections/edge-down-crm",
                                "Bearer " + TOKEN)
                            .body())
                    .contains("\"status\":\"DOWN\"")
                    .contains("\"reason\":\""));
    HttpResponse<String> ready = get("/health/ready", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).doesNotContain("edge-down-crm");
    HttpResponse<String> health = get("/health", null);
    assertThat(health.body())
        .contains("\"crm:edge-down-crm\":\"DOWN\"")
        .doesNotContain("127.0.0.1:9");
    HttpResponse<String> missing =
        get("/switchboard/api/admin/crm-connections/no-such-crm", "Bearer " + TOKEN);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"type\":\"urn:switchboard:problem:not-found\"");
  }

  static HttpResponse<String> get(String rawPath, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ROOT + rawPath)).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), BodyHandlers.ofString());
  }

  static HttpRequest.Builder webhook(String path) {
    return HttpRequest.newBuilder(URI.create(ROOT + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", "sha256=00");
  }
}
