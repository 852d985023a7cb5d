package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTransaction;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transactions polling reads, in transaction-id order after a cursor: the queue's ticket
 * transactions that may be events (agent replies, assignments, statuses, merges, field changes) and
 * the user transactions that change a requester field. RT's transaction ids are one sequence for
 * every object, so one cursor covers both; they are two REST2 searches (TransactionSQL's ticket
 * conditions join tickets by {@code ObjectId} whatever the object type, so one search cannot mix
 * them), merged so that nothing is skipped or repeated: when a page is full, only the transactions
 * up to its last id are taken, and the rest come with the next page.
 */
final class RequestTrackerTransactionFeed {
  static final int PAGE = 100;
  static final String TICKET = "RT::Ticket";
  static final String USER = "RT::User";
  private static final String FIELDS =
      "&fields=Type,Creator,Created,Field,OldValue,NewValue,ObjectId,ObjectType";

  /**
   * One page of transactions.
   *
   * @param transactions in id order
   * @param more whether transactions after the last one may be waiting (a search page was full)
   */
  record Page(List<RtTransaction> transactions, boolean more) {}

  private final RequestTrackerRestClient rt;
  private final String queue;

  RequestTrackerTransactionFeed(RequestTrackerRestClient rt, String queue) {
    this.rt = rt;
    this.queue = queue;
  }

  /** The highest transaction id of a ticket or user now: where a first poll starts. */
  long highestTransactionId() throws RetryableException, PermanentException {
    return Math.max(highest(TICKET), highest(USER));
  }

  /** The next page of transactions after the cursor. */
  Page after(long cursor) throws RetryableException, PermanentException {
    return merge(search(ticketTransactions(cursor)), search(userTransactions(cursor)));
  }

  /**
   * Two search pages (each in id order, at most {@link #PAGE} long) as one page in id order: a full
   * page may have more after its last id, so only what lies up to the lowest last id of a full page
   * is taken; the rest comes again with the next page (after the cursor this page moves to).
   */
  static Page merge(List<RtTransaction> tickets, List<RtTransaction> users) {
    long limit = Long.MAX_VALUE;
    if (tickets.size() >= PAGE) {
      limit = Math.min(limit, id(tickets.get(tickets.size() - 1)));
    }
    if (users.size() >= PAGE) {
      limit = Math.min(limit, id(users.get(users.size() - 1)));
    }
    List<RtTransaction> merged = new ArrayList<>(tickets);
    merged.addAll(users);
    final long upTo = limit;
    return new Page(
        merged.stream()
            .filter(txn -> id(txn) <= upTo)
            .sorted(Comparator.comparingLong(RequestTrackerTransactionFeed::id))
            .toList(),
        limit != Long.MAX_VALUE);
  }

  static long id(RtTransaction txn) {
    return Long.parseLong(txn.id());
  }

  private TicketSql ticketTransactions(long after) {
    return TicketSql.is("ObjectType", TICKET)
        .and(TicketSql.is("TicketQueue", queue))
        .and(TicketSql.greaterThan("id", after))
        .and(
            TicketSql.anyOf(
                TicketSql.is("Type", "Correspond"),
                TicketSql.is("Type", "Status"),
                TicketSql.allOf(
                    TicketSql.is("Type", "AddLink"), TicketSql.is("Field", "MergedInto")),
                set("Owner"),
                set("Queue"),
                TicketSql.is("Type", "Give"),
                TicketSql.is("Type", "Take"),
                TicketSql.is("Type", "Steal"),
                TicketSql.is("Type", "Untake"),
                TicketSql.is("Type", "CustomField"),
                set("Subject"),
                set("Priority")));
  }

  private static TicketSql userTransactions(long after) {
    return TicketSql.is("ObjectType", USER)
        .and(TicketSql.greaterThan("id", after))
        .and(
            TicketSql.anyOf(
                TicketSql.is("Type", "CustomField"),
                set("RealName"),
                set("EmailAddress"),
                set("MobilePhone"),
                set("Organization"),
                set("Lang")));
  }

  private static TicketSql set(String field) {
    return TicketSql.allOf(TicketSql.is("Type", "Set"), TicketSql.is("Field", field));
  }

  private List<RtTransaction> search(TicketSql sql) throws RetryableException, PermanentException {
    JsonArray items =
        rt.get(
                "/transactions?query="
                    + RequestTrackerRestClient.encode(sql.toString())
                    + FIELDS
                    + "&orderby=id&order=ASC&page=1&per_page="
                    + PAGE)
            .object()
            .getJsonArray("items");
    List<RtTransaction> result = new ArrayList<>();
    for (JsonValue item : items == null ? List.<JsonValue>of() : items) {
      result.add(RtTransaction.fromJson(item.asJsonObject()));
    }
    return result;
  }

  private long highest(String objectType) throws RetryableException, PermanentException {
    TicketSql sql = TicketSql.is("ObjectType", objectType).and(TicketSql.greaterThan("id", 0));
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
}
