package io.switchboard.engine.application.pipeline;

/** The effects the outbox knows how to perform. */
final class OutboxActions {
  /** Mirror a customer's message in the CRM (requester, ticket, entry as needed). */
  static final String DELIVER_TO_CRM = "DELIVER_TO_CRM";

  /** Send an agent's message to the customer's channel. */
  static final String SEND_TO_CHANNEL = "SEND_TO_CHANNEL";

  /** Tell agents in the CRM, by internal note, that a reply could not be sent. */
  static final String NOTE_TO_CRM = "NOTE_TO_CRM";

  /** Record in the CRM, as an internal note, a message the business sent from elsewhere. */
  static final String RECORD_IN_CRM = "RECORD_IN_CRM";

  /** Record in the CRM, as an internal note, a template that went out ("Template x sent by y"). */
  static final String RECORD_TEMPLATE_IN_CRM = "RECORD_TEMPLATE_IN_CRM";

  /**
   * Record on the ticket, as the agent's own reply, a message an agent sent from the inbox view
   * (once it went out); without the CRM's {@code ReplyRecords}, as an internal note.
   */
  static final String RECORD_REPLY_IN_CRM = "RECORD_REPLY_IN_CRM";

  /** Record on the ticket, as an internal comment, a note an agent wrote in the inbox view. */
  static final String RECORD_NOTE_IN_CRM = "RECORD_NOTE_IN_CRM";

  /** Tell the channel that the customer's latest message was read (an agent answered). */
  static final String MARK_READ = "MARK_READ";

  private OutboxActions() {}
}
