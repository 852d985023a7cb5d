package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtJson;
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
 * The polling fallback: reads the queue's ticket transactions after a cursor (the highest
 * transaction id seen) through REST2 and classifies them like webhooks, so both paths give the same
 * events with the same ids.
 */
final class RequestTrackerPoller {
  private static final int POLL_PAGE = 100;
  private static final int POLL_MAX_PAGES = 5;

  private final RequestTrackerRestClient rt;
  private final String queue;
  private final RequestTrackerTickets tickets;
  private final RequestTrackerRequesters users;
  private final RequestTrackerEventClassifier classifier;
  private final Clock clock;

  RequestTrackerPoller(
      RequestTrackerRestClient rt,
      String queue,
      RequestTrackerTickets tickets,
      RequestTrackerRequesters users,
      RequestTrackerEventClassifier classifier,
      Clock clock) {
    this.rt = rt;
    this.queue = queue;
    this.tickets = tickets;
    this.users = users;
    this.classifier = classifier;
    this.clock = clock;
  }

  PollResult poll(String cursor) throws RetryableException, PermanentException {
    if (cursor == null || cursor.isBlank()) {
      return new PollResult(List.of(), String.valueOf(highestTransactionId()));
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
    for (int page = 0; page < POLL_MAX_PAGES; page++) {
      List<RtTransaction> batch = transactionsAfter(after);
      for (RtTransaction txn : batch) {
        after = Math.max(after, Long.parseLong(txn.id()));
        if (classifier.mayConcernAgents(txn.type(), txn.field(), txn.creator())) {
          toChange(txn, lookups).flatMap(classifier::classify).ifPresent(events::add);
        }
      }
      if (batch.size() < POLL_PAGE) {
        break;
      }
    }
    return new PollResult(events, String.valueOf(after));
  }

  /** What one poll looks up once: each ticket's requestors, each user's name and privilege. */
  private static final class Lookups {
    final Map<String, List<String>> requestorsByTicket = new HashMap<>();
    final Map<String, String> userNames = new HashMap<>();
    final Map<String, Boolean> privileged = new HashMap<>();
  }

  private long highestTransactionId() throws RetryableException, PermanentException {
    TicketSql sql = TicketSql.is("ObjectType", "RT::Ticket").and(TicketSql.greaterThan("id", 0));
    return RtJson.firstItem(
            rt.get(
                    "/transactions?query="
                        + RequestTrackerRestClient.encode(sql.toString())
                        + "&orderby=id&order=DESC&per_page=1")
                .object(),
            "id")
        .map(Long::parseLong)
        .orElse(0L);
  }

  private List<RtTransaction> transactionsAfter(long after)
      throws RetryableException, PermanentException {
    TicketSql sql =
        TicketSql.is("ObjectType", "RT::Ticket")
            .and(TicketSql.is("TicketQueue", queue))
            .and(TicketSql.greaterThan("id", after))
            .and(
                TicketSql.anyOf(
                    TicketSql.is("Type", "Correspond"),
                    TicketSql.allOf(TicketSql.is("Type", "Set"), TicketSql.is("Field", "Owner")),
                    TicketSql.is("Type", "Give"),
                    TicketSql.is("Type", "Take"),
                    TicketSql.is("Type", "Steal"),
                    TicketSql.is("Type", "Untake")));
    JsonArray items =
        rt.get(
                "/transactions?query="
                    + RequestTrackerRestClient.encode(sql.toString())
                    + "&fields=Type,Creator,Created,Field,NewValue,ObjectId,ObjectType"
                    + "&orderby=id&order=ASC&page=1&per_page="
                    + POLL_PAGE)
            .object()
            .getJsonArray("items");
    List<RtTransaction> result = new ArrayList<>();
    if (items != null) {
      for (JsonValue item : items) {
        result.add(RtTransaction.fromJson(item.asJsonObject()));
      }
    }
    return result;
  }

  private Optional<RequestTrackerTicketChange> toChange(RtTransaction txn, Lookups lookups)
      throws RetryableException, PermanentException {
    String ticketId = txn.objectId();
    if ("Correspond".equals(txn.type())) {
      List<String> requestors = lookups.requestorsByTicket.get(ticketId);
      if (requestors == null) {
        requestors = tickets.get(ticketId).requestors();
        lookups.requestorsByTicket.put(ticketId, requestors);
      }
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
                      + "/attachments?fields=ContentType,Content,Filename&per_page=100")
              .object()
              .getJsonArray("items");
      String plain = null;
      String html = null;
      List<Attachment> files = new ArrayList<>();
      for (JsonValue item : parts == null ? List.<JsonValue>of() : parts) {
        RtAttachment part = RtAttachment.fromJson(item.asJsonObject());
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
          new RequestTrackerTicketChange(
              txn.id(),
              ticketId,
              txn.type(),
              txn.field(),
              txn.creator(),
              true,
              RequestTrackerTicketChange.instant(txn.created(), clock),
              text,
              files,
              requestors,
              null));
    }
    String owner = txn.newValue() == null ? null : userName(txn.newValue(), lookups.userNames);
    return Optional.of(
        new RequestTrackerTicketChange(
            txn.id(),
            ticketId,
            txn.type(),
            txn.field(),
            txn.creator(),
            null,
            RequestTrackerTicketChange.instant(txn.created(), clock),
            null,
            List.of(),
            List.of(),
            owner));
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
