package io.switchboard.crm.requesttracker;

import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.AttachmentSource;
import io.switchboard.spi.crm.capability.CustomerRecords;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.spi.crm.capability.MappedFields;
import io.switchboard.spi.crm.capability.ReplyRecords;
import io.switchboard.spi.crm.capability.TicketStatuses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection to one queue of a Request Tracker 5 instance through REST2 (and RT's mail gateway
 * for customer messages). A facade over one class per role:
 *
 * <ul>
 *   <li>{@link RequestTrackerRequesters}: customers as unprivileged RT users;
 *   <li>{@link RequestTrackerTickets}: conversations as tickets of the queue;
 *   <li>{@link RequestTrackerCorrespondence}: customer messages (as the requester, through the mail
 *       gateway) and internal notes (as the API user);
 *   <li>{@link RequestTrackerWebhooks} and {@link RequestTrackerPoller}: agents' replies,
 *       assignments, statuses and merges, both classified by {@link RequestTrackerEventClassifier},
 *       and field changes (ticket custom fields, Subject, Priority; requester fields by polling
 *       only), classified by {@link RequestTrackerFieldChanges}; both keep the adapter's own writes
 *       out (echo-loop guard);
 *   <li>the optional capabilities, offered through {@link #capability(Class)}: {@link
 *       RequestTrackerFieldSchema}, {@link RequestTrackerMappedFields}, {@link
 *       RequestTrackerAssignments}, {@link RequestTrackerTicketStatuses}, {@link
 *       RequestTrackerAgentDirectory}, {@link RequestTrackerAttachments}, {@link
 *       RequestTrackerCustomerRecords}, {@link RequestTrackerReplyRecords} (replies from the inbox
 *       view, written through {@link RequestTrackerMailGateway} as the agent's) and {@link
 *       RequestTrackerAgentSignOn} (RT's agents signed into the inbox view).
 * </ul>
 */
public final class RequestTrackerCrmAdapter implements CrmAdapter {
  private final RequestTrackerRestClient rt;
  private final String queue;
  private final String apiUser;
  private final PluginContext context;
  private final RequestTrackerRequesters requesters;
  private final RequestTrackerTickets tickets;
  private final RequestTrackerCorrespondence correspondence;
  private final RequestTrackerWebhooks webhooks;
  private final RequestTrackerPoller poller;
  private final Map<Class<?>, Object> capabilities;

  RequestTrackerCrmAdapter(
      RequestTrackerRestClient rt,
      String queue,
      String apiUser,
      String webhookSecret,
      RequestTrackerAgentSignOn signOn,
      PluginContext context) {
    this.rt = rt;
    this.queue = queue;
    this.apiUser = apiUser;
    this.context = context;
    RequestTrackerEventClassifier classifier = new RequestTrackerEventClassifier(apiUser);
    RequestTrackerFieldChanges fieldChanges = new RequestTrackerFieldChanges(apiUser);
    this.tickets = new RequestTrackerTickets(rt, queue);
    RequestTrackerMappedFields mappedFields = new RequestTrackerMappedFields(rt, tickets);
    this.requesters = new RequestTrackerRequesters(rt, mappedFields);
    RequestTrackerMailGateway gateway = new RequestTrackerMailGateway(rt, queue);
    this.correspondence = new RequestTrackerCorrespondence(rt, queue, tickets, requesters, gateway);
    this.webhooks =
        new RequestTrackerWebhooks(queue, webhookSecret, classifier, fieldChanges, context.clock());
    this.poller =
        new RequestTrackerPoller(
            rt, queue, tickets, requesters, classifier, fieldChanges, context.clock());
    Map<Class<?>, Object> offered = new HashMap<>();
    offered.put(FieldSchema.class, new RequestTrackerFieldSchema(rt, queue));
    offered.put(MappedFields.class, mappedFields);
    offered.put(Assignments.class, new RequestTrackerAssignments(rt, tickets, requesters));
    offered.put(TicketStatuses.class, new RequestTrackerTicketStatuses(rt, tickets));
    offered.put(AgentDirectory.class, new RequestTrackerAgentDirectory(rt, requesters, apiUser));
    offered.put(AttachmentSource.class, new RequestTrackerAttachments(rt));
    offered.put(CustomerRecords.class, new RequestTrackerCustomerRecords(rt));
    offered.put(
        ReplyRecords.class,
        new RequestTrackerReplyRecords(tickets, requesters, gateway, context.clock()));
    if (signOn != null) {
      offered.put(AgentSignOn.class, signOn); // only with agentViewSecret
    }
    this.capabilities = Map.copyOf(offered);
  }

  /**
   * RT's capabilities: field schema and mapped fields, assignments, statuses, agent directory,
   * attachment fetch, customer records (the requester's profile from the RT user; RT holds no
   * orders, so their list is always empty), replies from the inbox view recorded as the agent's
   * ({@link ReplyRecords}), and, only when {@code agentViewSecret} is set, the sign-on of RT's
   * agents into the inbox view ({@link AgentSignOn}).
   */
  @Override
  public <T> Optional<T> capability(Class<T> type) {
    Object capability = capabilities.get(type);
    return capability == null ? Optional.empty() : Optional.of(type.cast(capability));
  }

  @Override
  public String upsertRequester(Requester requester) throws RetryableException, PermanentException {
    return requesters.upsert(requester);
  }

  @Override
  public String openTicket(TicketSpec ticket) throws RetryableException, PermanentException {
    return tickets.open(ticket);
  }

  @Override
  public String appendCustomerMessage(String ticketId, CustomerEntry entry)
      throws RetryableException, PermanentException {
    return correspondence.appendCustomerMessage(ticketId, entry);
  }

  @Override
  public String addInternalNote(String ticketId, String idempotencyKey, String text)
      throws RetryableException, PermanentException {
    return correspondence.addInternalNote(ticketId, idempotencyKey, text);
  }

  @Override
  public boolean isAuthentic(WebhookRequest request) {
    return webhooks.isAuthentic(request);
  }

  @Override
  public List<CrmEvent> parseWebhook(byte[] body) throws MalformedPayloadException {
    return webhooks.parse(body);
  }

  @Override
  public PollResult poll(String cursor) throws RetryableException, PermanentException {
    return poller.poll(cursor);
  }

  /**
   * For a ticket that an agent merged into another in RT: the surviving ticket's id (RT's
   * EffectiveId), which RT records that ticket's later transactions on, so events about it carry
   * the surviving id. Empty when the ticket was not merged. The SPI has no field for this yet: an
   * engine that knows only the merged id can follow its conversation to the surviving ticket with
   * this.
   *
   * <pre>{@code
   * rt.effectiveTicketId("16") // Optional[15] after "merge 16 into 15"
   * }</pre>
   *
   * @throws PermanentException (404) when RT has no such ticket
   */
  public Optional<String> effectiveTicketId(String ticketId)
      throws RetryableException, PermanentException {
    String effective = tickets.effectiveId(ticketId);
    return effective.equals(ticketId) ? Optional.empty() : Optional.of(effective);
  }

  /**
   * The ids of the tickets merged into this (surviving) ticket, lowest first: the ids the engine
   * may know for the ticket an event names.
   */
  public List<String> mergedTicketIds(String ticketId)
      throws RetryableException, PermanentException {
    return tickets.mergedInto(ticketId);
  }

  @Override
  public void checkReachable() throws RetryableException, PermanentException {
    rt.get("/rt");
    if (rt.find("/queue/" + RequestTrackerRestClient.encode(queue)).isEmpty()) {
      throw new PermanentException(
          "RT has no queue " + queue + " that the API user " + apiUser + " can see", null);
    }
  }

  /** Nothing to release: the HTTP pool is the factory's and outlives its adapters. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "RequestTrackerCrmAdapter[" + context.connectionId() + ", queue " + queue + "]";
  }
}
