package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.sync.SyncActions;
import io.switchboard.engine.application.sync.SyncPlanner;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The field sync in the engine over a real database: CRM changes taken into the profile, echoes
 * recognised, syncs scheduled once per customer, the ticket policy.
 */
class FieldSyncIntakeTest {
  private static final String MAPPING =
      """
      format: switchboard-mapping/1
      mappings:
        - {bridge: customer.name, target: requester, crm: requester.RealName, direction: both,
           conflict: newest-wins}
        - {bridge: customer.phone, target: requester, crm: requester.MobilePhone,
           direction: both, conflict: crm-wins}
        - {bridge: customer.language, target: ticket, crm: cf.Preferred Language,
           direction: from-crm}
        - {bridge: conversation.last_inbound_at, target: ticket, crm: cf.Last Message,
           direction: to-crm}
        - {bridge: customer.name, target: ticket, crm: cf.Customer Name, direction: to-crm}
        - {bridge: order.last.total, target: ticket, crm: cf.Last Order Total, direction: to-crm,
           transform: {type: number, scale: 2, withCurrency: true}}
        - {target: ticket, crm: cf.Last Order, direction: to-crm,
           transform: {type: template, template: "{order.last.number} ({order.last.status})"}}
      """;

  private final IntakeFixture f = new IntakeFixture();
  private int wamids;
  private Conversation conversation;
  private Customer customer;

  @BeforeEach
  void oneMirroredConversation() throws Exception {
    MappingSet set = MappingFile.read(MAPPING);
    f.inTx(() -> f.sync.mappings.save("rt", set, "amal", "first mapping", 0));
    ChannelUser kerry = new ChannelUser("16505551234", "+16505551234", "Kerry", null, List.of());
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "hello")));
    conversation = f.conversations().get(0);
    f.inTx(
        () -> {
          var em = f.tx.entityManager();
          em.find(Conversation.class, conversation.id()).linkTicket("42", f.clock.instant());
          em.persist(
              new CrmRequesterLink(
                  "default", conversation.customerId(), "rt", "wa-16505551234", f.clock.instant()));
        });
    customer = f.inTx(() -> f.customers.find(conversation.customerId()).orElseThrow());
  }

  @AfterEach
  void close() {
    f.close();
  }

  private CustomerMessage from(ChannelUser user, String text) {
    f.clock.advance(Duration.ofSeconds(1));
    return new CustomerMessage(
        "wamid." + (++wamids),
        "1065",
        user,
        f.clock.instant(),
        Text.of(text),
        MessageContext.NONE,
        "{}");
  }

  private Optional<String> crmChange(FieldTarget target, String objectId, String field, String v) {
    f.clock.advance(Duration.ofSeconds(1));
    return f.inTx(
        () ->
            f.crmIntake.handle(
                f.crm,
                new FieldChange(
                    "txn:" + f.clock.millis(),
                    target == FieldTarget.TICKET ? objectId : null,
                    target,
                    objectId,
                    field,
                    null,
                    v,
                    "root",
                    f.clock.instant())));
  }

  private List<OutboxEntry> syncs() {
    return f.outbox().stream()
        .filter(e -> e.action().equals(SyncActions.SYNC_TO_CRM))
        .filter(e -> e.status() == io.switchboard.engine.ledger.LedgerStatus.PENDING)
        .toList();
  }

  private Customer customerNow() {
    return f.inTx(() -> f.customers.find(customer.id()).orElseThrow());
  }

  @Test
  @DisplayName("an admin's edit in the CRM reaches the profile, and its echo changes nothing")
  void crmEditTakenEchoIgnored() {
    assertThat(crmChange(FieldTarget.REQUESTER, "wa-16505551234", "requester.RealName", "K. F."))
        .isEmpty();
    assertThat(customerNow().displayName()).isEqualTo("K. F.");
    // The other field showing the name is scheduled; the CRM's own spelling is not rewritten.
    assertThat(syncs()).hasSize(1);
    var plan = f.inTx(() -> f.sync.scheduler == null ? null : planFor(customer.id()));
    assertThat(plan)
        .filteredOn(w -> w.target() == FieldTarget.REQUESTER)
        .allSatisfy(w -> assertThat(w.values()).doesNotContainKey("requester.RealName"));
    assertThat(plan)
        .filteredOn(w -> w.target() == FieldTarget.TICKET)
        .singleElement()
        .satisfies(w -> assertThat(w.values()).containsEntry("cf.Customer Name", "K. F."));

    assertThat(crmChange(FieldTarget.REQUESTER, "wa-16505551234", "requester.RealName", "K. F."))
        .get()
        .asString()
        .contains("the bridge's own value");
  }

  private List<SyncPlanner.ObjectWrite> planFor(String customerId) {
    return f.sync.planner.plan("rt", customerId, f.sync.mappings.inForce("rt"));
  }

  @Test
  @DisplayName("a phone typed loosely in the CRM becomes E.164 in the profile; junk is refused")
  void phoneFromCrm() {
    assertThat(
            crmChange(
                FieldTarget.REQUESTER,
                "wa-16505551234",
                "requester.MobilePhone",
                "+1 650 555 9999"))
        .isEmpty();
    assertThat(customerNow().phoneE164()).isEqualTo("+16505559999");
    assertThat(
            crmChange(FieldTarget.REQUESTER, "wa-16505551234", "requester.MobilePhone", "call me"))
        .get()
        .asString()
        .contains("not a phone number");
    assertThat(customerNow().phoneE164()).isEqualTo("+16505559999");
  }

  @Test
  @DisplayName("ticket fields, unmapped fields and unknown objects")
  void ticketFieldsAndStrangers() {
    assertThat(crmChange(FieldTarget.TICKET, "42", "cf.Preferred Language", "ar")).isEmpty();
    assertThat(customerNow().language()).isEqualTo("ar");
    assertThat(crmChange(FieldTarget.TICKET, "42", "cf.Unmapped", "x"))
        .get()
        .asString()
        .contains("not mapped");
    assertThat(crmChange(FieldTarget.TICKET, "77", "cf.Preferred Language", "en"))
        .get()
        .asString()
        .contains("not linked");
    assertThat(crmChange(FieldTarget.REQUESTER, "someone-else", "requester.RealName", "X"))
        .get()
        .asString()
        .contains("not a Switchboard customer");
    // A to-CRM field edited in the CRM: the bridge's value stands and is written again.
    f.inTx(
        () -> {
          f.sync.states.agreed(
              "rt",
              FieldTarget.TICKET,
              "42",
              java.util.Map.of("cf.Customer Name", "Kerry"),
              java.util.Map.of("cf.Customer Name", "Kerry"));
        });
    assertThat(crmChange(FieldTarget.TICKET, "42", "cf.Customer Name", "Someone")).isEmpty();
    assertThat(f.inTx(() -> f.sync.states.of("rt", FieldTarget.TICKET, "42", "cf.Customer Name")))
        .isEmpty();
    assertThat(customerNow().displayName()).isEqualTo("Kerry");
  }

  @Test
  @DisplayName("a burst of changes schedules one sync per customer until it runs")
  void coalesced() {
    ChannelUser kerry = new ChannelUser("16505551234", "+16505551234", "Kerry", null, List.of());
    long before = syncs().size();
    for (int i = 0; i < 5; i++) {
      f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "again")));
    }
    assertThat(syncs()).hasSize((int) Math.max(1, before));
    assertThat(syncs().get(0).orderingKey()).isEqualTo("crm:rt|customer:" + customer.id());
  }

  @Test
  @DisplayName("nothing is scheduled for fields no mapping sends to the CRM")
  void unmappedChangesScheduleNothing() throws Exception {
    f.inTx(
        () -> {
          try {
            f.sync.mappings.save(
                "rt",
                MappingFile.read(
                    "format: switchboard-mapping/1\nmappings:\n"
                        + "  - {bridge: customer.language, target: ticket,"
                        + " crm: cf.Preferred Language, direction: from-crm}\n"),
                "amal",
                null,
                null);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    f.clock.advance(Duration.ofSeconds(10)); // past the mapping cache
    int before = syncs().size();
    ChannelUser kerry = new ChannelUser("16505551234", "+16505551234", "Kerry", null, List.of());
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "again")));
    assertThat(syncs()).hasSize(before);
  }

  @Test
  @DisplayName(
      "a message after the ticket was solved reopens it within the period, else follows up")
  void ticketPolicy() {
    ChannelUser kerry = new ChannelUser("16505551234", "+16505551234", "Kerry", null, List.of());
    f.inTx(
        () ->
            f.crmIntake.handle(
                f.crm,
                new TicketStatusChange(
                    "txn:s1", "42", TicketState.SOLVED, null, f.clock.instant())));
    f.clock.advance(Duration.ofDays(6));
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "one more thing")));
    assertThat(f.conversations()).hasSize(1);

    f.inTx(
        () ->
            f.crmIntake.handle(
                f.crm,
                new TicketStatusChange(
                    "txn:s2", "42", TicketState.SOLVED, null, f.clock.instant())));
    // SOLVED again with no change in between keeps the first time; move past the period.
    f.clock.advance(Duration.ofDays(8));
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "new problem")));
    List<Conversation> all = f.conversations();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).status()).isEqualTo(Conversation.CLOSED);
    assertThat(all.get(0).closedReason()).contains("reopen period");
    assertThat(all.get(1).previousTicketId()).isEqualTo("42");
    assertThat(all.get(1).crmTicketId()).isNull();
  }

  @Test
  @DisplayName("an order feeds the mapped summary fields and schedules the customer's sync")
  void orderSummaryFields() {
    int before = f.sync.customerChanged.fired.size();
    f.inTx(
        () ->
            f.orderBook.recordCrmOrders(
                "default",
                "rt",
                customer.id(),
                List.of(
                    new io.switchboard.spi.crm.capability.OrderRecord(
                        "1001",
                        f.clock.instant(),
                        "paid",
                        new java.math.BigDecimal("199.5"),
                        "AED",
                        List.of()))));
    assertThat(f.sync.customerChanged.fired.size()).isGreaterThan(before);
    var ticket =
        f.inTx(() -> planFor(customer.id())).stream()
            .filter(w -> w.target() == FieldTarget.TICKET)
            .findFirst()
            .orElseThrow();
    assertThat(ticket.values())
        .containsEntry("cf.Last Order Total", "199.50 AED")
        .containsEntry("cf.Last Order", "1001 (paid)");
  }
}
