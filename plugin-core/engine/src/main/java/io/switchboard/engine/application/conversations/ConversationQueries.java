package io.switchboard.engine.application.conversations;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The read side of conversations, for the admin API now and the agent view next: lists and
 * timelines, read in one transaction, never changing anything.
 */
@ApplicationScoped
public class ConversationQueries {
  @Inject ConversationRepository conversations;
  @Inject MessageRepository messages;
  @Inject CustomerRepository customers;

  /** A conversation with its customer (who may be gone, then {@code null}). */
  public record ConversationSummary(Conversation conversation, Customer customer) {}

  /** The most recently active conversations first. */
  @Transactional
  public List<ConversationSummary> recent(int limit) {
    return conversations.recent(limit).stream()
        .map(c -> new ConversationSummary(c, customers.find(c.customerId()).orElse(null)))
        .toList();
  }

  /** A conversation's messages, oldest first; empty when there is no such conversation. */
  @Transactional
  public Optional<List<Message>> timeline(String conversationId) {
    return conversations.find(conversationId).map(c -> messages.ofConversation(conversationId));
  }
}
