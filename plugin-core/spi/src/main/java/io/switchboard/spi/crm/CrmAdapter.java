package io.switchboard.spi.crm;

import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.WebhookRequest;
import java.util.List;
import java.util.Optional;

/**
 * One configured connection to a helpdesk or CRM: requesters, tickets and the messages on them.
 * Everything else a CRM may do (field schema, mapped fields, assignment, statuses, agents, profiles
 * and orders, attachments) is an optional capability in {@code io.switchboard.spi.crm.capability},
 * found through {@link #capability(Class)}.
 *
 * <p>Every write is idempotent: the engine may repeat a call after a crash or a timeout with the
 * same idempotency key, and the adapter must then return the existing object instead of creating a
 * second one. Writes made by the adapter must not come back from {@link #parseWebhook} or {@link
 * #poll} as agent events (no echo loops).
 *
 * <pre>{@code
 * String requester = crm.upsertRequester(new Requester("cust-1", "Kerry", "+16505551234",
 *     Map.of("whatsapp", "16505551234"), null));
 * String ticket = crm.openTicket(new TicketSpec("conv-1", requester, "WhatsApp conversation with "
 *     + "+16505551234", "WhatsApp", "+16505551234"));
 * crm.appendCustomerMessage(ticket, new CustomerEntry("msg:wamid.1", requester, "Hello", List.of(),
 *     Instant.now()));
 * }</pre>
 */
public interface CrmAdapter extends AutoCloseable {

  /**
   * Finds the CRM's requester (end user, contact) for a customer, creating it when missing, and
   * updates the identities it carries (phone, channel ids).
   *
   * @return the CRM's stable id of the requester
   */
  String upsertRequester(Requester requester) throws RetryableException, PermanentException;

  /**
   * Finds the open ticket of a conversation (by {@link TicketSpec#conversationId()}) or creates it
   * with the requester and the conversation's fields.
   *
   * @return the CRM's ticket id
   */
  String openTicket(TicketSpec ticket) throws RetryableException, PermanentException;

  /**
   * Adds a customer's message to a ticket so that agents see it as the customer's words. Idempotent
   * by {@link CustomerEntry#idempotencyKey()}.
   *
   * @return the CRM's id of the new entry (e.g. an RT transaction id)
   */
  String appendCustomerMessage(String ticketId, CustomerEntry entry)
      throws RetryableException, PermanentException;

  /**
   * Adds an internal note that agents see and customers never do. Idempotent by the key.
   *
   * @return the CRM's id of the new entry
   */
  String addInternalNote(String ticketId, String idempotencyKey, String text)
      throws RetryableException, PermanentException;

  /**
   * Whether a webhook request really comes from this CRM (e.g. an HMAC header over the raw body,
   * compared in constant time). Never throws for bad input.
   */
  boolean isAuthentic(WebhookRequest request);

  /**
   * Turns an authentic webhook body into neutral events. Changes that concern no agent (system
   * transactions, the adapter's own writes, internal comments) give an empty list.
   *
   * @throws MalformedPayloadException when the body is not understandable
   */
  List<CrmEvent> parseWebhook(byte[] body) throws MalformedPayloadException;

  /**
   * Reads changes since a cursor: the fallback when webhooks are lost and the reconciliation path.
   *
   * @param cursor the {@link PollResult#nextCursor()} of the previous call, or {@code null} to
   *     start from now (no history is replayed on first use)
   */
  PollResult poll(String cursor) throws RetryableException, PermanentException;

  /**
   * Checks that the CRM answers and accepts the credentials, for readiness checks.
   *
   * @throws RetryableException when unreachable, PermanentException when credentials are refused
   */
  void checkReachable() throws RetryableException, PermanentException;

  /**
   * An optional capability ({@code io.switchboard.spi.crm.capability}) of this adapter, if its CRM
   * has it. The default offers the interfaces the adapter class implements itself; an adapter that
   * delegates to helper objects overrides it.
   *
   * <pre>{@code
   * Optional<Assignments> a = adapter.capability(Assignments.class);
   * }</pre>
   */
  default <T> Optional<T> capability(Class<T> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /** Releases HTTP clients and other resources. */
  @Override
  default void close() {}
}
