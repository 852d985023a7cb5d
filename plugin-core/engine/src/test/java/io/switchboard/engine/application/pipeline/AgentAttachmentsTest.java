package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Text;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An agent's reply with files from the CRM: one outbound message per part, in order; each file's
 * real type is found from its bytes and checked against the channel's policy before any upload; an
 * uploaded file is never uploaded again when its send is retried.
 */
class AgentAttachmentsTest {
  private final OutboundFixture f = new OutboundFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("text then each file, one send each on the conversation's key, in this order")
  void splitInOrder() {
    f.customerWrote("Where is my parcel?");
    var photo = f.crm.attach("71", "parcel.jpg", "image/jpeg", Files.jpeg(2048));
    var invoice = f.crm.attach("72", "invoice.pdf", "application/pdf", Files.pdf());

    f.agentReplies("txn:62", "Here it is, with the invoice.", photo, invoice);

    List<Message> out =
        f.messages().stream().filter(m -> m.direction().equals(Message.OUT)).toList();
    assertThat(out).extracting(Message::contentType).containsExactly("text", "file", "file");
    List<OutboxEntry> sends = f.outbox(OutboxActions.SEND_TO_CHANNEL);
    assertThat(sends)
        .extracting(OutboxEntry::idempotencyKey)
        .containsExactly("crm:rt|txn:62", "crm:rt|txn:62#1", "crm:rt|txn:62#2");
    assertThat(sends).extracting(OutboxEntry::orderingKey).containsOnly(sends.get(0).orderingKey());
    assertThat(f.crm.fetched).as("nothing is fetched before the send").isEmpty();

    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).hasSize(3);
    assertThat(f.channel.sent.get(0).content()).isEqualTo(Text.of("Here it is, with the invoice."));
    assertThat(f.channel.markedRead)
        .as("the customer sees their message read once the agent answered")
        .containsExactly(
            f.messages().stream()
                .filter(m -> m.direction().equals(Message.IN))
                .findFirst()
                .orElseThrow()
                .externalId());
    assertThat(f.outbox(OutboxActions.MARK_READ))
        .singleElement()
        .satisfies(e -> assertThat(e.orderingKey()).isNotEqualTo(sends.get(0).orderingKey()));
    Media image = (Media) f.channel.sent.get(1).content();
    assertThat(image.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(image.reference()).isEqualTo("wa-media:1");
    assertThat(image.mimeType()).isEqualTo("image/jpeg");
    assertThat(image.caption()).as("files go without caption; the text went first").isNull();
    Media document = (Media) f.channel.sent.get(2).content();
    assertThat(document.kind()).isEqualTo(MediaKind.DOCUMENT);
    assertThat(document.fileName()).isEqualTo("invoice.pdf");
    assertThat(f.channel.uploads)
        .extracting(a -> a.contentType())
        .containsExactly("image/jpeg", "application/pdf");
    assertThat(f.messages().stream().filter(m -> m.direction().equals(Message.OUT)))
        .extracting(Message::contentType, Message::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("text", MessageStatus.SENT),
            org.assertj.core.groups.Tuple.tuple("image", MessageStatus.SENT),
            org.assertj.core.groups.Tuple.tuple("document", MessageStatus.SENT));
  }

  @Test
  @DisplayName("a reply of files only sends the files; one with nothing at all is noted, not sent")
  void filesOnly() {
    f.customerWrote("Send me the label");
    var label = f.crm.attach("73", "label.png", null, Files.png());
    assertThat(f.agentReplies("txn:63", "", label)).isEmpty();
    assertThat(f.agentReplies("txn:64", " "))
        .hasValueSatisfying(n -> assertThat(n).contains("no text"));

    f.dispatch(Duration.ofSeconds(20));

    assertThat(f.channel.sent).hasSize(1);
    assertThat(((Media) f.channel.sent.get(0).content()).mimeType()).isEqualTo("image/png");
  }

  @Test
  @DisplayName("a file of a type the channel does not take is refused before upload, with a note")
  void wrongTypeRefusedBeforeUpload() {
    f.customerWrote("Can you send the tool?");
    var exe = f.crm.attach("74", "report.pdf", "application/pdf", Files.exe());

    f.agentReplies("txn:65", "Here is the tool", exe);
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.uploads).isEmpty();
    assertThat(f.channel.sent).extracting(m -> m.content().type()).containsExactly("text");
    Message file = f.outbound().get(f.outbound().size() - 1);
    assertThat(file.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(file.failureReason()).isEqualTo("UNSUPPORTED_CONTENT");
    assertThat(f.crm.notes.values())
        .singleElement()
        .satisfies(
            note ->
                assertThat(note)
                    .contains("WhatsApp cannot send report.pdf (application/x-msdownload)")
                    .contains("only images (JPEG, PNG), videos (MP4, 3GPP)")
                    .contains("documents (PDF, Word, Excel, PowerPoint, plain text)"));
  }

  @Test
  @DisplayName("a file over the channel's size limit for its kind is refused before upload")
  void tooLargeRefusedBeforeUpload() {
    f.customerWrote("Photo please");
    var big = f.crm.attach("75", "huge.jpg", "image/jpeg", Files.jpeg(6 * 1024 * 1024));

    f.agentReplies("txn:66", "", big);
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.uploads).isEmpty();
    assertThat(f.channel.sent).isEmpty();
    assertThat(f.outbox(OutboxActions.SEND_TO_CHANNEL).get(0).status())
        .isEqualTo(LedgerStatus.SKIPPED);
    assertThat(f.crm.notes.values())
        .singleElement()
        .satisfies(
            note ->
                assertThat(note)
                    .contains(
                        "WhatsApp cannot send huge.jpg: it has 6.0 MB, images may have at most 5.0 MB"));
  }

  @Test
  @DisplayName(
      "a send that fails after the upload is retried with the same media id, never uploaded twice")
  void uploadOnceOnRetry() {
    f.customerWrote("The invoice?");
    var invoice = f.crm.attach("76", "invoice.pdf", "application/pdf", Files.pdf());
    f.channel.sendFailures = 2;

    f.agentReplies("txn:67", "", invoice);
    f.dispatch(Duration.ofMinutes(1));

    assertThat(f.channel.uploads).hasSize(1);
    assertThat(f.crm.fetched).containsExactly("rt-attachment:76");
    assertThat(f.channel.sent)
        .singleElement()
        .satisfies(m -> assertThat(((Media) m.content()).reference()).isEqualTo("wa-media:1"));
    Message sent = f.outbound().get(f.outbound().size() - 1);
    assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
    assertThat(sent.contentJson()).contains("\"reference\":\"wa-media:1\"");
  }

  @Test
  @DisplayName("a reply with a link asks the channel for a link preview; one without does not")
  void linksGetAPreview() {
    f.customerWrote("Where is my parcel?");
    f.agentReplies("txn:80", "Track it at https://track.example/4567");

    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent)
        .extracting(m -> m.content())
        .containsExactly(new Text("Track it at https://track.example/4567", true));
  }
}
