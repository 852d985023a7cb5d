package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.requesttracker.RequestTrackerTransactionFeed.Page;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTransaction;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.capability.FieldTarget;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Polled transactions (REST2 {@code /transactions} items as the real RT 5.0.3 answered them, with
 * {@code fields=Type,Creator,Created,Field,OldValue,NewValue,ObjectId,ObjectType}): which are field
 * transactions, their keys, how they become FieldChanges, and how ticket and user pages merge.
 */
class RequestTrackerPolledFieldTransactionsTest {
  private static final Instant AT = Instant.parse("2026-12-03T12:12:18Z");
  private final RequestTrackerFieldChanges changes = new RequestTrackerFieldChanges("switchboard");

  private static RtTransaction txn(String json) {
    return RtTransaction.fromJson(RtJson.JSON.createReader(new StringReader(json)).readObject());
  }

  static final RtTransaction LABELS_ADD =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"agent1","type":"user"},"Field":"15",
           "NewValue":"b","ObjectId":"1","ObjectType":"RT::Ticket","OldValue":"","Type":"CustomField",
           "id":"55","type":"transaction"}
          """);
  static final RtTransaction SET_SUBJECT =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"agent1","type":"user"},"Field":"Subject",
           "NewValue":"explore 2","ObjectId":"1","ObjectType":"RT::Ticket","OldValue":"explore",
           "Type":"Set","id":"54","type":"transaction"}
          """);
  static final RtTransaction USER_REAL_NAME =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"root","type":"user"},"Field":"RealName",
           "NewValue":"Explorer Two","ObjectId":"42","ObjectType":"RT::User","OldValue":"Explorer",
           "Type":"Set","id":"64","type":"transaction"}
          """);
  static final RtTransaction USER_CF =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"root","type":"user"},"Field":"16",
           "NewValue":"x@example.com","ObjectId":"42","ObjectType":"RT::User","OldValue":"",
           "Type":"CustomField","id":"65","type":"transaction"}
          """);
  static final RtTransaction USER_PASSWORD =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"root","type":"user"},"Field":"Password",
           "NewValue":"********","ObjectId":"42","ObjectType":"RT::User","OldValue":"********",
           "Type":"Set","id":"67","type":"transaction"}
          """);
  static final RtTransaction CORRESPOND =
      txn(
          """
          {"Created":"2026-12-03T12:12:18Z","Creator":{"id":"agent1","type":"user"},"Field":"",
           "NewValue":"","ObjectId":"1","ObjectType":"RT::Ticket","OldValue":"","Type":"Correspond",
           "id":"70","type":"transaction"}
          """);

  @Test
  @DisplayName("custom field and schema core field transactions are field transactions, others not")
  void fieldTransactions() {
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(LABELS_ADD)).isTrue();
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(SET_SUBJECT)).isTrue();
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(USER_REAL_NAME)).isTrue();
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(USER_CF)).isTrue();
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(USER_PASSWORD)).isFalse();
    assertThat(RequestTrackerPolledFieldEdits.isFieldTransaction(CORRESPOND)).isFalse();
  }

  @Test
  @DisplayName("core keys: ticket Subject/Priority, requester.<field> for the user's core fields")
  void coreKeys() {
    assertThat(RequestTrackerFieldChanges.coreKey(FieldTarget.TICKET, "Set", "Priority"))
        .contains("Priority");
    assertThat(RequestTrackerFieldChanges.coreKey(FieldTarget.TICKET, "Set", "Owner")).isEmpty();
    assertThat(RequestTrackerFieldChanges.coreKey(FieldTarget.REQUESTER, "Set", "Lang"))
        .contains("requester.Lang");
    assertThat(RequestTrackerFieldChanges.coreKey(FieldTarget.REQUESTER, "Set", "EmailAddress"))
        .contains("requester.EmailAddress");
    assertThat(RequestTrackerFieldChanges.coreKey(FieldTarget.REQUESTER, "Set", "Subject"))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "a requester field change has no ticket, the requester's name, event id user-txn:<id>")
  void requesterChange() {
    RequestTrackerFieldEdit edit =
        new RequestTrackerFieldEdit(
            USER_REAL_NAME.id(),
            FieldTarget.REQUESTER,
            "wa-explore7607",
            "requester.RealName",
            false,
            List.of(),
            USER_REAL_NAME.oldValue(),
            USER_REAL_NAME.newValue(),
            USER_REAL_NAME.creator(),
            AT);

    assertThat(changes.classify(edit))
        .contains(
            new FieldChange(
                "user-txn:64",
                null,
                FieldTarget.REQUESTER,
                "wa-explore7607",
                "requester.RealName",
                "Explorer",
                "Explorer Two",
                "root",
                AT));
  }

  @Test
  @DisplayName("a multi-valued field reports its list now, a cleared single field a null value")
  void values() {
    RequestTrackerFieldEdit multi =
        new RequestTrackerFieldEdit(
            "55",
            FieldTarget.TICKET,
            "1",
            "cf.Labels",
            true,
            List.of("b", "c"),
            null,
            "b",
            "agent1",
            AT);
    RequestTrackerFieldEdit cleared =
        new RequestTrackerFieldEdit(
            "59",
            FieldTarget.TICKET,
            "1",
            "cf.Last Order Status",
            false,
            List.of(),
            "paid",
            null,
            "agent1",
            AT);

    assertThat(changes.classify(multi)).map(FieldChange::newValue).contains("b,c");
    assertThat(changes.classify(cleared))
        .hasValueSatisfying(
            c -> {
              assertThat(c.oldValue()).isEqualTo("paid");
              assertThat(c.newValue()).isNull();
            });
  }

  @Test
  @DisplayName("the API user's and RT_System's changes, on tickets and users, are no events")
  void ownWrites() {
    for (String author : List.of("switchboard", "SWITCHBOARD", "RT_System")) {
      RequestTrackerFieldEdit edit =
          new RequestTrackerFieldEdit(
              "64",
              FieldTarget.REQUESTER,
              "wa-1",
              "requester.RealName",
              false,
              List.of(),
              null,
              "x",
              author,
              AT);
      assertThat(changes.classify(edit)).as(author).isEmpty();
    }
  }

  @Test
  @DisplayName("requesters are the users the adapter names, not e-mail senders or agents' logins")
  void requesterNames() {
    assertThat(RequestTrackerRequesters.isRequesterName("wa-16505551234")).isTrue();
    assertThat(RequestTrackerRequesters.isRequesterName("ph-15550001111")).isTrue();
    assertThat(RequestTrackerRequesters.isRequesterName("messenger-123_4")).isTrue();
    assertThat(RequestTrackerRequesters.isRequesterName("kerry@example.com")).isFalse();
    assertThat(RequestTrackerRequesters.isRequesterName("agent1")).isFalse();
    assertThat(RequestTrackerRequesters.isRequesterName("root")).isFalse();
  }

  @Test
  @DisplayName("ticket and user pages merge in id order; a full page limits what is taken")
  void merge() {
    List<RtTransaction> tickets = ids(LongStream.rangeClosed(1, 100).map(i -> i * 2)); // 2..200
    List<RtTransaction> users = ids(LongStream.of(3, 5, 151, 401));

    Page page = RequestTrackerTransactionFeed.merge(tickets, users);

    assertThat(page.more()).isTrue();
    assertThat(page.transactions()).extracting(RtTransaction::id).startsWith("2", "3", "4", "5");
    assertThat(page.transactions()).extracting(RtTransaction::id).contains("151", "200");
    assertThat(page.transactions()).extracting(RtTransaction::id).doesNotContain("401");
    assertThat(page.transactions()).extracting(RequestTrackerTransactionFeed::id).isSorted();

    Page last = RequestTrackerTransactionFeed.merge(ids(LongStream.of(7)), ids(LongStream.of(6)));
    assertThat(last.more()).isFalse();
    assertThat(last.transactions()).extracting(RtTransaction::id).containsExactly("6", "7");
  }

  private static List<RtTransaction> ids(LongStream ids) {
    List<RtTransaction> result = new ArrayList<>();
    ids.forEach(
        id ->
            result.add(
                new RtTransaction(
                    Long.toString(id),
                    "Set",
                    "agent1",
                    null,
                    "RT::Ticket",
                    "1",
                    "Subject",
                    null,
                    null)));
    return result;
  }
}
