package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.CustomerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailGatewayMessageTest {
  private static final Instant SENT = Instant.parse("2026-11-23T09:15:00Z");

  @Test
  @DisplayName("the mail is from the requester and carries the key as Message-ID")
  void headers() throws Exception {
    CustomerEntry entry = new CustomerEntry("msg:wamid.ABC", "wa-1", "Hello", List.of(), SENT);

    String mail = MailGatewayMessage.write("Kerry \"K\" Fisher", "wa-1@example.invalid", entry);

    assertThat(mail)
        .contains("From: \"Kerry \\\"K\\\" Fisher\" <wa-1@example.invalid>\n")
        .contains("Message-ID: <" + MailGatewayMessage.messageIdFor("msg:wamid.ABC") + ">\n")
        .contains("X-Switchboard-Key: msg:wamid.ABC\n")
        .contains("Date: Mon, 23 Nov 2026 09:15:00 GMT\n")
        .contains(Base64.getEncoder().encodeToString("Hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(MailGatewayMessage.messageIdFor("msg:wamid.ABC"))
        .matches("sb\\.[0-9a-f]{64}@switchboard\\.invalid")
        .isNotEqualTo(MailGatewayMessage.messageIdFor("msg:wamid.ABD"));
  }

  @Test
  @DisplayName("non-ASCII names are encoded, attachments are base64 MIME parts")
  void attachments() throws Exception {
    byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
    CustomerEntry entry =
        new CustomerEntry(
            "msg:2",
            "wa-1",
            "Voilà",
            List.of(new Attachment("facture é.pdf", "application/pdf", pdf.length, null, pdf)),
            SENT);

    String mail = MailGatewayMessage.write("Zoë", "wa-1@example.invalid", entry);

    assertThat(mail)
        .contains("From: =?UTF-8?B?")
        .contains("Content-Type: application/pdf; name==?UTF-8?B?")
        .contains("Content-Disposition: attachment; filename*=UTF-8''facture%20%C3%A9.pdf")
        .contains(Base64.getEncoder().encodeToString(pdf))
        .endsWith("--\n");
    assertThat(mail.chars().allMatch(c -> c < 128)).as("7-bit clean").isTrue();
  }

  @Test
  @DisplayName("an attachment without bytes is refused with the reason")
  void attachmentWithoutBytes() {
    CustomerEntry entry =
        new CustomerEntry(
            "msg:3",
            "wa-1",
            null,
            List.of(new Attachment("a.jpg", "image/jpeg", 10, "wa-media:1", null)),
            SENT);

    assertThatThrownBy(() -> MailGatewayMessage.write(null, "wa-1@example.invalid", entry))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("a.jpg has no bytes");
  }
}
