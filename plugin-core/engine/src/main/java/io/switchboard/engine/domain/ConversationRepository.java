package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/** Where conversations are kept. Implemented with JPA in {@code infrastructure.persistence}. */
public interface ConversationRepository {

  Optional<Conversation> find(String id);

  /** The customer's newest open conversation on a channel account. */
  Optional<Conversation> openOf(String channelId, String customerId);

  /** Every open conversation of a channel account. */
  List<Conversation> openOnChannel(String channelId);

  /** The conversation a CRM ticket mirrors. */
  Optional<Conversation> byTicket(String crmConnectionId, String ticketId);

  /** The most recently active conversations first. */
  List<Conversation> recent(int limit);

  void add(Conversation conversation);
}
