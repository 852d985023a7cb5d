package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.templates.TemplateRequest;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.application.templates.TemplateValidator;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.Ids;
import io.switchboard.engine.domain.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Sends a template on a conversation from the admin API: checked against the synced definition
 * first ({@link TemplateValidator}), then recorded as an outbound message and sent through the
 * outbox like an agent's reply (idempotent, retried, visible when it fails); once it went out, the
 * ticket gets a note of it.
 */
@ApplicationScoped
public class TemplateSends {
  @Inject ConversationRepository conversations;
  @Inject CustomerRepository customers;
  @Inject TemplateRows templates;
  @Inject OutboundMessages outbound;

  /**
   * What happened to a send.
   *
   * @param checked the check's outcome, with its problems when refused
   * @param message the recorded message when valid, else {@code null}
   */
  public record Outcome(TemplateValidator.Checked checked, Message message) {}

  /**
   * @param actor who sends it, for the timeline and the CRM note
   * @return empty when there is no such conversation
   */
  @Transactional
  public Optional<Outcome> send(String conversationId, TemplateRequest request, String actor) {
    Optional<Conversation> found = conversations.find(conversationId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Conversation c = found.get();
    String language = customers.find(c.customerId()).map(Customer::language).orElse(null);
    TemplateValidator.Checked checked =
        TemplateValidator.check(request, templates.named(c.channelId(), request.name()), language);
    if (!checked.valid()) {
      return Optional.of(new Outcome(checked, null));
    }
    Message m =
        outbound.send(
            c,
            actor,
            "template",
            checked.rendered(),
            OutboundContentJson.template(checked.content(), checked.rendered()),
            null,
            "admin-template:" + Ids.newId());
    return Optional.of(new Outcome(checked, m));
  }
}
