package io.switchboard.engine.application.pipeline;

import static io.switchboard.engine.application.templates.TestTemplates.orderUpdate;
import static io.switchboard.engine.application.templates.TestTemplates.orderUpdateArabic;
import static io.switchboard.engine.application.templates.TestTemplates.pausedPromo;
import static io.switchboard.engine.application.templates.TestTemplates.welcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.spi.channel.ConversationFacts;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A free-form reply after the channel's window closed is not sent; the agents are told in the CRM
 * since when, that free-form replies cannot reach the customer, and which approved templates can
 * (the customer's language first), with how to send one.
 */
class WindowNoteTest {
  private final OutboundFixture f = new OutboundFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private String onlyNote() {
    assertThat(f.crm.notes).hasSize(1);
    return f.crm.notes.values().iterator().next();
  }

  @Test
  @DisplayName("the note says since when, why, and lists the approved templates, Arabic first")
  void closedWindowNote() {
    f.templatesAre(orderUpdate(), orderUpdateArabic(), welcome(), pausedPromo());
    Conversation c = f.customerWrote("مرحبا", "ar"); // 2026-12-02 10:00:01 UTC
    f.in.clock.advance(Duration.ofHours(25));

    f.agentReplies("txn:70", "Your order has shipped");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).isEmpty();
    Message reply = f.outbound().get(0);
    assertThat(reply.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(reply.failureReason()).isEqualTo("WINDOW_CLOSED");
    String note = onlyNote();
    assertThat(note)
        .startsWith(
            "This reply did not reach the customer: free-form replies cannot reach them until"
                + " they write again; only an approved template can.\n"
                + "The customer's last message was on 2026-12-02 10:00 UTC; WhatsApp's 24-hour"
                + " window closed on 2026-12-03 10:00 UTC.\n")
        .contains(
            "Approved templates (the customer's language, ar, first):\n"
                + "- order_update (ar), 2 parameters: طلبك {{1}} يُشحن يوم {{2}}.\n"
                + "- order_update (en_US), 4 parameters: Order {{1}} ships on {{2}}.\n"
                + "- welcome (en_US), 1 parameter: Hello {{first_name}}, welcome back!\n")
        .doesNotContain("promo")
        .contains("/template order_update ar <body 1> | <body 2>")
        .contains("POST /switchboard/api/admin/conversations/" + c.id() + "/template")
        .endsWith("Reply: Your order has shipped");
  }

  @Test
  @DisplayName("without synced templates the note says how to get them")
  void noTemplates() {
    f.customerWrote("hello");
    f.in.clock.advance(Duration.ofHours(30));

    f.agentReplies("txn:71", "Still there?");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(onlyNote())
        .contains("No approved template is synced for this channel account")
        .contains("POST /switchboard/api/admin/channels/wa/templates/sync");
  }

  @Test
  @DisplayName(
      "after an ad, free-form replies go out for 72 hours; then the note names that window")
  void freeEntryWindow() {
    f.templatesAre(orderUpdate());
    f.customerCameFromAd("I saw your ad");
    f.in.clock.advance(Duration.ofHours(30));

    f.agentReplies("txn:72", "Thanks for writing!");
    f.dispatch(Duration.ofSeconds(30));
    assertThat(f.channel.sent).hasSize(1);
    assertThat(OutboundContentJson.windowOf(f.outbound().get(0)))
        .as("the timeline shows the window it used")
        .isEqualTo("free-entry-point");
    ConversationWindow open = window();
    assertThat(open.open()).isTrue();
    assertThat(open.window()).isEqualTo("free-entry-point");
    assertThat(open.closesAt())
        .isEqualTo(f.in.conversations().get(0).adReferralAt().plus(Duration.ofHours(72)));

    f.in.clock.advance(Duration.ofHours(43));
    f.agentReplies("txn:73", "Anything else?");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).hasSize(1);
    assertThat(window().open()).isFalse();
    assertThat(onlyNote())
        .contains("WhatsApp's 24-hour window closed on 2026-12-03 10:00 UTC.")
        .contains(
            "The customer came from an ad on 2026-12-02 10:00 UTC; the 72-hour free entry window"
                + " it opened closed on 2026-12-05 10:00 UTC.");
  }

  private ConversationWindow window() {
    Conversation c = f.in.conversations().get(0);
    return ConversationWindow.of(
        f.channel.sendPolicy(),
        new ConversationFacts(c.lastInboundAt(), c.adReferralAt(), f.in.clock.instant()));
  }
}
