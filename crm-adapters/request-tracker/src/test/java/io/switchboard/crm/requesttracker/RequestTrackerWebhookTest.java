package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Webhook parsing and signatures, with bodies as RT's "Switchboard webhook" scrip posts them. */
class RequestTrackerWebhookTest {
  private static final String SECRET = "s3cret";

  /** The README's example: agent1 replied on ticket 1 (keys sorted, as the scrip sends them). */
  static final String AGENT_REPLY =
      """
      {"attachments":[],"content":"Your order ships tomorrow.","created":"2026-11-22T23:36:32Z","creator":"agent1",
       "creator_privileged":true,"custom_fields":{"Channel":"WhatsApp","Conversation Id":"conv-30306","Conversation Status":"pending",
        "Customer Phone":"+15550001234","Order Number":"4567"},"event":"Correspond","field":null,
       "message_id":"rt-5.0.3-4711-1795390592-1544.1-6-0@switchboard-rt","new_value":null,
       "old_value":null,"owner":"agent1","queue":"Support","requestors":["wa-15552333520421"],"status":"open",
       "subject":"WhatsApp conversation with +15550001234","ticket_id":1,"transaction_id":62}
      """;

  private CrmAdapter rt;

  @BeforeEach
  void adapter() throws Exception {
    rt = adapter(Map.of("webhookSecret", SECRET));
  }

  @AfterEach
  void close() {
    rt.close();
  }

  static CrmAdapter adapter(Map<String, String> extra) throws Exception {
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    Map<String, String> raw = new HashMap<>(Map.of("baseUrl", "http://127.0.0.1:9", "token", "t"));
    raw.putAll(extra);
    return factory.create(
        PluginConfig.of(factory.options(), raw),
        new PluginContext(
            "rt", Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)));
  }

  private static String body(String event, String creator, String extra) {
    return AGENT_REPLY
        .replace("\"event\":\"Correspond\"", "\"event\":\"" + event + "\"")
        .replace("\"creator\":\"agent1\"", "\"creator\":\"" + creator + "\"")
        .replace("\"field\":null", extra == null ? "\"field\":null" : extra);
  }

  private List<CrmEvent> parse(String json) throws MalformedPayloadException {
    return rt.parseWebhook(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "an agent's Correspond is an AgentReply with event id txn:<transaction id> and the ticket's"
          + " Conversation Id")
  void agentReply() throws Exception {
    assertThat(parse(AGENT_REPLY))
        .containsExactly(
            new AgentReply(
                "txn:62",
                "1",
                "agent1",
                "Your order ships tomorrow.",
                List.of(),
                Instant.parse("2026-11-22T23:36:32Z"),
                "conv-30306"));
  }

  @Test
  @DisplayName(
      "on a surviving ticket without its own Conversation Id, the scrip's conversation_id (of a"
          + " ticket merged into it) is the reply's")
  void agentReplyAfterMerge() throws Exception {
    String json =
        AGENT_REPLY
            .replace("\"Conversation Id\":\"conv-30306\",", "")
            .replace("\"content\":", "\"conversation_id\":\"conv-merged\",\"content\":");

    assertThat(((AgentReply) parse(json).get(0)).conversationId()).isEqualTo("conv-merged");
    assertThat(
            ((AgentReply)
                    parse(AGENT_REPLY.replace("\"Conversation Id\":\"conv-30306\",", "")).get(0))
                .conversationId())
        .as("a ticket the adapter did not open")
        .isNull();
  }

  @Test
  @DisplayName(
      "echo-loop guard: a Correspond whose message_id is the bridge's (an inbox-view reply recorded"
          + " as the agent's) is no event")
  void bridgeRecordedReplyIsNoEvent() throws Exception {
    String bridge = MailGatewayMessage.messageIdFor("view:conv-30306:7f3a");

    assertThat(
            parse(
                AGENT_REPLY.replace("rt-5.0.3-4711-1795390592-1544.1-6-0@switchboard-rt", bridge)))
        .isEmpty();
    assertThat(
            parse(
                AGENT_REPLY.replace(
                    "\"message_id\":\"rt-5.0.3-4711-1795390592-1544.1-6-0@switchboard-rt\"",
                    "\"message_id\":null")))
        .as("RT stored no Message-ID: an agent's reply")
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "a Correspond from a scrip without message_id is left to polling: it cannot tell the"
          + " bridge's own records")
  void olderScripWithoutMessageId() throws Exception {
    assertThat(
            parse(
                AGENT_REPLY.replace(
                    "\"message_id\":\"rt-5.0.3-4711-1795390592-1544.1-6-0@switchboard-rt\",", "")))
        .isEmpty();
  }

  private static String statusChange(String creator, String from, String to) {
    return body("Status", creator, "\"field\":\"Status\"")
        .replace("\"new_value\":null", "\"new_value\":\"" + to + "\"")
        .replace("\"old_value\":null", "\"old_value\":\"" + from + "\"");
  }

  @Test
  @DisplayName(
      "RT statuses are TicketStatusChanges: resolved SOLVED, stalled PENDING, open OPEN,"
          + " rejected and deleted DELETED")
  void statusChanges() throws Exception {
    Instant at = Instant.parse("2026-11-22T23:36:32Z");
    assertThat(parse(statusChange("agent1", "open", "resolved")))
        .containsExactly(new TicketStatusChange("txn:62", "1", TicketState.SOLVED, null, at));
    assertThat(parse(statusChange("agent1", "open", "stalled")))
        .containsExactly(new TicketStatusChange("txn:62", "1", TicketState.PENDING, null, at));
    assertThat(parse(statusChange("agent1", "resolved", "open")))
        .containsExactly(new TicketStatusChange("txn:62", "1", TicketState.OPEN, null, at));
    assertThat(parse(statusChange("agent1", "open", "rejected")))
        .containsExactly(new TicketStatusChange("txn:62", "1", TicketState.DELETED, null, at));
    assertThat(parse(statusChange("agent1", "open", "deleted")))
        .containsExactly(new TicketStatusChange("txn:62", "1", TicketState.DELETED, null, at));
    assertThat(parse(statusChange("agent1", "open", "escalated"))).as("a custom status").isEmpty();
  }

  @Test
  @DisplayName(
      "status changes the adapter caused are none: its own, and RT reopening the ticket when the"
          + " customer writes")
  void statusEchoes() throws Exception {
    assertThat(parse(statusChange("switchboard", "open", "resolved"))).isEmpty();
    assertThat(parse(statusChange("wa-15552333520421", "resolved", "open"))).isEmpty();
    assertThat(parse(statusChange("RT_System", "new", "open"))).isEmpty();
  }

  @Test
  @DisplayName(
      "a merge is MERGED on the ticket merged away (AddLink MergedInto naming the survivor), and"
          + " nothing on the survivor's own record of it")
  void merge() throws Exception {
    // RT runs the merged ticket's batch with the surviving ticket: ticket_id names the survivor,
    // object_id the ticket the transaction is on.
    String merged =
        body("AddLink", "agent1", "\"field\":\"MergedInto\"")
            .replace("\"ticket_id\":1", "\"object_id\":16,\"ticket_id\":15")
            .replace(
                "\"new_value\":null",
                "\"new_value\":\"fsck.com-rt://switchboard.example/ticket/15\"");
    assertThat(parse(merged))
        .containsExactly(
            new TicketStatusChange(
                "txn:62", "16", TicketState.MERGED, "15", Instant.parse("2026-11-22T23:36:32Z")));

    assertThat(parse(merged.replace("\"object_id\":16", "\"object_id\":15"))).isEmpty();
    assertThat(parse(merged.replace("MergedInto", "RefersTo"))).as("another link").isEmpty();
    assertThat(parse(merged.replace("\"creator\":\"agent1\"", "\"creator\":\"switchboard\"")))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a queue change is an AssignmentChange with the new queue, also when the ticket leaves this"
          + " connection's queue")
  void queueChange() throws Exception {
    String moved =
        body("Set", "agent1", "\"field\":\"Queue\"")
            .replace("\"queue\":\"Support\"", "\"queue\":\"Sales\"")
            .replace("\"new_value\":null", "\"new_value\":\"4\"")
            .replace("\"old_value\":null", "\"old_value\":\"3\"");

    assertThat(parse(moved))
        .containsExactly(
            new AssignmentChange(
                "txn:62", "1", "agent1", "Sales", Instant.parse("2026-11-22T23:36:32Z")));
    assertThat(parse(moved.replace("\"Conversation Id\":\"conv-30306\",", "")))
        .as("another queue's ticket that no conversation has")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "an HTML-only reply (RT's rich-text editor) is sent as its text, without the editor's"
          + " trailing blank lines")
  void htmlReply() throws Exception {
    // What the scrip posts for a reply typed in RT's web UI: RT's own text rendering in "content"
    // (with two stray newlines) and the stored HTML in "content_html".
    String json =
        AGENT_REPLY.replace(
            "\"content\":\"Your order ships tomorrow.\"",
            "\"content\":\"Your order ships tomorrow & arrives Friday.\\n\\nشكراً لك\\n\\n\","
                + "\"content_html\":\"<p>Your order ships <b>tomorrow</b> &amp; arrives Friday.</p>"
                + "<p>شكراً لك</p><p>&nbsp;</p>\"");

    assertThat(parse(json))
        .singleElement()
        .isInstanceOfSatisfying(
            AgentReply.class,
            reply ->
                assertThat(reply.text())
                    .isEqualTo("Your order ships tomorrow & arrives Friday.\n\nشكراً لك"));
  }

  @Test
  @DisplayName(
      "without content_html (older scrips) RT's text rendering loses its trailing newlines")
  void olderScripHtmlReply() throws Exception {
    String json =
        AGENT_REPLY.replace(
            "\"content\":\"Your order ships tomorrow.\"",
            "\"content\":\"Your order ships tomorrow.\\n\\n\"");

    assertThat(((AgentReply) parse(json).get(0)).text()).isEqualTo("Your order ships tomorrow.");
  }

  @Test
  @DisplayName("files of a reply are attachment references rt-attachment:<id>")
  void replyAttachments() throws Exception {
    String json =
        AGENT_REPLY.replace(
            "\"attachments\":[]",
            "\"attachments\":[{\"id\":71,\"filename\":\"label.pdf\",\"content_type\":\"application/pdf\"}]");

    AgentReply reply = (AgentReply) parse(json).get(0);

    assertThat(reply.attachments())
        .containsExactly(
            new Attachment("label.pdf", "application/pdf", -1, "rt-attachment:71", null));
  }

  @Test
  @DisplayName("the adapter's own writes and the requestor's messages are no agent replies")
  void noEchoes() throws Exception {
    assertThat(parse(body("Correspond", "switchboard", null))).isEmpty();
    assertThat(parse(body("Correspond", "wa-15552333520421", null))).isEmpty();
    assertThat(parse(body("Correspond", "RT_System", null))).isEmpty();
    assertThat(parse(body("Create", "switchboard", null))).isEmpty();
  }

  @Test
  @DisplayName("only a privileged user's Correspond is an agent reply; unknown privilege is none")
  void onlyPrivilegedUsersReply() throws Exception {
    String byCustomer =
        AGENT_REPLY
            .replace("\"creator\":\"agent1\"", "\"creator\":\"kerry@example.com\"")
            .replace("\"creator_privileged\":true", "\"creator_privileged\":false");
    assertThat(parse(byCustomer)).as("an e-mail from the customer's own address").isEmpty();

    String formerRequestor =
        AGENT_REPLY
            .replace("\"creator\":\"agent1\"", "\"creator\":\"wa-15550001234\"")
            .replace("\"creator_privileged\":true", "\"creator_privileged\":false");
    assertThat(parse(formerRequestor))
        .as("the adapter's own customer message after the requestors changed")
        .isEmpty();

    assertThat(parse(AGENT_REPLY.replace("\"creator_privileged\":true,", "")))
        .as("a scrip that does not say (polling reports it)")
        .isEmpty();
    assertThat(
            parse(AGENT_REPLY.replace("\"creator_privileged\":true", "\"creator_privileged\":1")))
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "comments, RT_System's statuses, watchers and Set of fields outside the schema give nothing"
          + " (field changes: RequestTrackerFieldChangeWebhookTest)")
  void nothingForOtherTransactions() throws Exception {
    assertThat(parse(body("Comment", "agent1", null))).isEmpty();
    assertThat(parse(body("Status", "RT_System", "\"field\":\"Status\""))).isEmpty();
    assertThat(parse(body("SetWatcher", "agent1", "\"field\":\"Owner\""))).isEmpty();
    assertThat(parse(body("Set", "agent1", "\"field\":\"TimeWorked\""))).isEmpty();
  }

  @Test
  @DisplayName("an owner change is an AssignmentChange to the ticket's owner, null for Nobody")
  void ownerChanges() throws Exception {
    assertThat(parse(body("Set", "agent2", "\"field\":\"Owner\"")))
        .containsExactly(
            new AssignmentChange(
                "txn:62", "1", "agent1", "Support", Instant.parse("2026-11-22T23:36:32Z")));
    assertThat(parse(body("Take", "agent1", null)))
        .singleElement()
        .isInstanceOf(AssignmentChange.class);
    assertThat(
            parse(
                body("Untake", "agent1", null)
                    .replace("\"owner\":\"agent1\"", "\"owner\":\"Nobody\"")))
        .singleElement()
        .isInstanceOfSatisfying(AssignmentChange.class, c -> assertThat(c.assignee()).isNull());
    assertThat(parse(body("Set", "switchboard", "\"field\":\"Owner\""))).isEmpty();
  }

  @Test
  @DisplayName("tickets of other queues are not this connection's business")
  void otherQueue() throws Exception {
    assertThat(parse(AGENT_REPLY.replace("\"queue\":\"Support\"", "\"queue\":\"Sales\"")))
        .isEmpty();
  }

  @Test
  @DisplayName("unknown keys are ignored and a missing created time comes from the clock")
  void lenient() throws Exception {
    String json =
        AGENT_REPLY
            .replace("\"created\":\"2026-11-22T23:36:32Z\",", "")
            .replace("{\"attachments\"", "{\"future_key\":{\"x\":[1,2]},\"attachments\"");

    AgentReply reply = (AgentReply) parse(json).get(0);

    assertThat(reply.at()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  @DisplayName("bodies that are not the scrip's JSON are malformed, with the reason")
  void malformed() {
    assertThatThrownBy(() -> parse("not json"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> parse("[1,2]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("not an object");
    assertThatThrownBy(() -> parse(AGENT_REPLY.replace("\"ticket_id\":1,", "")))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("ticket_id");
    assertThatThrownBy(() -> parse("{\"event\":\"Correspond\""))
        .isInstanceOf(MalformedPayloadException.class);
  }

  // ------------------------------------------------------------------ signatures

  private static WebhookRequest request(byte[] body, String signature) {
    return WebhookRequest.of(
        body,
        signature == null ? Map.of() : Map.of("x-rt-signature", List.of(signature)),
        Map.of());
  }

  private static String sign(String secret, byte[] body) {
    return new HmacSha256Signature(secret).headerValue(body);
  }

  @Test
  @DisplayName("X-RT-Signature: the right HMAC passes, anything else fails")
  void signatures() {
    byte[] body = AGENT_REPLY.getBytes(StandardCharsets.UTF_8);
    byte[] other = AGENT_REPLY.replace("tomorrow", "today").getBytes(StandardCharsets.UTF_8);

    assertThat(rt.isAuthentic(request(body, sign(SECRET, body)))).isTrue();
    assertThat(
            rt.isAuthentic(
                request(body, sign(SECRET, body).toUpperCase().replace("SHA256", "sha256"))))
        .isTrue();
    assertThat(rt.isAuthentic(request(other, sign(SECRET, body)))).isFalse();
    assertThat(rt.isAuthentic(request(body, sign("other secret", body)))).isFalse();
    assertThat(rt.isAuthentic(request(body, null))).isFalse();
    assertThat(rt.isAuthentic(request(body, "sha256=zz-not-hex"))).isFalse();
    assertThat(rt.isAuthentic(request(body, "sha1=" + sign(SECRET, body).substring(7)))).isFalse();
    assertThat(rt.isAuthentic(request(body, "sha256="))).isFalse();
  }

  @Test
  @DisplayName("without a configured webhookSecret every webhook is rejected")
  void noSecretNoWebhooks() throws Exception {
    byte[] body = AGENT_REPLY.getBytes(StandardCharsets.UTF_8);
    try (CrmAdapter unsigned = adapter(Map.of())) {
      assertThat(unsigned.isAuthentic(request(body, sign("any", body)))).isFalse();
      assertThat(unsigned.isAuthentic(request(body, sign(SECRET, body)))).isFalse();
    }
  }
}
