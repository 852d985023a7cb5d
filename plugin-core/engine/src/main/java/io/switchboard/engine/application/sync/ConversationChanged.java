package io.switchboard.engine.application.sync;

/**
 * Something the CRM's mapped ticket fields may show changed for one conversation (status, labels,
 * assignment, reply times): fired as a CDI event inside the transaction that made the change.
 *
 * @param conversationId the conversation
 * @param why a short reason for logs and the outbox row
 */
public record ConversationChanged(String conversationId, String why) {}
