package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.capability.FieldTarget;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Field changes in webhook bodies as the real RT 5.0.3 scrip posted them (captured from the test
 * RT, {@code content} left out): agent1 changed Priority, Subject, the multi-valued Labels (a to b,
 * c: two adds and a delete), the Select Last Order Status and the DateTime Last Order Date.
 */
class RequestTrackerFieldChangeWebhookTest {
  private static final Instant AT = Instant.parse("2026-12-03T12:12:18Z");

  private static final String COMMON =
      """
      "conversation_id":null,"created":"2026-12-03T12:12:18Z","creator":"%s","creator_privileged":true,
      "custom_fields":{"Labels":["b","c"],"Last Order Date":"2026-11-30 10:00:00","Last Order Status":"paid"},
      "object_id":1,"owner":"Nobody","queue":"Support","requestors":["wa-explore7607"],"status":"new",
      "subject":"explore 2","ticket_id":1,
      """;

  static String body(String creator, String specific) {
    return "{" + COMMON.formatted(creator) + specific + "}";
  }

  static final String SET_PRIORITY =
      """
      "event":"Set","field":"Priority","new_value":"7","old_value":"0","transaction_id":53""";
  static final String SET_SUBJECT =
      """
      "event":"Set","field":"Subject","new_value":"explore 2","old_value":"explore","transaction_id":54""";
  static final String LABELS_ADD_B =
      """
      "event":"CustomField","field":"Labels","field_id":15,"field_max_values":0,"field_type":"Freeform",
      "new_value":"b","old_value":null,"transaction_id":55""";
  static final String LABELS_DELETE_A =
      """
      "event":"CustomField","field":"Labels","field_id":15,"field_max_values":0,"field_type":"Freeform",
      "new_value":null,"old_value":"a","transaction_id":57""";
  static final String STATUS_PAID =
      """
      "event":"CustomField","field":"Last Order Status","field_id":14,"field_max_values":1,
      "field_type":"Select","new_value":"paid","old_value":null,"transaction_id":58""";
  static final String DATE =
      """
      "event":"CustomField","field":"Last Order Date","field_id":13,"field_max_values":1,
      "field_type":"DateTime","new_value":"2026-11-30 10:00:00","old_value":null,"transaction_id":60""";

  private CrmAdapter rt;

  @BeforeEach
  void adapter() throws Exception {
    rt = RequestTrackerWebhookTest.adapter(Map.of("webhookSecret", "s3cret"));
  }

  @AfterEach
  void close() {
    rt.close();
  }

  private List<CrmEvent> parse(String json) throws Exception {
    return rt.parseWebhook(json.getBytes(StandardCharsets.UTF_8));
  }

  private static FieldChange ticketChange(
      String txn, String field, String oldValue, String newValue) {
    return new FieldChange(
        "txn:" + txn, "1", FieldTarget.TICKET, "1", field, oldValue, newValue, "agent1", AT);
  }

  @Test
  @DisplayName("Set Subject and Set Priority are FieldChanges of the core fields with both values")
  void coreFields() throws Exception {
    assertThat(parse(body("agent1", SET_PRIORITY)))
        .containsExactly(ticketChange("53", "Priority", "0", "7"));
    assertThat(parse(body("agent1", SET_SUBJECT)))
        .containsExactly(ticketChange("54", "Subject", "explore", "explore 2"));
  }

  @Test
  @DisplayName("a single-valued custom field change carries the transaction's old and new value")
  void singleValuedCustomField() throws Exception {
    assertThat(parse(body("agent1", STATUS_PAID)))
        .containsExactly(ticketChange("58", "cf.Last Order Status", null, "paid"));
  }

  @Test
  @DisplayName("each value added to or removed from a multi-valued field reports the whole list")
  void multiValuedCustomField() throws Exception {
    assertThat(parse(body("agent1", LABELS_ADD_B)))
        .containsExactly(ticketChange("55", "cf.Labels", null, "b,c"));
    assertThat(parse(body("agent1", LABELS_DELETE_A)))
        .containsExactly(ticketChange("57", "cf.Labels", null, "b,c"));
  }

  @Test
  @DisplayName("a DateTime value reads as REST2 gives it: ISO-8601 in UTC")
  void dateTime() throws Exception {
    assertThat(parse(body("agent1", DATE)))
        .containsExactly(ticketChange("60", "cf.Last Order Date", null, "2026-11-30T10:00:00Z"));
  }

  @Test
  @DisplayName("the API user's and RT_System's field changes are no events")
  void ownWritesAreNoEvents() throws Exception {
    assertThat(parse(body("switchboard", STATUS_PAID))).isEmpty();
    assertThat(parse(body("RT_System", SET_SUBJECT))).isEmpty();
  }

  @Test
  @DisplayName(
      "files are no field values; a scrip without field_max_values counts as single-valued")
  void filesAndOlderScrips() throws Exception {
    assertThat(parse(body("agent1", STATUS_PAID.replace("\"Select\"", "\"Image\"")))).isEmpty();
    assertThat(parse(body("agent1", LABELS_ADD_B.replace("\"field_max_values\":0,", ""))))
        .containsExactly(ticketChange("55", "cf.Labels", null, "b"));
  }

  @Test
  @DisplayName("another queue's field change is not this connection's business")
  void otherQueue() throws Exception {
    assertThat(parse(body("agent1", STATUS_PAID).replace("\"Support\"", "\"Sales\""))).isEmpty();
  }
}
