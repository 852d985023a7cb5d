package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Ids;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.sync.BridgeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Edits of a conversation in the bridge (admin API, later the inbox view): labels, and assignment:
 * the assignee and team change at once, and the ticket's owner and queue follow through the outbox
 * ({@link SyncActions#ASSIGN_IN_CRM}), ordered behind the conversation's other CRM effects so the
 * ticket exists by then.
 */
@ApplicationScoped
public class ConversationEdits {
  @Inject ConversationRepository conversations;
  @Inject Outbox outbox;
  @Inject Event<ConversationChanged> changed;
  @Inject Clock clock;

  /** The conversation has no CRM connection, so there is no ticket to assign. */
  public static final class NotMirroredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMirroredException(String message) {
      super(message);
    }
  }

  /**
   * Assigns a conversation.
   *
   * @param agent the agent's CRM login or e-mail, or {@code null} to unassign
   * @param team the team (RT queue), or {@code null} to keep it
   * @return the conversation, or empty when there is none with that id
   */
  @Transactional
  public Optional<Conversation> assign(String conversationId, String agent, String team) {
    Optional<Conversation> found = conversations.find(conversationId);
    if (found.isEmpty()) {
      return found;
    }
    Conversation c = found.get();
    if (c.crmConnectionId() == null) {
      throw new NotMirroredException(
          "conversation " + conversationId + " is not mirrored in a CRM: nothing to assign");
    }
    c.assignTo(blankToNull(agent), blankToNull(team), clock.instant());
    changed.fire(
        new ConversationChanged(
            c.id(),
            Set.of(BridgeField.CONVERSATION_ASSIGNEE, BridgeField.CONVERSATION_TEAM),
            "assigned in the bridge"));
    String target = Sources.crm(c.crmConnectionId());
    outbox.enqueue(
        c.workspaceId(),
        target,
        SyncActions.ASSIGN_IN_CRM,
        // Its own ordering key: an agent the CRM does not know waits in quarantine without
        // holding back the conversation's messages (the effect itself waits for the ticket).
        target + "|assign:" + c.id(),
        "assign|" + Ids.newId(),
        c.id());
    return found;
  }

  /**
   * Replaces a conversation's labels; a mapped labels field in the CRM follows.
   *
   * @return the conversation, or empty when there is none with that id
   */
  @Transactional
  public Optional<Conversation> label(String conversationId, java.util.List<String> labels) {
    Optional<Conversation> found = conversations.find(conversationId);
    found.ifPresent(
        c -> {
          c.labelWith(labels, clock.instant());
          changed.fire(
              new ConversationChanged(
                  c.id(), Set.of(BridgeField.CONVERSATION_LABELS), "labelled in the bridge"));
        });
    return found;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
