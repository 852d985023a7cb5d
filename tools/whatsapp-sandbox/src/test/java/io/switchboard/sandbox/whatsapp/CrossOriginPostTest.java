package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The sandbox refuses cross-origin browser posts")
class CrossOriginPostTest {
  private static final String MESSAGE = "{\"from\":\"+15550100123\",\"text\":\"Hi\"}";
  private SandboxHarness harness;

  @BeforeEach
  void start() throws IOException {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("a post from another site's page gets 403 and sends no webhook")
  void otherOriginIsRefused() {
    SandboxHarness.Answer answer =
        harness.post("/sandbox/api/customer-messages", MESSAGE, "Origin", "http://evil.example");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(
            harness
                .post("/sandbox/api/read-receipts", "{\"phone\":\"15550100123\"}", "Origin", "null")
                .status())
        .isEqualTo(403);
    assertThat(harness.get("/sandbox/api/conversations").json().getJsonArray("conversations"))
        .isEmpty();
    assertThat(harness.bridge.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cross-site", "same-site"})
  @DisplayName("a post the browser marks as not same-origin gets 403")
  void fetchMetadataIsHonoured(String site) {
    assertThat(
            harness
                .post("/sandbox/api/customer-messages", MESSAGE, "Sec-Fetch-Site", site)
                .status())
        .isEqualTo(403);
    assertThat(harness.bridge.received()).isEmpty();
  }

  @Test
  @DisplayName("the phone page's own posts and clients without browser headers still work")
  void sameOriginAndScriptsPass() {
    String self = "http://127.0.0.1:" + harness.sandbox.port();
    assertThat(
            harness
                .post(
                    "/sandbox/api/customer-messages",
                    MESSAGE,
                    "Origin",
                    self,
                    "Sec-Fetch-Site",
                    "same-origin")
                .status())
        .isEqualTo(200);
    assertThat(harness.post("/sandbox/api/customer-messages", MESSAGE).status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "the Graph API send from another origin is refused too; the bridge's own call passes")
  void graphApi() {
    String send =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\",\"type\":\"text\","
            + "\"text\":{\"body\":\"Hello\"}}";
    assertThat(harness.graphSend(send).status()).isEqualTo(200);
    assertThat(
            harness
                .post(
                    "/v23.0/" + SandboxHarness.PHONE_NUMBER_ID + "/messages",
                    send,
                    "Authorization",
                    "Bearer " + SandboxHarness.ACCESS_TOKEN,
                    "Origin",
                    "http://evil.example")
                .status())
        .isEqualTo(403);
  }
}
