package io.switchboard.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookMessageSummaryTest {

  @Test
  void readsIdSenderAndTypeOfMetasTextMessageExample() throws IOException {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/inbound-text-message.json")) {
      body = in.readAllBytes();
    }

    WebhookMessageSummary message = WebhookMessageSummary.parse(body);

    assertThat(message.messageId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
    assertThat(message.sender()).isEqualTo("16505551234");
    assertThat(message.type()).isEqualTo("text");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    assertThatThrownBy(() -> WebhookMessageSummary.parse(bytes("not json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void refusesAStatusOnlyBodyBecauseItHasNoMessage() {
    String statusOnly =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
            + "{\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"read\"}]},\"field\":\"messages\"}]}]}";

    assertThatThrownBy(() -> WebhookMessageSummary.parse(bytes(statusOnly)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messages[0]");
  }

  @Test
  void refusesAMessageWithoutId() {
    String noId =
        "{\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"1\",\"type\":\"text\"}]}}]}]}";

    assertThatThrownBy(() -> WebhookMessageSummary.parse(bytes(noId)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("messages[0] has no id");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
