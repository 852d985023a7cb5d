package io.switchboard.spi.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SendPolicyTest {
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  static final SendWindow SERVICE =
      new SendWindow(
          "customer-service", SendWindow.Opener.CUSTOMER_MESSAGE, Duration.ofHours(24), null);
  static final SendWindow FREE_ENTRY =
      new SendWindow("free-entry-point", SendWindow.Opener.AD_REFERRAL, Duration.ofHours(72), null);
  static final SendWindow HUMAN_AGENT =
      new SendWindow(
          "human-agent", SendWindow.Opener.CUSTOMER_MESSAGE, Duration.ofDays(7), "HUMAN_AGENT");

  static final SendPolicy WHATSAPP =
      new SendPolicy(
          Set.of("text", "template", "mark_read", "image"),
          Set.of("text"),
          List.of(SERVICE, FREE_ENTRY),
          SendPolicy.OutsideWindows.TEMPLATES_ONLY,
          80,
          Duration.ofSeconds(6),
          4096,
          Map.of(MediaKind.IMAGE, 5L * 1024 * 1024));

  static final SendPolicy MESSENGER =
      new SendPolicy(
          Set.of("text"),
          Set.of("text"),
          List.of(
              new SendWindow(
                  "standard", SendWindow.Opener.CUSTOMER_MESSAGE, Duration.ofHours(24), null),
              HUMAN_AGENT),
          SendPolicy.OutsideWindows.NOTHING,
          250,
          Duration.ZERO,
          2000,
          Map.of());

  static ConversationFacts lastWrote(Duration ago) {
    return new ConversationFacts(NOW.minus(ago), null, NOW);
  }

  @Test
  @DisplayName("a reply 23 hours after the customer's last message uses the 24-hour window")
  void insideTheServiceWindow() {
    SendDecision d = WHATSAPP.check(Text.of("hi"), lastWrote(Duration.ofHours(23)));
    assertThat(d.allowed()).isTrue();
    assertThat(d.window()).isEqualTo(SERVICE);
    assertThat(d.tag()).isEmpty();
  }

  @Test
  @DisplayName("25 hours later free-form text is refused as window closed; a template still goes")
  void windowClosed() {
    SendDecision d = WHATSAPP.check(Text.of("hi"), lastWrote(Duration.ofHours(25)));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo(FailureReason.WINDOW_CLOSED);
    assertThat(d.explanation()).contains("template");
    assertThat(
            WHATSAPP
                .check(
                    new Template("order_update", "en", List.of()), lastWrote(Duration.ofDays(30)))
                .allowed())
        .isTrue();
    assertThat(
            WHATSAPP
                .check(new MarkRead("wamid.1", false), lastWrote(Duration.ofDays(30)))
                .allowed())
        .isTrue();
  }

  @Test
  @DisplayName("after a click-to-WhatsApp ad the free entry window stays open 72 hours")
  void freeEntryWindowAfterAnAd() {
    ConversationFacts facts =
        new ConversationFacts(
            NOW.minus(Duration.ofHours(50)), NOW.minus(Duration.ofHours(50)), NOW);
    SendDecision d = WHATSAPP.check(Text.of("hi"), facts);
    assertThat(d.allowed()).isTrue();
    assertThat(d.window()).isEqualTo(FREE_ENTRY);
    ConversationFacts later =
        new ConversationFacts(
            NOW.minus(Duration.ofHours(73)), NOW.minus(Duration.ofHours(73)), NOW);
    assertThat(WHATSAPP.check(Text.of("hi"), later).allowed()).isFalse();
  }

  @Test
  @DisplayName("Messenger: after 24 hours only the HUMAN_AGENT tag (7 days) lets a reply through")
  void humanAgentTag() {
    assertThat(MESSENGER.check(Text.of("hi"), lastWrote(Duration.ofHours(2))).tag()).isEmpty();
    SendDecision tagged = MESSENGER.check(Text.of("hi"), lastWrote(Duration.ofDays(3)));
    assertThat(tagged.allowed()).isTrue();
    assertThat(tagged.tag()).contains("HUMAN_AGENT");
    SendDecision closed = MESSENGER.check(Text.of("hi"), lastWrote(Duration.ofDays(8)));
    assertThat(closed.allowed()).isFalse();
    assertThat(closed.reason()).isEqualTo(FailureReason.WINDOW_CLOSED);
  }

  @Test
  @DisplayName("content the channel does not send, over-long text and too large media are refused")
  void unsupportedAndTooLarge() {
    ConversationFacts open = lastWrote(Duration.ofMinutes(5));
    assertThat(MESSENGER.check(new Template("t", "en", List.of()), open).reason())
        .isEqualTo(FailureReason.UNSUPPORTED_CONTENT);
    assertThat(WHATSAPP.check(Text.of("x".repeat(4097)), open).reason())
        .isEqualTo(FailureReason.TOO_LARGE);
    assertThat(WHATSAPP.check(Text.of("  "), open).reason())
        .isEqualTo(FailureReason.INVALID_CONTENT);
    Media big =
        new Media(
            MediaKind.IMAGE, "media:1", null, "image/jpeg", null, null, 6L * 1024 * 1024, null);
    assertThat(WHATSAPP.check(big, open).reason()).isEqualTo(FailureReason.TOO_LARGE);
  }

  @Test
  @DisplayName("a customer who never wrote cannot get free-form text")
  void neverWrote() {
    assertThat(WHATSAPP.check(Text.of("hi"), new ConversationFacts(null, null, NOW)).allowed())
        .isFalse();
  }
}
