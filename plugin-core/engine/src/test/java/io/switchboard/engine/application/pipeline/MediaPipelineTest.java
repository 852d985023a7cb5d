package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.media.MediaActions;
import io.switchboard.engine.application.media.MediaAdmin;
import io.switchboard.engine.application.media.MediaSamples;
import io.switchboard.engine.application.media.TestCrm;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound media end to end in the engine: the message goes to the CRM at once, the file is fetched
 * on its own, checked by its content, stored, and attached in the CRM exactly once, whichever of
 * the fetch and the delivery comes first; failures are visible and can be retried.
 */
class MediaPipelineTest {
  private static final String CHANNEL = "channel:wa";
  private static final String CRM = "crm:rt";

  @TempDir Path dir;
  private MediaPipeline p;

  private MediaPipeline pipeline(long maxBytes, String store) {
    p = new MediaPipeline(maxBytes, store, dir.resolve("media"));
    return p;
  }

  private MediaPipeline pipeline() {
    return pipeline(104_857_600L, "database");
  }

  @AfterEach
  void close() {
    if (p != null) {
      p.close();
    }
  }

  private static Media photo() {
    return Media.byReference(
        MediaKind.IMAGE, "wa-media:1013859600285441", "image/jpeg", "Broken lid");
  }

  private static Media document(String name) {
    return Media.byReference(MediaKind.DOCUMENT, "wa-media:77", "application/pdf", null)
        .withFileName(name);
  }

  private OutboxEntry only(String action) {
    List<OutboxEntry> entries = p.entries(action);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  @Test
  @DisplayName("a media message: the file is PENDING with a fetch of its own; the message goes on")
  void recordedWithItsOwnFetch() {
    pipeline();
    String message = p.customerSends(photo());

    MediaObject m = p.mediaOf(message);
    assertThat(m.status()).isEqualTo(MediaStatus.PENDING);
    assertThat(m.reference()).isEqualTo("wa-media:1013859600285441");
    assertThat(m.claimedType()).isEqualTo("image/jpeg");
    OutboxEntry fetch = only(MediaActions.FETCH_MEDIA);
    assertThat(fetch.target()).isEqualTo(CHANNEL);
    assertThat(fetch.orderingKey()).isEqualTo(CHANNEL + "|media:" + m.id());
    assertThat(fetch.subjectId()).isEqualTo(m.id());
    OutboxEntry delivery = only(OutboxActions.DELIVER_TO_CRM);
    assertThat(delivery.orderingKey()).startsWith(CRM + "|").doesNotContain("media");

    p.drain(CRM); // the channel is down: the message reaches the ticket anyway
    assertThat(p.crm.written()).hasSize(1);
    assertThat(p.crm.written().get(0).text()).startsWith("[Image] Broken lid");
  }

  @Nested
  @DisplayName("attached exactly once")
  class ExactlyOnce {
    @Test
    @DisplayName("stored before delivery: the entry carries the file (detected type, made-up name)")
    void storedBeforeDelivery() {
      pipeline();
      String message = p.customerSends(photo());
      p.channel.file(MediaSamples.png(), "image/jpeg", null);

      p.drain(CHANNEL);
      MediaObject m = p.mediaOf(message);
      assertThat(m.status()).isEqualTo(MediaStatus.STORED);
      assertThat(m.detectedType()).isEqualTo("image/png");
      assertThat(m.claimedType()).isEqualTo("image/jpeg");
      assertThat(m.fileName()).matches("image-\\d{8}-\\d{6}\\.png");
      assertThat(m.storeKind()).isEqualTo("database");
      assertThat(m.sha256()).hasSize(64);
      assertThat(only(MediaActions.FETCH_MEDIA).result())
          .contains("image/png", "claimed image/jpeg");

      p.drain(CRM);
      p.settle();
      assertThat(p.crm.written()).hasSize(1);
      TestCrm.Written entry = p.crm.written().get(0);
      assertThat(entry.text()).doesNotContain("follows");
      assertThat(p.crm.files()).hasSize(1);
      Attachment file = p.crm.files().get(0);
      assertThat(file.contentType()).isEqualTo("image/png");
      assertThat(file.fileName()).isEqualTo(m.fileName());
      assertThat(file.data()).isEqualTo(MediaSamples.png());
      assertThat(p.mediaOf(message).crmAttachment())
          .isEqualTo(MediaObject.CrmAttachment.WITH_MESSAGE);
      assertThat(p.entries(MediaActions.ATTACH_TO_CRM)).isEmpty();
    }

    @Test
    @DisplayName("delivered before the fetch: the entry says the file follows, then one file entry")
    void deliveredBeforeFetch() {
      pipeline();
      String message = p.customerSends(photo());
      p.channel.down("Graph API timed out");

      p.drain(CRM);
      p.drain(CHANNEL);
      assertThat(p.crm.written()).hasSize(1);
      assertThat(p.crm.written().get(0).text()).contains("The file follows");
      assertThat(p.crm.written().get(0).entry().attachments()).isEmpty();
      MediaObject waiting = p.mediaOf(message);
      assertThat(waiting.status()).isEqualTo(MediaStatus.PENDING);
      assertThat(waiting.attempts()).isEqualTo(1);
      assertThat(waiting.lastError()).isEqualTo("Graph API timed out");
      assertThat(waiting.crmAttachment()).isEqualTo(MediaObject.CrmAttachment.SEPARATE);
      assertThat(p.entries(MediaActions.ATTACH_TO_CRM)).as("not before the fetch ends").isEmpty();

      p.channel.file(MediaSamples.jpeg(), "image/jpeg", null);
      p.settle();

      MediaObject stored = p.mediaOf(message);
      assertThat(stored.status()).isEqualTo(MediaStatus.STORED);
      assertThat(stored.attempts()).isEqualTo(2);
      assertThat(stored.lastError()).isNull();
      assertThat(only(MediaActions.ATTACH_TO_CRM).status()).isEqualTo(LedgerStatus.DONE);
      assertThat(only(MediaActions.ATTACH_TO_CRM).orderingKey())
          .isEqualTo(CRM + "|media:" + stored.id());
      assertThat(p.crm.written()).hasSize(2);
      TestCrm.Written later = p.crm.written().get(1);
      assertThat(later.ticketId()).isEqualTo("T-1");
      assertThat(later.text())
          .startsWith("File of the customer's message of ")
          .endsWith("Broken lid");
      assertThat(p.crm.files()).hasSize(1);
      assertThat(p.crm.files().get(0).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    @DisplayName("a retried delivery keeps its first decision: still no second file")
    void retriedDeliveryDecidesTheSame() {
      pipeline();
      String message = p.customerSends(photo());
      p.drain(CRM); // delivered without the file
      p.channel.file(MediaSamples.jpeg(), "image/jpeg", null);
      p.drain(CHANNEL);
      // The delivery again (as after an unrecorded success): same decision, the CRM dedupes.
      assertThat(p.media.forCrm.forEntry(message).files()).isEmpty();
      p.settle();

      assertThat(p.crm.files()).hasSize(1);
      assertThat(p.entries(MediaActions.ATTACH_TO_CRM)).hasSize(1);
    }
  }

  @Nested
  @DisplayName("failures")
  class Failures {
    @Test
    @DisplayName("refused for good: UNAVAILABLE with the reason, a note; retry; then the file")
    void permanentThenRetry() {
      pipeline();
      String message = p.customerSends(document("invoice.pdf"));
      p.channel.gone("media id not found (expired at Meta)");
      p.drain(CRM);
      p.drain(CHANNEL);

      MediaObject gone = p.mediaOf(message);
      OutboxEntry fetch = only(MediaActions.FETCH_MEDIA);
      assertThat(fetch.status()).isEqualTo(LedgerStatus.QUARANTINED);
      assertThat(gone.status()).isEqualTo(MediaStatus.UNAVAILABLE);
      assertThat(gone.lastError()).contains("expired at Meta");
      assertThat(gone.failureReason()).isEqualTo("MEDIA_PROBLEM");
      p.drain(CRM);
      TestCrm.Written note = p.crm.written().get(1);
      assertThat(note.isNote()).isTrue();
      assertThat(note.text())
          .contains(
              "could not fetch the file",
              "expired at Meta",
              "/admin/media/" + gone.id() + "/retry");

      assertThat(p.media.admin.retry(gone.id())).isEqualTo(MediaAdmin.Retry.PENDING_AGAIN);
      assertThat(p.media.admin.retry(gone.id())).isEqualTo(MediaAdmin.Retry.NOT_UNAVAILABLE);
      assertThat(p.f.outbox.find(fetch.id()).orElseThrow().status())
          .as("the quarantined fetch is replayed, not left behind")
          .isEqualTo(LedgerStatus.PENDING);
      p.channel.file(MediaSamples.pdf(), "application/pdf", "invoice.pdf");
      p.settle();

      MediaObject stored = p.mediaOf(message);
      assertThat(stored.status()).isEqualTo(MediaStatus.STORED);
      assertThat(stored.fetchRound()).isEqualTo(1);
      assertThat(p.crm.files()).hasSize(1);
      assertThat(p.crm.files().get(0).fileName()).isEqualTo("invoice.pdf");
      assertThat(p.crm.written().stream().filter(TestCrm.Written::isNote)).hasSize(1);
      assertThat(p.entries(MediaActions.FETCH_MEDIA)).hasSize(1);
    }

    @Test
    @DisplayName("the outbox's own replay of a quarantined fetch works too")
    void outboxReplay() {
      pipeline();
      String message = p.customerSends(photo());
      p.channel.gone("not found");
      p.drain(CHANNEL);
      OutboxEntry fetch = only(MediaActions.FETCH_MEDIA);
      assertThat(p.mediaOf(message).status()).isEqualTo(MediaStatus.UNAVAILABLE);

      p.effects.prepareReplay(fetch); // as LedgerAdminResource does
      assertThat(p.f.outbox.replay(fetch.id())).isTrue();
      assertThat(p.mediaOf(message).status()).isEqualTo(MediaStatus.PENDING);
      p.channel.file(MediaSamples.jpeg(), "image/jpeg", null);
      p.settle();

      assertThat(p.mediaOf(message).status()).isEqualTo(MediaStatus.STORED);
      assertThat(p.crm.files()).hasSize(1);
    }

    @Test
    @DisplayName(
        "over switchboard.media.max-bytes: refused, without download when the size is known")
    void sizeLimit() {
      pipeline(1000, "database");
      String big = p.customerSends(photo());
      p.channel.file(MediaSamples.jpegOf(1001), "image/jpeg", null);
      p.drain(CHANNEL);

      MediaObject refused = p.mediaOf(big);
      assertThat(refused.status()).isEqualTo(MediaStatus.UNAVAILABLE);
      assertThat(refused.failureReason()).isEqualTo("TOO_LARGE");
      assertThat(refused.lastError()).contains("1001 bytes", "switchboard.media.max-bytes (1000)");

      String declared =
          p.customerSends(
              new Media(MediaKind.VIDEO, "wa-media:9", null, "video/mp4", null, null, 5000, null));
      p.channel.asked.clear();
      p.settle();
      assertThat(p.mediaOf(declared).status()).isEqualTo(MediaStatus.UNAVAILABLE);
      assertThat(p.channel.asked).as("not downloaded").isEmpty();
    }

    @Test
    @DisplayName("a program sent as a PDF document is refused by its content; agents get a note")
    void programRefused() {
      pipeline();
      String message = p.customerSends(document("invoice.pdf"));
      p.channel.file(MediaSamples.windowsProgram(), "application/pdf", "invoice.pdf");
      p.drain(CRM);
      p.settle();

      MediaObject refused = p.mediaOf(message);
      assertThat(refused.status()).isEqualTo(MediaStatus.UNAVAILABLE);
      assertThat(refused.failureReason()).isEqualTo("UNSUPPORTED_CONTENT");
      assertThat(refused.lastError()).contains("program or script");
      assertThat(refused.storeLocation()).isNull();
      assertThat(p.crm.files()).isEmpty();
      assertThat(p.crm.written().get(0).text()).contains("The file follows");
      assertThat(p.crm.written().get(1).isNote()).isTrue();
      assertThat(p.crm.written().get(1).text()).contains("program or script");
    }
  }

  @Nested
  @DisplayName("retention")
  class Retention {
    @Test
    @DisplayName("after switchboard.media.retention the bytes go, the metadata stays (database)")
    void databaseStore() {
      pipeline();
      String message = p.customerSends(photo());
      p.channel.file(MediaSamples.png(), "image/jpeg", null);
      p.drain(CHANNEL);
      String id = p.mediaOf(message).id();
      assertThat(p.media.files.stored(id)).isPresent();

      p.f.clock.advance(Duration.ofDays(89));
      assertThat(p.media.retention.prune()).isZero();
      p.f.clock.advance(Duration.ofDays(2));
      assertThat(p.media.retention.prune()).isEqualTo(1);

      MediaObject expired = p.mediaOf(message);
      assertThat(expired.status()).isEqualTo(MediaStatus.EXPIRED);
      assertThat(expired.detectedType()).isEqualTo("image/png");
      assertThat(expired.sha256()).hasSize(64);
      assertThat(p.media.files.stored(id)).isEmpty();
      long rows =
          p.f.inTx(
              () ->
                  ((Number)
                          p.f
                              .tx
                              .entityManager()
                              .createNativeQuery("select count(*) from media_content")
                              .getSingleResult())
                      .longValue());
      assertThat(rows).isZero();
    }

    @Test
    @DisplayName("the file system store: the file is deleted from the directory")
    void fileSystemStore() throws Exception {
      pipeline(104_857_600L, "filesystem");
      String message = p.customerSends(photo());
      p.channel.file(MediaSamples.jpeg(), "image/jpeg", null);
      p.drain(CHANNEL);
      MediaObject stored = p.mediaOf(message);
      assertThat(stored.storeKind()).isEqualTo("filesystem");
      assertThat(dir.resolve("media").resolve(stored.id())).hasBinaryContent(MediaSamples.jpeg());

      p.f.clock.advance(Duration.ofDays(91));
      p.media.retention.prune();

      assertThat(p.mediaOf(message).status()).isEqualTo(MediaStatus.EXPIRED);
      assertThat(Files.exists(dir.resolve("media").resolve(stored.id()))).isFalse();
    }
  }

  @Test
  @DisplayName("the admin API lists a message's files with a signed link for a stored one")
  void adminViews() {
    pipeline();
    String message = p.customerSends(photo());
    p.channel.file(MediaSamples.png(), "image/jpeg", null);
    p.drain(CHANNEL);

    List<MediaObject> files = p.media.admin.ofMessage(message).orElseThrow();
    assertThat(files).hasSize(1);
    var link = p.media.links.sign(files.get(0).id()).orElseThrow();
    assertThat(
            p.media.links.verify(
                files.get(0).id(), link.expires().getEpochSecond(), link.signature()))
        .isTrue();
    assertThat(p.media.admin.ofMessage("no-such-message")).isEmpty();
    assertThat(p.media.admin.retry("no-such-media")).isEqualTo(MediaAdmin.Retry.NOT_FOUND);
  }
}
