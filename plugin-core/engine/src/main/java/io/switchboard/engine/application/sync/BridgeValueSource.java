package io.switchboard.engine.application.sync;

import io.switchboard.sync.BridgeValues;

/** The bridge's current values of the mappable fields, for one conversation or customer. */
public interface BridgeValueSource {
  /** Customer-scope and conversation-scope values of a conversation (and its customer). */
  BridgeValues forConversation(String conversationId);

  /** Customer-scope values only. */
  BridgeValues forCustomer(String customerId);
}
