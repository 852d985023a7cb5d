package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.crm.requesttracker.model.RtTransaction;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.PollResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The polling fallback: reads the queue's ticket transactions and the requesters' user transactions
 * after a cursor (the highest transaction id seen, one sequence for both) through {@link
 * RequestTrackerTransactionFeed} and classifies them like webhooks, so both paths give the same
 * events with the same ids: agent events by {@link RequestTrackerEventClassifier}, field changes by
 * {@link RequestTrackerFieldChanges} (user field changes come by polling only: RT runs no scrips
 * for users).
 */
final class RequestTrackerPoller {
  private static final int POLL_MAX_PAGES = 5;

  private final RequestTrackerRestClient rt;
  private final RequestTrackerTransactionFeed feed;
  private final RequestTrackerTickets tickets;
  private final RequestTrackerRequesters users;
  private final RequestTrackerEventClassifier classifier;
  private final RequestTrackerFieldChanges fieldChanges;
  private final Clock clock;

  RequestTrackerPoller(
      RequestTrackerRestClient rt,
      String queue,
      RequestTrackerTickets tickets,
      RequestTrackerRequesters users,
      RequestTrackerEventClassifier classifier,
      RequestTrackerFieldChanges fieldChanges,
      Clock clock) {
    this.rt = rt;
    this.feed = new RequestTrackerTransactionFeed(rt, queue);
    this.tickets = tickets;
    this.users = users;
    this.classifier = classifier;
    this.fieldChanges = fieldChanges;
    this.clock = clock;
  }

  PollResult poll(String cursor) throws RetryableException, PermanentException {
    if (cursor == null || cursor.isBlank()) {
      return new PollResult(List.of(), String.valueOf(feed.highestTransactionId()));
    }
    long after;
    try {
      after = Long.parseLong(cursor.trim());
    } catch (NumberFormatException e) {
      throw new PermanentException(
          "poll cursor " + cursor + " is not an RT transaction id (a number)", e);
    }
    List<CrmEvent> events = new ArrayList<>();
    Lookups lookups = new Lookups();
    RequestTrackerPolledFieldEdits fieldEdits =
        new RequestTrackerPolledFieldEdits(rt, tickets, clock);
    for (int page = 0; page < POLL_MAX_PAGES; page++) {
      RequestTrackerTransactionFeed.Page batch = feed.after(after);
      for (RtTransaction txn : batch.transactions()) {
        after = Math.max(after, RequestTrackerTransactionFeed.id(txn));
        if (RequestTrackerPolledFieldEdits.isFieldTransaction(txn)) {
          if (fieldChanges.byOthers(txn.creator())) {
            fieldEdits.edit(txn).flatMap(fieldChanges::classify).ifPresent(events::add);
          }
        } else if (RequestTrackerTransactionFeed.TICKET.equals(txn.objectType())
            && classifier.mayConcernAgents(txn.type(), txn.field(), txn.creator())) {
          toChange(txn, lookups).flatMap(classifier::classify).ifPresent(events::add);
        }
      }
      if (!batch.more()) {
        break;
      }
    }
    return new PollResult(events, String.valueOf(after));
  }

  /**
   * What one poll looks up once: each ticket (requestors, owner, queue), its conversation id, each
   * user's name and privilege, each queue's name.
   */
  private static final class Lookups {
    final Map<String, RtTicket> tickets = new HashMap<>();
    final Map<String, Optional<String>> conversationIds = new HashMap<>();
    final Map<String, String> userNames = new HashMap<>();
    final Map<String, Boolean> privileged = new HashMap<>();
    final Map<String, String> queueNames = new HashMap<>();
  }

  private RtTicket ticket(String ticketId, Lookups lookups)
      throws RetryableException, PermanentException {
    RtTicket ticket = lookups.tickets.get(ticketId);
    if (ticket == null) {
      ticket = tickets.get(ticketId);
      lookups.tickets.put(ticketId, ticket);
    }
    return ticket;
  }

  private String conversationId(RtTicket ticket, Lookups lookups)
      throws RetryableException, PermanentException {
    Optional<String> known = lookups.conversationIds.get(ticket.id());
    if (known == null) {
      known = tickets.conversationId(ticket);
      lookups.conversationIds.put(ticket.id(), known);
    }
    return known.orElse(null);
  }

  private String queueName(String queueId, Lookups lookups)
      throws RetryableException, PermanentException {
    if (queueId == null) {
      return null;
    }
    String known = lookups.queueNames.get(queueId);
    if (known == null) {
      known = tickets.queueName(queueId);
      lookups.queueNames.put(queueId, known);
    }
    return known;
  }

  private Optional<RequestTrackerTicketChange> toChange(RtTransaction txn, Lookups lookups)
      throws RetryableException, PermanentException {
    String ticketId = txn.objectId();
    RtTicket ticket = ticket(ticketId, lookups);
    List<String> requestors = ticket.requestors();
    if ("Correspond".equals(txn.type())) {
      if (requestors.stream().anyMatch(r -> r.equalsIgnoreCase(txn.creator()))) {
        return Optional.empty(); // the customer's own message, written by this adapter
      }
      Boolean privileged = lookups.privileged.get(txn.creator());
      if (privileged == null) {
        privileged = users.find(txn.creator()).map(RtUser::privileged).orElse(false);
        lookups.privileged.put(txn.creator(), privileged);
      }
      if (!privileged) {
        return Optional.empty(); // a customer (a former requestor, an e-mail sender), not staff
      }
      JsonArray parts =
          rt.get(
                  "/transaction/"
                      + txn.id()
                      + "/attachments?fields=ContentType,Content,Filename,MessageId&per_page=100")
              .object()
              .getJsonArray("items");
      String plain = null;
      String html = null;
      String messageId = null;
      List<Attachment> files = new ArrayList<>();
      for (JsonValue item : parts == null ? List.<JsonValue>of() : parts) {
        RtAttachment part = RtAttachment.fromJson(item.asJsonObject());
        if (messageId == null) {
          messageId = part.messageId(); // the mail's top part carries it
        }
        if (part.isFile()) {
          files.add(RequestTrackerTicketChange.attachmentReference(part));
        } else if (part.content() != null && !part.content().isEmpty()) {
          String type =
              part.contentType() == null ? "" : part.contentType().toLowerCase(Locale.ROOT);
          if (plain == null && type.startsWith("text/plain")) {
            plain = part.content();
          } else if (html == null && type.startsWith("text/html")) {
            html = part.content();
          }
        }
      }
      // RT's rich-text editor sends HTML only; a text/plain part (mail, REST) is the text as sent.
      String text = plain != null ? AgentReplyText.fromPlain(plain) : AgentReplyText.fromHtml(html);
      return Optional.of(
          change(
              txn,
              true,
              text,
              files,
              requestors,
              null,
              null,
              conversationId(ticket, lookups),
              messageId));
    }
    if ("Status".equals(txn.type())
        || RequestTrackerEventClassifier.isMerge(txn.type(), txn.field())) {
      return Optional.of(change(txn, null, null, List.of(), requestors, null, null, null, null));
    }
    // Owner and queue changes: the ticket's owner and queue now (the transaction names only one).
    String owner =
        RequestTrackerEventClassifier.isOwnerChange(txn.type(), txn.field())
                && txn.newValue() != null
            ? userName(txn.newValue(), lookups.userNames)
            : ticket.owner();
    String queueName =
        RequestTrackerEventClassifier.isQueueChange(txn.type(), txn.field())
            ? queueName(txn.newValue(), lookups)
            : queueName(ticket.queue(), lookups);
    return Optional.of(
        change(txn, null, null, List.of(), requestors, owner, queueName, null, null));
  }

  private RequestTrackerTicketChange change(
      RtTransaction txn,
      Boolean privileged,
      String text,
      List<Attachment> files,
      List<String> requestors,
      String owner,
      String queueName,
      String conversationId,
      String messageId) {
    return new RequestTrackerTicketChange(
        txn.id(),
        txn.objectId(),
        txn.type(),
        txn.field(),
        txn.creator(),
        privileged,
        RequestTrackerTicketChange.instant(txn.created(), clock),
        text,
        files,
        requestors,
        owner,
        txn.newValue(),
        queueName,
        conversationId,
        messageId);
  }

  /** RT records owners as numeric user ids in transactions: the name is what agents know. */
  private String userName(String userId, Map<String, String> cache)
      throws RetryableException, PermanentException {
    String known = cache.get(userId);
    if (known == null) {
      known = users.find(userId).map(RtUser::name).orElse(userId);
      cache.put(userId, known);
    }
    return known;
  }
}
