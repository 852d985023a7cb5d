package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.CrmEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which Correspond transactions are agent replies, as both paths (webhook and polling) hand them to
 * the classifier; above all the echo-loop guard for replies the bridge itself recorded.
 */
class RequestTrackerEventClassifierTest {
  private static final String RT_MESSAGE_ID = "rt-5.0.3-4711-1795390592-1544.1-6-0@switchboard-rt";

  private final RequestTrackerEventClassifier classifier =
      new RequestTrackerEventClassifier("switchboard");

  private static RequestTrackerTicketChange correspond(
      String creator, Boolean privileged, String messageId) {
    return new RequestTrackerTicketChange(
        "62",
        "1",
        "Correspond",
        null,
        creator,
        privileged,
        Instant.parse("2026-12-08T10:00:00Z"),
        "Your order ships tomorrow.",
        List.of(),
        List.of("wa-15550001234"),
        "agent1",
        null,
        "Support",
        "conv-1",
        messageId);
  }

  private Optional<CrmEvent> classify(RequestTrackerTicketChange change) {
    return classifier.classify(change);
  }

  @Test
  @DisplayName("a privileged agent's reply typed in RT (RT's own Message-ID) is an AgentReply")
  void replyTypedInRt() {
    assertThat(classify(correspond("agent1", true, RT_MESSAGE_ID)))
        .get()
        .isInstanceOfSatisfying(
            AgentReply.class,
            reply -> {
              assertThat(reply.eventId()).isEqualTo("txn:62");
              assertThat(reply.text()).isEqualTo("Your order ships tomorrow.");
            });
  }

  @Test
  @DisplayName("a reply without a Message-ID (RT stored none) is still an AgentReply")
  void replyWithoutMessageId() {
    assertThat(classify(correspond("agent1", true, null))).isPresent();
  }

  @Test
  @DisplayName(
      "a Correspond with the bridge's Message-ID (a reply sent from the inbox view, recorded as"
          + " the agent's) is never an AgentReply, with or without angle brackets")
  void bridgeRecordedReply() {
    String bridge = MailGatewayMessage.messageIdFor("view:conv-1:7f3a");

    assertThat(classify(correspond("agent1", true, bridge))).isEmpty();
    assertThat(classify(correspond("agent1", true, "<" + bridge + ">"))).isEmpty();
    assertThat(classify(correspond("agent1", true, " " + bridge.toUpperCase() + " "))).isEmpty();
  }

  @Test
  @DisplayName(
      "only Message-IDs the bridge makes count as its own: look-alikes are agents' replies")
  void lookAlikes() {
    assertThat(MailGatewayMessage.isBridgeMessageId("sb.1234@switchboard.invalid")).isFalse();
    assertThat(MailGatewayMessage.isBridgeMessageId("sb." + "a".repeat(64) + "@example.com"))
        .isFalse();
    assertThat(MailGatewayMessage.isBridgeMessageId("x" + MailGatewayMessage.messageIdFor("k")))
        .isFalse();
    assertThat(MailGatewayMessage.isBridgeMessageId(null)).isFalse();
    assertThat(classify(correspond("agent1", true, "sb.1234@switchboard.invalid"))).isPresent();
  }

  @Test
  @DisplayName(
      "customers, the API user, RT_System and authors of unknown privilege never reply as agents")
  void notAgents() {
    assertThat(classify(correspond("wa-15550001234", false, null))).isEmpty();
    assertThat(classify(correspond("wa-15550001234", true, null))).as("a requestor").isEmpty();
    assertThat(classify(correspond("switchboard", true, RT_MESSAGE_ID))).isEmpty();
    assertThat(classify(correspond("RT_System", true, RT_MESSAGE_ID))).isEmpty();
    assertThat(classify(correspond("agent1", null, RT_MESSAGE_ID))).isEmpty();
  }
}
