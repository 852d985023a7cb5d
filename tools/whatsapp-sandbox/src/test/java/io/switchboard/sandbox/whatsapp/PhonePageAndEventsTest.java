package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The phone page, its live events and its JSON API")
class PhonePageAndEventsTest {
  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("the page, its script and its style sheet are served from the jar, with no CDN")
  void pageAndAssetsAreServed() {
    SandboxHarness.Answer page = harness.get("/");
    SandboxHarness.Answer script = harness.get("/sandbox/static/phone.js");
    SandboxHarness.Answer style = harness.get("/sandbox/static/phone.css");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("/sandbox/static/phone.js").doesNotContain("https://");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("EventSource").contains("/customer-messages");
    assertThat(style.status()).isEqualTo(200);
    assertThat(page.response().headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("style=");
    assertThat(script.body())
        .doesNotContain("innerHTML")
        .contains("textContent")
        .contains("/catalog")
        .contains("reaction");
    assertThat(harness.get("/nothing-here").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the event stream announces new messages and their status changes")
  void eventStreamAnnouncesMessages() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream =
        client.send(
            HttpRequest.newBuilder(harness.url("/sandbox/api/events")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (Exception ignored) {
                // the stream ends when the sandbox closes
              }
            });
    reader.setDaemon(true);
    reader.start();

    String wamid =
        harness
            .post(
                "/sandbox/api/customer-messages",
                "{\"from\":\"+15550100123\",\"name\":\"A\",\"text\":\"live?\"}")
            .json()
            .getString("wamid");

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(lines).contains("event: message");
              assertThat(lines)
                  .anySatisfy(
                      line ->
                          assertThat(line)
                              .startsWith("data: ")
                              .contains(wamid)
                              .contains("\"status\":\"delivered\""));
            });
  }

  @Test
  @DisplayName("the conversation lists both directions in order, and chats are summarised")
  void conversationListsBothDirections() {
    harness.post(
        "/sandbox/api/customer-messages",
        "{\"from\":\"+15550100123\",\"name\":\"Ann\",\"text\":\"question\"}");
    harness.graphSend(
        "{\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\","
            + "\"type\":\"text\",\"text\":{\"body\":\"answer\"}}");

    var messages =
        harness.get("/sandbox/api/conversation?phone=15550100123").json().getJsonArray("messages");
    var chats = harness.get("/sandbox/api/conversations").json().getJsonArray("conversations");

    assertThat(messages).hasSize(2);
    assertThat(messages.getJsonObject(0).getString("direction")).isEqualTo("customer");
    assertThat(messages.getJsonObject(1).getString("direction")).isEqualTo("business");
    assertThat(messages.getJsonObject(1).getString("customerName")).isEqualTo("Ann");
    assertThat(chats).hasSize(1);
    assertThat(chats.getJsonObject(0).getString("name")).isEqualTo("Ann");
    assertThat(chats.getJsonObject(0).getInt("messageCount")).isEqualTo(2);
  }

  @Test
  @DisplayName("the public configuration never contains the secrets")
  void configHidesSecrets() {
    SandboxHarness.Answer config = harness.get("/sandbox/api/config");

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().getString("phoneNumberId")).isEqualTo(SandboxHarness.PHONE_NUMBER_ID);
    assertThat(config.body())
        .doesNotContain(SandboxHarness.APP_SECRET)
        .doesNotContain(SandboxHarness.ACCESS_TOKEN);
  }

  @Test
  @DisplayName("an unknown API route gets 404 with a JSON error")
  void unknownRouteGets404() {
    SandboxHarness.Answer answer = harness.get("/sandbox/api/nope");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().getString("error")).contains("GET /sandbox/api/nope");
  }
}
