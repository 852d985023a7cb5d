package io.switchboard.engine.application.pipeline;

import static io.switchboard.engine.application.templates.TestTemplates.orderUpdate;
import static io.switchboard.engine.application.templates.TestTemplates.orderUpdateArabic;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.templates.TemplateProblem;
import io.switchboard.engine.application.templates.TemplateRequest;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateParameter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Templates go out through the outbox like replies, whether from the admin API or an agent's {@code
 * /template} reply, after the checks; once sent, the ticket gets a note of what the customer read.
 * A command that fails the checks comes back to the agents as a note with the reasons.
 */
class TemplateSendTest {
  private final OutboundFixture f = new OutboundFixture();
  private Conversation conversation;

  @BeforeEach
  void closedWindow() {
    f.templatesAre(orderUpdate(), orderUpdateArabic());
    conversation = f.customerWrote("hello");
    f.in.clock.advance(Duration.ofDays(3)); // templates are the only way now
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("the API's template is sent through the outbox and noted on the ticket")
  void apiSend() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "ar",
            null,
            List.of(TemplateParameter.text("4567"), TemplateParameter.text("الاثنين")),
            Map.of());
    TemplateSends.Outcome outcome =
        f.inTx(() -> f.sends.send(conversation.id(), request, "ops@example.com")).orElseThrow();
    assertThat(outcome.checked().problems()).isEmpty();
    assertThat(f.outbox(OutboxActions.SEND_TO_CHANNEL)).hasSize(1);

    f.dispatch(Duration.ofSeconds(30));

    Template sent = (Template) f.channel.sent.get(0).content();
    assertThat(sent.name()).isEqualTo("order_update");
    assertThat(sent.language()).isEqualTo("ar");
    Message m = f.outbound().get(0);
    assertThat(m.status()).isEqualTo(MessageStatus.SENT);
    assertThat(m.contentType()).isEqualTo("template");
    assertThat(m.author()).isEqualTo("ops@example.com");
    assertThat(f.crm.notes.values())
        .containsExactly(
            "Template order_update sent by ops@example.com: طلبك 4567 يُشحن يوم الاثنين.");
  }

  @Test
  @DisplayName("the API refuses a template that would fail, with every reason, and records nothing")
  void apiRefusal() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update", "en_US", null, List.of(TemplateParameter.text("4567")), Map.of());
    TemplateSends.Outcome outcome =
        f.inTx(() -> f.sends.send(conversation.id(), request, "ops")).orElseThrow();

    assertThat(outcome.message()).isNull();
    assertThat(outcome.checked().problems())
        .extracting(TemplateProblem::reason)
        .containsExactly("parameter-count", "parameter-count", "parameter-count");
    assertThat(f.outbound()).isEmpty();
    assertThat(f.inTx(() -> f.sends.send("nope", request, "ops"))).isEmpty();
  }

  @Test
  @DisplayName("an agent's /template reply is sent as the template, with a note of its text")
  void commandSend() {
    f.agentReplies("txn:80", "/template order_update ar 4567 | الاثنين");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent)
        .singleElement()
        .satisfies(m -> assertThat(m.content().type()).isEqualTo("template"));
    assertThat(f.outbound().get(0).body()).isEqualTo("طلبك 4567 يُشحن يوم الاثنين.");
    assertThat(f.crm.notes.values())
        .containsExactly("Template order_update sent by agent1: طلبك 4567 يُشحن يوم الاثنين.");
  }

  @Test
  @DisplayName(
      "a /template reply that fails the checks is a failed message and a note with the reasons and the parameters")
  void commandRefused() {
    f.agentReplies("txn:81", "/template order_update en_US 4567");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.channel.sent).isEmpty();
    assertThat(f.outbox(OutboxActions.SEND_TO_CHANNEL)).isEmpty();
    Message m = f.outbound().get(0);
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.failureReason()).isEqualTo("TEMPLATE_PROBLEM");
    String note = f.crm.notes.values().iterator().next();
    assertThat(note)
        .startsWith("This template was not sent:\n")
        .contains("- body: the body takes 2 parameters, got 0")
        .contains("- button 0: the button 0 takes 1 parameter, got 0")
        .contains(
            "order_update (en_US, APPROVED) takes:\n1. header image link, e.g. https://shop.example/p.jpg\n2. body {{1}}, e.g. 4567")
        .contains(
            "Use: /template order_update en_US https://shop.example/p.jpg | 4567 | Monday | 4567")
        .endsWith("Reply: /template order_update en_US 4567");
  }

  @Test
  @DisplayName("a /template reply naming an unknown template lists the approved ones")
  void unknownTemplateCommand() {
    f.agentReplies("txn:82", "/template order_updat 4567 | Monday");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.crm.notes.values().iterator().next())
        .contains("no template named order_updat")
        .contains(
            "Approved templates of this channel account: order_update (ar), order_update (en_US)");
  }
}
