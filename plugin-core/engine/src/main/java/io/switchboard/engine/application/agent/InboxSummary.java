package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import java.time.Instant;

/**
 * One conversation as the inbox lists it.
 *
 * @param customer its customer, or {@code null} when gone
 * @param channel its channel account, or {@code null} when gone
 * @param ticketUrl the ticket in the CRM's UI, or {@code null}
 * @param lastMessage its latest message (notes left out), or {@code null}
 * @param waitingSince since when the customer waits for an answer, or {@code null}
 * @param unread the customer's messages after the agent last read it
 * @param window its free-form window, or {@code null} when unknown
 */
public record InboxSummary(
    Conversation conversation,
    Customer customer,
    ChannelAccount channel,
    String ticketUrl,
    Message lastMessage,
    Instant waitingSince,
    long unread,
    ConversationWindow window) {}
