package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.channel.BusinessMessage;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntakeTest {
  private final IntakeFixture f = new IntakeFixture();
  private int wamids;

  @AfterEach
  void close() {
    f.close();
  }

  private CustomerMessage from(ChannelUser user, Object content) {
    f.clock.advance(java.time.Duration.ofSeconds(1)); // messages are ordered by arrival
    return new CustomerMessage(
        "wamid." + (++wamids),
        "1065",
        user,
        f.clock.instant(),
        content instanceof String text
            ? Text.of(text)
            : (io.switchboard.spi.content.InboundContent) content,
        MessageContext.NONE,
        "{}");
  }

  @Test
  @DisplayName("a customer known only by business-scoped ids has no phone and one history")
  void phonelessCustomer() {
    ChannelUser amal = new ChannelUser("US.1", null, "Amal", "amal.h", List.of("US.ENT.9"));
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(amal, "مرحبا")));
    f.inTx(
        () ->
            f.channelIntake.customerMessage(
                f.account,
                from(
                    amal,
                    new SystemNotice(
                        SystemNotice.Kind.USER_ID_CHANGED, "User changed id", "US.1", "US.2"))));
    ChannelUser renamed = new ChannelUser("US.2", null, "Amal", null, List.of());
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(renamed, "still me")));

    List<Conversation> conversations = f.conversations();
    assertThat(conversations).hasSize(1);
    Customer customer =
        f.inTx(() -> f.customers.find(conversations.get(0).customerId()).orElseThrow());
    assertThat(customer.phoneE164()).isNull();
    assertThat(f.inTx(() -> f.customers.byIdentity("default", "whatsapp", "US.ENT.9")))
        .map(Customer::id)
        .contains(customer.id());
    assertThat(f.inTx(() -> f.customers.byIdentity("default", "whatsapp-username", "amal.h")))
        .isPresent();
    assertThat(f.messagesOf(conversations.get(0).id()))
        .extracting(Message::body)
        .containsExactly("مرحبا", "User changed id", "still me");
  }

  @Test
  @DisplayName(
      "an ad referral is recorded on the conversation once; it opens the free entry window")
  void referralRecorded() {
    ChannelUser kerry = new ChannelUser("16505551234", "16505551234", "Kerry");
    Referral ad =
        new Referral("ad", "120208", "https://fb.me/x", "Winter sale", null, "image", "ARAk");
    CustomerMessage first =
        new CustomerMessage(
            "wamid.ad",
            "1065",
            kerry,
            f.clock.instant(),
            Text.of("I saw your ad"),
            new MessageContext(null, false, false, ad),
            "{}");
    f.inTx(() -> f.channelIntake.customerMessage(f.account, first));
    Conversation c = f.conversations().get(0);
    assertThat(c.adReferralAt()).isEqualTo(f.clock.instant());
    assertThat(c.referralJson()).contains("Winter sale").contains("ARAk");
    assertThat(f.messagesOf(c.id()).get(0).contentJson()).contains("\"referral\"");
  }

  private Message sentReply(String ticket) {
    return f.inTx(
        () -> {
          ChannelUser kerry = new ChannelUser("16505551234", "16505551234", "Kerry");
          f.channelIntake.customerMessage(f.account, from(kerry, "hello"));
          Conversation c = f.conversations().get(0);
          c.linkTicket(ticket, f.clock.instant());
          Message reply =
              Message.fromAgent(c, "agent1", "Your order ships", "txn:1", f.clock.instant());
          reply.sent("wamid.out", f.clock.instant());
          f.messages.add(reply);
          return reply;
        });
  }

  private List<OutboxEntry> notes() {
    return f.outbox().stream().filter(e -> e.action().equals(OutboxActions.NOTE_TO_CRM)).toList();
  }

  @Test
  @DisplayName("a failure reported after the channel accepted a reply becomes an internal note")
  void failedAfterSentIsNoted() {
    Message reply = sentReply("42");
    DeliveryUpdate failed =
        new DeliveryUpdate(
            "wamid.out",
            "1065",
            DeliveryStatus.FAILED,
            f.clock.instant(),
            "16505551234",
            new DeliveryUpdate.Failure(
                "131026", FailureReason.RECIPIENT_UNREACHABLE, "Message undeliverable"),
            null);
    f.inTx(() -> f.channelIntake.deliveryUpdate(f.account, failed));
    f.inTx(() -> f.channelIntake.deliveryUpdate(f.account, failed)); // redelivered: no second note

    Message now = f.inTx(() -> f.messages.find(reply.id()).orElseThrow());
    assertThat(now.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(now.errorCode()).isEqualTo("131026");
    assertThat(now.errorMessage())
        .contains("cannot be reached on this channel")
        .contains("Message undeliverable");
    assertThat(now.failureReason()).isEqualTo("RECIPIENT_UNREACHABLE");
    assertThat(notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.idempotencyKey()).isEqualTo("note:delivery-failed:" + reply.id());
              assertThat(n.target()).isEqualTo("crm:rt");
            });
  }

  @Test
  @DisplayName("a failure after the customer read the reply changes nothing and notes nothing")
  void failedAfterReadIsIgnored() {
    sentReply("42");
    f.inTx(
        () ->
            f.channelIntake.deliveryUpdate(
                f.account,
                DeliveryUpdate.of(
                    "wamid.out", "1065", DeliveryStatus.READ, f.clock.instant(), "1650")));
    f.inTx(
        () ->
            f.channelIntake.deliveryUpdate(
                f.account,
                DeliveryUpdate.of(
                    "wamid.out", "1065", DeliveryStatus.FAILED, f.clock.instant(), "1650")));
    assertThat(notes()).isEmpty();
  }

  private long sends() {
    return f.outbox().stream()
        .filter(e -> e.action().equals(OutboxActions.SEND_TO_CHANNEL))
        .count();
  }

  @Test
  @DisplayName("a merge in the CRM moves the conversation to the surviving ticket")
  void mergeIsFollowed() {
    sentReply("5");
    f.inTx(
        () ->
            f.crmIntake.handle(
                f.crm,
                new TicketStatusChange("txn:9", "5", TicketState.MERGED, "7", f.clock.instant())));
    assertThat(f.conversations().get(0).crmTicketId()).isEqualTo("7");
    Optional<String> note =
        f.inTx(
            () ->
                f.crmIntake.handle(
                    f.crm,
                    new AgentReply(
                        "txn:10", "7", "agent1", "From the merged ticket", List.of(), null)));
    assertThat(note).isEmpty();
    assertThat(sends()).isEqualTo(1);
  }

  @Test
  @DisplayName("a reply on an unknown ticket that names our conversation is followed, not dropped")
  void unknownTicketNamingOurConversation() {
    sentReply("5");
    String conversation = f.conversations().get(0).id();
    f.inTx(
        () ->
            f.crmIntake.handle(
                f.crm,
                new AgentReply("txn:11", "9", "agent1", "Moved", List.of(), null, conversation)));
    assertThat(f.conversations().get(0).crmTicketId()).isEqualTo("9");
    assertThat(sends()).isEqualTo(1);
  }

  @Test
  @DisplayName("a reply naming a conversation this CRM does not have is quarantined with a reason")
  void unknownConversationIsQuarantined() {
    assertThatThrownBy(
            () ->
                f.inTx(
                    () ->
                        f.crmIntake.handle(
                            f.crm,
                            new AgentReply(
                                "txn:12", "9", "agent1", "?", List.of(), null, "no-such-conv"))))
        .isInstanceOf(UnprocessableEventException.class)
        .hasMessageContaining("no-such-conv");
  }

  @Test
  @DisplayName("a reply on a conversation of another CRM connection to the same CRM is left to it")
  void otherConnectionsConversationIsLeftAlone() {
    sentReply("5");
    String conversation = f.conversations().get(0).id();
    io.switchboard.engine.domain.CrmConnection other =
        new io.switchboard.engine.domain.CrmConnection("rt-b", "default", f.clock.instant());
    Optional<String> note =
        f.inTx(
            () ->
                f.crmIntake.handle(
                    other,
                    new AgentReply("txn:14", "5", "agent1", "Hi", List.of(), null, conversation)));
    assertThat(note).hasValueSatisfying(n -> assertThat(n).contains("ignored"));
    assertThat(f.conversations().get(0).crmTicketId()).isEqualTo("5");
    assertThat(sends()).isZero();
  }

  @Test
  @DisplayName("a reply on a ticket that never was a Switchboard ticket is ignored with a note")
  void foreignTicketIsNoted() {
    Optional<String> note =
        f.inTx(
            () ->
                f.crmIntake.handle(
                    f.crm, new AgentReply("txn:13", "77", "agent1", "e-mail", List.of(), null)));
    assertThat(note).hasValueSatisfying(n -> assertThat(n).contains("not a Switchboard ticket"));
    assertThat(sends()).isZero();
  }

  @Test
  @DisplayName("a WhatsApp catalog order joins the customer's order book once, with exact prices")
  void catalogOrderIntoOrderBook() {
    ChannelUser amal = new ChannelUser("971501234567", "971501234567", "Amal", null, List.of());
    CustomerMessage order =
        from(
            amal,
            new io.switchboard.spi.content.Order(
                "cat-1",
                List.of(
                    new io.switchboard.spi.content.OrderItem(
                        "sku-17", 2, new java.math.BigDecimal("49.90"), "AED"),
                    new io.switchboard.spi.content.OrderItem(
                        "sku-3", 1, new java.math.BigDecimal("5.25"), "AED")),
                "Gift wrap"));
    f.inTx(() -> f.channelIntake.customerMessage(f.account, order));
    f.inTx(() -> f.channelIntake.customerMessage(f.account, order));

    String customerId = f.conversations().get(0).customerId();
    var orders = f.inTx(() -> f.orderBook.orders(customerId, 10));
    assertThat(orders)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("whatsapp");
              assertThat(o.externalId()).isEqualTo(order.externalId());
              assertThat(o.status()).isEqualTo("placed");
              assertThat(o.total()).hasToString("105.05");
              assertThat(o.currency()).isEqualTo("AED");
              assertThat(o.placedAt()).isEqualTo(order.sentAt());
              assertThat(o.note()).isEqualTo("Gift wrap");
              assertThat(o.items())
                  .extracting(
                      io.switchboard.engine.domain.OrderLine::sku,
                      io.switchboard.engine.domain.OrderLine::quantity)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("sku-17", 2),
                      org.assertj.core.groups.Tuple.tuple("sku-3", 1));
            });
    assertThat(f.customerChanges.fired)
        .singleElement()
        .satisfies(c -> assertThat(c.customerId()).isEqualTo(customerId));
  }

  @Test
  @DisplayName(
      "a message the business sent from its app is recorded once, as sent, and never sent again")
  void businessEchoIsRecordedOnce() {
    ChannelUser kerry = new ChannelUser("16505551234", "16505551234", "Kerry");
    f.inTx(() -> f.channelIntake.customerMessage(f.account, from(kerry, "Are you open?")));
    f.clock.advance(java.time.Duration.ofSeconds(1));
    BusinessMessage echo =
        new BusinessMessage(
            "wamid.echo",
            "1065",
            new ChannelUser("16505551234", "16505551234", null),
            f.clock.instant(),
            Text.of("We open at 9."),
            MessageContext.NONE,
            BusinessMessage.Origin.ECHO,
            "{}");
    f.inTx(() -> f.channelIntake.businessMessage(f.account, echo));
    f.inTx(() -> f.channelIntake.businessMessage(f.account, echo));

    List<Conversation> conversations = f.conversations();
    assertThat(conversations).hasSize(1);
    List<Message> messages = f.messagesOf(conversations.get(0).id());
    assertThat(messages)
        .extracting(Message::body)
        .containsExactly("Are you open?", "We open at 9.");
    Message recorded = messages.get(1);
    assertThat(recorded.direction()).isEqualTo(Message.OUT);
    assertThat(recorded.status()).isEqualTo(MessageStatus.SENT);
    assertThat(recorded.author()).isEqualTo("WhatsApp Business app");
    assertThat(sends()).isZero();
    assertThat(f.outbox().stream().filter(e -> e.action().equals(OutboxActions.RECORD_IN_CRM)))
        .hasSize(1);
  }
}
