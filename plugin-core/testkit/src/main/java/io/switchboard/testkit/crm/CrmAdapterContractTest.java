package io.switchboard.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.CrmCapability;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import io.switchboard.spi.crm.capability.MappedFields;
import io.switchboard.spi.crm.capability.TicketStatuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrmAdapter} must do against its real CRM. An adapter module's integration test
 * ({@code *IT}) extends this class, gives it a fresh adapter connected to a running CRM, and plays
 * an agent's actions in that CRM; an adapter is correct when this passes.
 *
 * <p>CRMs in tests are shared and never reset: every test uses {@link CrmTestData#unique()} data.
 * Nothing sleeps: CRM-side effects are awaited with a timeout, and an agent reply written last
 * serves as the barrier after which earlier writes must have shown up.
 *
 * <pre>{@code
 * class RequestTrackerCrmAdapterIT extends CrmAdapterContractTest {
 *   protected CrmAdapter newAdapter() { return factory.create(config, context); }
 *   protected void playAgentReply(String ticketId, String text) { ... REST call as agent1 ... }
 *   ...
 * }
 * }</pre>
 */
public abstract class CrmAdapterContractTest {

  /** How long CRM-side effects (polled changes, webhooks) may take to show up. */
  protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  /** The adapter under test, fresh for each test. */
  protected CrmAdapter crm;

  /** This test's customer, conversation and messages. */
  protected CrmTestData data;

  /** A new adapter connected to the running CRM; the contract test closes it. */
  protected abstract CrmAdapter newAdapter() throws Exception;

  /** Writes a public reply to the customer on the ticket, as a human agent in the CRM would. */
  protected abstract void playAgentReply(String ticketId, String text) throws Exception;

  /** Writes an internal comment on the ticket, as a human agent in the CRM would. */
  protected abstract void playAgentInternalComment(String ticketId, String text) throws Exception;

  /**
   * How many entries (messages, notes) of the ticket contain the text, read from the CRM itself,
   * not through the adapter.
   */
  protected abstract int countEntriesContaining(String ticketId, String text) throws Exception;

  /**
   * A webhook request carrying this body as the CRM would send it, signed with the secret the
   * adapter is configured with.
   */
  protected abstract WebhookRequest signedWebhook(byte[] body);

  /**
   * Every webhook request the CRM really sent to the test's receiver so far, or empty when the
   * subclass does not receive webhooks (the webhook checks are then skipped).
   */
  protected Optional<List<WebhookRequest>> receivedWebhooks() {
    return Optional.empty();
  }

  @BeforeEach
  void openAdapter() throws Exception {
    data = CrmTestData.unique();
    crm = newAdapter();
  }

  @AfterEach
  void closeAdapter() {
    if (crm != null) {
      crm.close();
    }
  }

  @Test
  @DisplayName("checkReachable passes against the running CRM")
  void reachable() throws Exception {
    crm.checkReachable();
  }

  @Test
  @DisplayName("upsertRequester finds the same requester again, also after a name change")
  void upsertRequesterIsIdempotent() throws Exception {
    String first = crm.upsertRequester(data.requester());
    String again = crm.upsertRequester(data.requester());
    String renamed = crm.upsertRequester(data.requester("Kerry F."));

    assertThat(first).isNotBlank();
    assertThat(again).isEqualTo(first);
    assertThat(renamed).isEqualTo(first);
  }

  @Test
  @DisplayName("openTicket reuses the ticket of a conversation and opens another for a new one")
  void openTicketIsIdempotentPerConversation() throws Exception {
    String requester = crm.upsertRequester(data.requester());

    String first = crm.openTicket(data.ticket(requester));
    String again = crm.openTicket(data.ticket(requester));
    String other = crm.openTicket(data.ticket(requester, data.otherConversationId()));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  @DisplayName("appendCustomerMessage with the same key twice writes one entry")
  void appendCustomerMessageWritesOncePerKey() throws Exception {
    String ticket = openTicket();
    String text = data.uniqueText("Hello, where is my order 4567?");
    var message = data.message(requesterOf(), text);

    String first = crm.appendCustomerMessage(ticket, message);
    String again = crm.appendCustomerMessage(ticket, message);

    assertThat(first).isNotBlank();
    assertThat(again).isEqualTo(first);
    assertThat(countEntriesContaining(ticket, text)).isEqualTo(1);
  }

  @Test
  @DisplayName("addInternalNote with the same key twice writes one note")
  void addInternalNoteWritesOncePerKey() throws Exception {
    String ticket = openTicket();
    String text = data.uniqueText("Bridge note: customer verified by WhatsApp.");
    String key = "note:" + data.conversationId() + ":1";

    String first = crm.addInternalNote(ticket, key, text);
    String again = crm.addInternalNote(ticket, key, text);

    assertThat(first).isNotBlank();
    assertThat(again).isEqualTo(first);
    assertThat(countEntriesContaining(ticket, text)).isEqualTo(1);
  }

  @Test
  @DisplayName("an agent's reply comes back through poll, and through the CRM's webhook")
  void agentReplyComesBack() throws Exception {
    String ticket = openTicket();
    crm.appendCustomerMessage(ticket, data.message(requesterOf(), "When does it ship?"));
    String cursor = crm.poll(null).nextCursor();
    int webhooksBefore = receivedWebhooks().map(List::size).orElse(0);
    String text = data.uniqueText("Your order ships tomorrow.");

    playAgentReply(ticket, text);

    AgentReply polled = awaitPolledReply(cursor, ticket, text).reply();
    assertThat(polled.eventId()).isNotBlank();
    assertThat(polled.author()).isNotBlank();
    assertThat(polled.at()).isNotNull();

    Assumptions.assumeTrue(receivedWebhooks().isPresent(), "the subclass receives no webhooks");
    AgentReply hooked = awaitWebhookReply(webhooksBefore, ticket, text);
    assertThat(hooked.eventId()).isEqualTo(polled.eventId());
    assertThat(hooked.author()).isEqualTo(polled.author());
  }

  @Test
  @DisplayName("poll without a cursor starts now: earlier replies are not replayed")
  void firstPollReplaysNoHistory() throws Exception {
    String ticket = openTicket();
    String before = data.uniqueText("Reply written before the first poll.");
    playAgentReply(ticket, before);

    String cursor = crm.poll(null).nextCursor();
    String barrier = data.uniqueText("Reply written after the first poll.");
    playAgentReply(ticket, barrier);

    List<CrmEvent> seen = awaitPolledReply(cursor, ticket, barrier).events();
    assertThat(agentRepliesOn(ticket, seen)).extracting(AgentReply::text).doesNotContain(before);
  }

  @Test
  @DisplayName("the adapter's own writes and internal notes never come back as agent replies")
  void noEchoes() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String cursor = crm.poll(null).nextCursor();
    int webhooksBefore = receivedWebhooks().map(List::size).orElse(0);
    String ticket = crm.openTicket(data.ticket(requester));
    String customerText = data.uniqueText("Customer message");
    String noteText = data.uniqueText("Bridge note");
    String agentNoteText = data.uniqueText("Agent internal comment");
    crm.appendCustomerMessage(ticket, data.message(requester, customerText));
    crm.addInternalNote(ticket, "note:" + data.conversationId() + ":echo", noteText);
    playAgentInternalComment(ticket, agentNoteText);
    String barrier = data.uniqueText("Agent reply written last");
    playAgentReply(ticket, barrier);

    List<CrmEvent> polled = awaitPolledReply(cursor, ticket, barrier).events();
    assertThat(agentRepliesOn(ticket, polled))
        .extracting(AgentReply::text)
        .containsExactly(barrier);

    Assumptions.assumeTrue(receivedWebhooks().isPresent(), "the subclass receives no webhooks");
    awaitWebhookReply(webhooksBefore, ticket, barrier);
    List<CrmEvent> hooked = new ArrayList<>();
    for (WebhookRequest request : webhooksSince(webhooksBefore)) {
      if (crm.isAuthentic(request)) {
        hooked.addAll(crm.parseWebhook(request.body()));
      }
    }
    assertThat(agentRepliesOn(ticket, hooked))
        .extracting(AgentReply::text)
        .containsExactly(barrier);
  }

  @Test
  @DisplayName("isAuthentic accepts the CRM's signature and rejects a wrong or missing one")
  void webhookSignatures() {
    byte[] body = "{\"event\":\"Correspond\",\"ticket_id\":1}".getBytes(StandardCharsets.UTF_8);
    WebhookRequest signed = signedWebhook(body);
    byte[] tampered = "{\"event\":\"Correspond\",\"ticket_id\":2}".getBytes(StandardCharsets.UTF_8);

    assertThat(crm.isAuthentic(signed)).isTrue();
    assertThat(crm.isAuthentic(WebhookRequest.of(tampered, signed.headers(), Map.of()))).isFalse();
    assertThat(crm.isAuthentic(WebhookRequest.of(body, Map.of(), Map.of()))).isFalse();
  }

  @Test
  @DisplayName("parseWebhook refuses a body that is not the CRM's JSON with a reason")
  void malformedWebhook() {
    assertThatThrownBy(
            () -> crm.parseWebhook("<html>not json</html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("JSON");
  }

  // ------------------------------------------------------------------ helpers for subclasses

  /** Creates this test's requester and ticket. */
  // ------------------------------------------------------------------ optional capabilities
  // Each check runs only when the adapter offers the capability (else it is skipped, not failed).

  private <T> T offered(Class<T> type) {
    Optional<T> capability = crm.capability(type);
    Assumptions.assumeTrue(capability.isPresent(), "the adapter does not offer " + type.getName());
    return capability.get();
  }

  @Test
  @DisplayName("capabilities: CrmCapability.of lists exactly what capability() offers")
  void capabilitiesAreConsistent() {
    for (CrmCapability c : CrmCapability.values()) {
      assertThat(CrmCapability.of(crm).contains(c))
          .as(c.name())
          .isEqualTo(crm.capability(c.type()).isPresent());
    }
  }

  @Test
  @DisplayName(
      "FieldSchema: unique keys, every ENUM and MULTI_ENUM has options, other types have none")
  void fieldSchemaIsWellFormed() throws Exception {
    List<FieldDescriptor> fields = offered(FieldSchema.class).describeFields();

    assertThat(fields).isNotEmpty();
    assertThat(fields).extracting(FieldDescriptor::key).doesNotHaveDuplicates();
    for (FieldDescriptor field : fields) {
      boolean enumerated = field.type() == FieldType.ENUM || field.type() == FieldType.MULTI_ENUM;
      assertThat(field.options().isEmpty()).as(field.key() + " options").isEqualTo(!enumerated);
    }
  }

  @Test
  @DisplayName(
      "MappedFields: a writable TEXT ticket field written reads back; writing it again is harmless")
  void mappedTicketFieldRoundTrip() throws Exception {
    MappedFields fields = offered(MappedFields.class);
    Optional<FieldDescriptor> text =
        offered(FieldSchema.class).describeFields().stream()
            .filter(f -> f.target() == FieldTarget.TICKET)
            .filter(f -> f.type() == FieldType.TEXT && !f.readOnly())
            .filter(f -> !f.key().toLowerCase(java.util.Locale.ROOT).contains("subject"))
            .findFirst();
    Assumptions.assumeTrue(text.isPresent(), "no writable TEXT ticket field");
    String ticket = openTicket();
    String value = "contract " + data.conversationId();

    fields.writeFields(FieldTarget.TICKET, ticket, Map.of(text.get().key(), value));
    fields.writeFields(FieldTarget.TICKET, ticket, Map.of(text.get().key(), value));

    assertThat(fields.readFields(FieldTarget.TICKET, ticket, Set.of(text.get().key())))
        .containsEntry(text.get().key(), value);
  }

  @Test
  @DisplayName(
      "TicketStatuses: a solved ticket reads SOLVED, a reopened one OPEN; MERGED is refused")
  void ticketStatusRoundTrip() throws Exception {
    TicketStatuses statuses = offered(TicketStatuses.class);
    String ticket = openTicket();

    statuses.changeStatus(ticket, TicketState.SOLVED);
    assertThat(statuses.status(ticket)).isEqualTo(TicketState.SOLVED);
    statuses.changeStatus(ticket, TicketState.OPEN);
    assertThat(statuses.status(ticket)).isEqualTo(TicketState.OPEN);
    assertThatThrownBy(() -> statuses.changeStatus(ticket, TicketState.MERGED))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  @DisplayName("Assignments: an unknown agent is refused by name (NOT_FOUND), never guessed")
  void unknownAgentIsRefused() throws Exception {
    Assignments assignments = offered(Assignments.class);
    String ticket = openTicket();
    String nobody = "no-such-agent-" + data.conversationId();

    assertThatThrownBy(() -> assignments.assign(ticket, new Assignment(nobody, null)))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND))
        .hasMessageContaining(nobody);
  }

  @Test
  @DisplayName("AgentDirectory: agents have logins, and groups have names")
  void directoryIsWellFormed() throws Exception {
    AgentDirectory directory = offered(AgentDirectory.class);

    assertThat(directory.agents()).allSatisfy(a -> assertThat(a.login()).isNotBlank());
    assertThat(directory.groups()).allSatisfy(g -> assertThat(g.name()).isNotBlank());
  }

  protected String openTicket() throws Exception {
    return crm.openTicket(data.ticket(requesterOf()));
  }

  /** This test's requester id (upserted). */
  protected String requesterOf() throws Exception {
    return crm.upsertRequester(data.requester());
  }

  /** A reply found by polling, with every event polled until it showed up. */
  protected record Polled(AgentReply reply, List<CrmEvent> events) {}

  /** Polls from the cursor until the agent reply with this text shows up on the ticket. */
  protected Polled awaitPolledReply(String cursor, String ticket, String text) {
    AtomicReference<String> position = new AtomicReference<>(cursor);
    List<CrmEvent> seen = new ArrayList<>();
    AgentReply reply =
        await("agent reply \"" + text + "\" through poll")
            .atMost(EVENT_TIMEOUT)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  PollResult result = crm.poll(position.get());
                  assertThat(result.nextCursor()).isNotNull();
                  position.set(result.nextCursor());
                  seen.addAll(result.events());
                  return findReply(seen, ticket, text);
                },
                Optional::isPresent)
            .orElseThrow();
    return new Polled(reply, List.copyOf(seen));
  }

  /** Waits until an authentic webhook carries the agent reply with this text. */
  protected AgentReply awaitWebhookReply(int since, String ticket, String text) {
    return await("agent reply \"" + text + "\" through the CRM's webhook")
        .atMost(EVENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<CrmEvent> events = new ArrayList<>();
              for (WebhookRequest request : webhooksSince(since)) {
                if (crm.isAuthentic(request)) {
                  events.addAll(crm.parseWebhook(request.body()));
                }
              }
              return findReply(events, ticket, text);
            },
            Optional::isPresent)
        .orElseThrow();
  }

  private List<WebhookRequest> webhooksSince(int since) {
    List<WebhookRequest> all = receivedWebhooks().orElse(List.of());
    return List.copyOf(all.subList(Math.min(since, all.size()), all.size()));
  }

  private static Optional<AgentReply> findReply(List<CrmEvent> events, String ticket, String text) {
    return agentRepliesOn(ticket, events).stream()
        .filter(r -> r.text() != null && r.text().contains(text))
        .findFirst();
  }

  /** The agent replies among the events that belong to the ticket. */
  protected static List<AgentReply> agentRepliesOn(String ticket, List<CrmEvent> events) {
    return events.stream()
        .filter(AgentReply.class::isInstance)
        .map(AgentReply.class::cast)
        .filter(r -> r.ticketId().equals(ticket))
        .toList();
  }
}
