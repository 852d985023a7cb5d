package io.switchboard.testkit.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import io.switchboard.spi.crm.capability.MappedFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CrmAdapter} with {@link FieldSchema} and {@link MappedFields} must do for field
 * sync against its real CRM: the schema, writes and reads, field changes made by people in the CRM
 * coming out of {@link CrmAdapter#poll} once, the adapter's own writes not coming back with another
 * value, tickets opened with fields and a related ticket, and assignment. An adapter's IT extends
 * it (next to its {@link CrmAdapterContractTest}) and plays a person's edits in the CRM.
 *
 * <pre>{@code
 * class RequestTrackerSyncIT extends CrmSyncContractTest {
 *   protected CrmAdapter newAdapter() { return factory.create(config, context); }
 *   protected String ticketTextField() { return "cf.Order Number"; }
 *   protected void playFieldChange(FieldTarget target, String id, String key, String value) {
 *     ... REST call as a human user ...
 *   }
 *   ...
 * }
 * }</pre>
 */
public abstract class CrmSyncContractTest {
  /** How long CRM-side effects (polled changes) may take to show up. */
  protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  protected CrmAdapter crm;
  protected CrmTestData data;

  /** A new adapter connected to the running CRM; the test closes it. */
  protected abstract CrmAdapter newAdapter() throws Exception;

  /** The key of a writable TEXT ticket field (not the subject) tests may change freely. */
  protected abstract String ticketTextField();

  /** The key of a writable TEXT requester field tests may change freely. */
  protected abstract String requesterTextField();

  /** The login of an agent the CRM has, who may own the test tickets. */
  protected abstract String agentLogin();

  /**
   * Changes a field as a person working in the CRM would (not as the adapter's API user).
   *
   * @param objectId a ticket id or a requester id as the adapter returned them
   */
  protected abstract void playFieldChange(
      FieldTarget target, String objectId, String key, String value) throws Exception;

  /** The ids of the tickets the CRM shows this ticket as linked to (related), read from the CRM. */
  protected abstract List<String> linkedTicketIds(String ticketId) throws Exception;

  @BeforeEach
  void openAdapter() throws Exception {
    data = CrmTestData.unique();
    crm = newAdapter();
    Assumptions.assumeTrue(
        crm.capability(FieldSchema.class).isPresent()
            && crm.capability(MappedFields.class).isPresent(),
        "the adapter syncs no fields");
  }

  @AfterEach
  void closeAdapter() {
    if (crm != null) {
      crm.close();
    }
  }

  private FieldSchema schema() {
    return crm.capability(FieldSchema.class).orElseThrow();
  }

  private MappedFields fields() {
    return crm.capability(MappedFields.class).orElseThrow();
  }

  @Test
  @DisplayName(
      "describeFields lists ticket and requester fields, typed, with the test's text fields")
  void schemaListsBothTargets() throws Exception {
    List<FieldDescriptor> all = schema().describeFields();

    assertThat(all).anyMatch(f -> f.target() == FieldTarget.TICKET);
    assertThat(all).anyMatch(f -> f.target() == FieldTarget.REQUESTER);
    assertThat(all).allSatisfy(f -> assertThat(f.type()).isNotNull());
    assertThat(all)
        .filteredOn(f -> f.type() == FieldType.ENUM || f.type() == FieldType.MULTI_ENUM)
        .allSatisfy(f -> assertThat(f.options()).as(f.key()).isNotEmpty());
    assertThat(all)
        .filteredOn(f -> f.key().equals(ticketTextField()))
        .singleElement()
        .satisfies(f -> assertThat(f.target()).isEqualTo(FieldTarget.TICKET))
        .satisfies(f -> assertThat(f.readOnly()).isFalse());
    assertThat(all)
        .filteredOn(f -> f.key().equals(requesterTextField()))
        .singleElement()
        .satisfies(f -> assertThat(f.target()).isEqualTo(FieldTarget.REQUESTER))
        .satisfies(f -> assertThat(f.readOnly()).isFalse());
  }

  @Test
  @DisplayName("a text field written on a ticket and on a requester reads back")
  void writeThenRead() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String ticket = crm.openTicket(data.ticket(requester));
    String value = data.uniqueText("round trip");

    fields().writeFields(FieldTarget.TICKET, ticket, Map.of(ticketTextField(), value));
    fields().writeFields(FieldTarget.REQUESTER, requester, Map.of(requesterTextField(), value));

    assertThat(fields().readFields(FieldTarget.TICKET, ticket, Set.of(ticketTextField())))
        .containsEntry(ticketTextField(), value);
    assertThat(fields().readFields(FieldTarget.REQUESTER, requester, Set.of(requesterTextField())))
        .containsEntry(requesterTextField(), value);
  }

  @Test
  @DisplayName(
      "the adapter's writes (the same value twice) never come back with another value or twice")
  void ownWritesDoNotComeBack() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String ticket = crm.openTicket(data.ticket(requester));
    String cursor = crm.poll(null).nextCursor();
    String ours = data.uniqueText("written by the bridge");

    fields().writeFields(FieldTarget.TICKET, ticket, Map.of(ticketTextField(), ours));
    fields().writeFields(FieldTarget.TICKET, ticket, Map.of(ticketTextField(), ours));
    String human = data.uniqueText("written by a person");
    playFieldChange(FieldTarget.TICKET, ticket, ticketTextField(), human);

    List<FieldChange> changes =
        awaitFieldChanges(
            cursor, c -> ticketTextField().equals(c.field()) && human.equals(c.newValue()));
    List<FieldChange> onField =
        changes.stream()
            .filter(c -> ticket.equals(c.objectId()) && ticketTextField().equals(c.field()))
            .filter(c -> !human.equals(c.newValue()))
            .toList();
    assertThat(onField).hasSizeLessThanOrEqualTo(1);
    assertThat(onField).allSatisfy(c -> assertThat(c.newValue()).isEqualTo(ours));
  }

  @Test
  @DisplayName("a person's ticket field change comes out of poll once, with target, id and value")
  void ticketFieldChangeIsPolledOnce() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String ticket = crm.openTicket(data.ticket(requester));
    String cursor = crm.poll(null).nextCursor();
    String value = data.uniqueText("agent's value");

    playFieldChange(FieldTarget.TICKET, ticket, ticketTextField(), value);

    FieldChange change = awaitOnce(cursor, c -> value.equals(c.newValue()));
    assertThat(change.target()).isEqualTo(FieldTarget.TICKET);
    assertThat(change.ticketId()).isEqualTo(ticket);
    assertThat(change.objectId()).isEqualTo(ticket);
    assertThat(change.field()).isEqualTo(ticketTextField());
    assertThat(change.eventId()).isNotBlank();
    assertThat(change.at()).isNotNull();
  }

  @Test
  @DisplayName("a person's requester field change comes out of poll once, for the requester id")
  void requesterFieldChangeIsPolledOnce() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String cursor = crm.poll(null).nextCursor();
    String value = data.uniqueText("profile value");

    playFieldChange(FieldTarget.REQUESTER, requester, requesterTextField(), value);

    FieldChange change = awaitOnce(cursor, c -> value.equals(c.newValue()));
    assertThat(change.target()).isEqualTo(FieldTarget.REQUESTER);
    assertThat(change.ticketId()).isNull();
    assertThat(change.objectId()).isEqualTo(requester);
    assertThat(change.field()).isEqualTo(requesterTextField());
  }

  @Test
  @DisplayName("openTicket with fields puts them on the new ticket")
  void openTicketWithFields() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String value = data.uniqueText("set at creation");

    String ticket =
        crm.openTicket(withFields(data.ticket(requester), Map.of(ticketTextField(), value), null));

    assertThat(fields().readFields(FieldTarget.TICKET, ticket, Set.of(ticketTextField())))
        .containsEntry(ticketTextField(), value);
  }

  @Test
  @DisplayName("openTicket with an unknown field key is refused by name")
  void openTicketWithUnknownField() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String unknown = "cf.No Such Field " + data.conversationId();

    assertThatThrownBy(
            () -> crm.openTicket(withFields(data.ticket(requester), Map.of(unknown, "x"), null)))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining(unknown);
  }

  @Test
  @DisplayName("relatedTicketId links the new ticket to the previous one, once, also when repeated")
  void relatedTicketIsLinked() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String previous = crm.openTicket(data.ticket(requester));
    TicketSpec next =
        withFields(data.ticket(requester, data.otherConversationId()), Map.of(), previous);

    String ticket = crm.openTicket(next);
    String again = crm.openTicket(next);

    assertThat(again).isEqualTo(ticket);
    assertThat(linkedTicketIds(ticket)).containsOnlyOnce(previous);
  }

  @Test
  @DisplayName("Assignments: an agent assigned reads back; an unknown agent is refused")
  void assignment() throws Exception {
    Optional<Assignments> offered = crm.capability(Assignments.class);
    Assumptions.assumeTrue(offered.isPresent(), "the adapter offers no Assignments");
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));

    offered.get().assign(ticket, new Assignment(agentLogin(), null));

    assertThat(offered.get().assignment(ticket).agent()).isEqualToIgnoringCase(agentLogin());
    String nobody = "no-such-agent-" + data.conversationId();
    assertThatThrownBy(() -> offered.get().assign(ticket, new Assignment(nobody, null)))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining(nobody);
  }

  // ------------------------------------------------------------------ helpers for subclasses

  /** The spec with mapped fields and a related ticket. */
  protected static TicketSpec withFields(
      TicketSpec spec, Map<String, String> fields, String relatedTicketId) {
    return new TicketSpec(
        spec.conversationId(),
        spec.requesterId(),
        spec.subject(),
        spec.channel(),
        spec.customerPhone(),
        fields,
        relatedTicketId);
  }

  /** Polls from the cursor until a field change matches; every field change polled until then. */
  protected List<FieldChange> awaitFieldChanges(String cursor, Predicate<FieldChange> wanted) {
    return pollUntil(new AtomicReference<>(cursor), wanted);
  }

  /**
   * Awaits the matching change and checks that it came once, and that a further poll repeats it
   * not.
   */
  protected FieldChange awaitOnce(String cursor, Predicate<FieldChange> wanted) throws Exception {
    AtomicReference<String> position = new AtomicReference<>(cursor);
    List<FieldChange> seen = pollUntil(position, wanted);
    List<FieldChange> matching = seen.stream().filter(wanted).toList();
    assertThat(matching).as("matching field changes").hasSize(1);
    PollResult again = crm.poll(position.get());
    assertThat(fieldChanges(again.events())).noneMatch(wanted);
    return matching.get(0);
  }

  private List<FieldChange> pollUntil(
      AtomicReference<String> position, Predicate<FieldChange> wanted) {
    List<FieldChange> seen = new ArrayList<>();
    await("a field change through poll")
        .atMost(EVENT_TIMEOUT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              PollResult result = crm.poll(position.get());
              assertThat(result.nextCursor()).isNotNull();
              position.set(result.nextCursor());
              seen.addAll(fieldChanges(result.events()));
              return seen.stream().anyMatch(wanted);
            });
    return List.copyOf(seen);
  }

  /** The field changes among the events. */
  protected static List<FieldChange> fieldChanges(List<CrmEvent> events) {
    return events.stream()
        .filter(FieldChange.class::isInstance)
        .map(FieldChange.class::cast)
        .toList();
  }
}
