package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/** Where messages are kept. Implemented with JPA in {@code infrastructure.persistence}. */
public interface MessageRepository {

  Optional<Message> find(String id);

  /** The message a channel knows by this id on this channel account. */
  Optional<Message> byExternalId(String channelId, String externalId);

  /** A conversation's messages, oldest first. */
  List<Message> ofConversation(String conversationId);

  /** The conversation's outbound message that answers this source event, if any. */
  Optional<Message> bySourceEvent(String conversationId, String sourceEventId);

  /** The customer's latest message in a conversation that the channel knows by an id. */
  Optional<Message> latestFromCustomer(String conversationId);

  /** The conversation's message the CRM holds as this entry (a record the engine wrote), if any. */
  Optional<Message> byCrmEntry(String conversationId, String crmEntryId);

  void add(Message message);
}
