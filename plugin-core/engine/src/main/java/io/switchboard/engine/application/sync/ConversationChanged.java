package io.switchboard.engine.application.sync;

import io.switchboard.sync.BridgeField;
import java.util.Set;

/**
 * Something the CRM's mapped fields may show changed for one conversation (status, labels,
 * assignment, reply times): fired as a CDI event inside the transaction that made the change, so
 * the sync is scheduled atomically with it.
 *
 * @param conversationId the conversation
 * @param fields the bridge fields that changed
 * @param why a short reason for logs
 */
public record ConversationChanged(String conversationId, Set<BridgeField> fields, String why) {
  public ConversationChanged {
    fields = Set.copyOf(fields);
  }
}
