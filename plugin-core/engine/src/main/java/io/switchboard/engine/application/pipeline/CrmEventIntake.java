package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.sync.ConversationChanged;
import io.switchboard.engine.application.sync.FieldChangeIntake;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import io.switchboard.sync.BridgeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2 for CRM events: an agent's public reply becomes outbound messages, one per part ({@link
 * AgentReplies}: text, files, {@code /template} commands; sent through the outbox); an assignment
 * or status change is recorded on the conversation; a merge moves the conversation to the surviving
 * ticket.
 *
 * <p>Tickets the engine does not know: a reply whose ticket carries the id of one of our
 * conversations (the adapter tells) is followed, the conversation moving to that ticket; one that
 * names a conversation Switchboard does not have at all is quarantined with its reason; one on a
 * ticket that never was a Switchboard ticket (an e-mail ticket, say), or whose conversation belongs
 * to another CRM connection on the same CRM, is recorded as ignored on its ledger row.
 */
@ApplicationScoped
public class CrmEventIntake {
  @Inject ConversationRepository conversations;
  @Inject MessageRepository messages;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject FieldChangeIntake fieldChanges;
  @Inject Event<ConversationChanged> conversationChanged;
  @Inject AgentReplies replies;

  /**
   * @return a note when the event was deliberately not acted on, else empty
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> handle(CrmConnection connection, CrmEvent event) {
    Instant now = clock.instant();
    if (event instanceof FieldChange change) {
      return fieldChanges.handle(connection, change);
    }
    Optional<Conversation> conversation = conversations.byTicket(connection.id(), event.ticketId());
    if (conversation.isEmpty() && event instanceof AgentReply reply) {
      conversation = follow(connection, reply, now);
    }
    if (conversation.isEmpty()) {
      return Optional.of(
          "ticket "
              + event.ticketId()
              + " is not linked to a conversation of CRM connection "
              + connection.id()
              + " (not a Switchboard ticket, or another connection's); ignored");
    }
    Conversation c = conversation.get();
    if (event instanceof AgentReply reply) {
      return replies.accept(connection, c, reply);
    } else if (event instanceof AssignmentChange change) {
      c.assignTo(change.assignee(), change.group(), now);
      conversationChanged.fire(
          new ConversationChanged(
              c.id(),
              Set.of(BridgeField.CONVERSATION_ASSIGNEE, BridgeField.CONVERSATION_TEAM),
              "assigned in the CRM"));
    } else if (event instanceof TicketStatusChange status) {
      c.ticketStateIs(status.state().name(), now);
      conversationChanged.fire(
          new ConversationChanged(
              c.id(), Set.of(BridgeField.CONVERSATION_STATUS), "ticket status in the CRM"));
      if (status.state() == TicketState.MERGED) {
        c.followMerge(status.mergedIntoTicketId(), now);
      } else if (status.state() == TicketState.DELETED) {
        c.close("its ticket " + status.ticketId() + " was deleted in the CRM", now);
      }
    }
    return Optional.empty();
  }

  /**
   * A reply on a ticket we do not know, whose ticket names one of our conversations: the
   * conversation moves to that ticket (RT merges, a ticket moved by an admin).
   */
  private Optional<Conversation> follow(CrmConnection connection, AgentReply reply, Instant now) {
    if (reply.conversationId() == null) {
      return Optional.empty();
    }
    Optional<Conversation> named = conversations.find(reply.conversationId());
    if (named.isEmpty()) {
      throw new UnprocessableEventException(
          "agent reply "
              + reply.eventId()
              + " on ticket "
              + reply.ticketId()
              + " names conversation "
              + reply.conversationId()
              + ", which Switchboard does not have: check the ticket, then replay or skip",
          null);
    }
    if (!connection.id().equals(named.get().crmConnectionId())) {
      // Another CRM connection on the same CRM (e.g. two connections to one RT) owns it: that
      // connection sees the same reply and acts on it.
      return Optional.empty();
    }
    named.get().followMerge(reply.ticketId(), now);
    return named;
  }
}
