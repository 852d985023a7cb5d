package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.requesttracker.model.RtCustomField;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RT custom field records (as REST2's /customfield/{id} answers) as mapping targets. */
class RequestTrackerFieldSchemaTest {

  private static Optional<FieldDescriptor> describe(String json) {
    JsonObject object =
        io.switchboard.crm.requesttracker.model.RtJson.JSON
            .createReader(new StringReader(json))
            .readObject();
    return RequestTrackerFieldSchema.toDescriptor(RtCustomField.fromJson(object));
  }

  @Test
  @DisplayName("a Select ticket field is an ENUM with RT's values as options")
  void selectField() {
    assertThat(
            describe(
                """
                {"id":9,"Name":"Conversation Status","Type":"Select","MaxValues":"1",
                 "LookupType":"RT::Queue-RT::Ticket","Pattern":"","Disabled":"0",
                 "Values":["closed","open","pending"]}
                """))
        .contains(
            new FieldDescriptor(
                "cf.Conversation Status",
                "Conversation Status",
                FieldType.ENUM,
                List.of("closed", "open", "pending"),
                false,
                false,
                FieldTarget.TICKET));
  }

  @Test
  @DisplayName("a user field is a requester field; Mandatory makes it required")
  void userField() {
    assertThat(
            describe(
                """
                {"id":11,"Name":"Preferred Language","Type":"Freeform","MaxValues":"1",
                 "LookupType":"RT::User","Pattern":"(?#Mandatory).","Disabled":"0"}
                """))
        .contains(
            new FieldDescriptor(
                "requester.cf.Preferred Language",
                "Preferred Language",
                FieldType.TEXT,
                List.of(),
                true,
                false,
                FieldTarget.REQUESTER));
  }

  @Test
  @DisplayName(
      "types: multi Select MULTI_ENUM, Text LONG_TEXT, Date, DateTime; files, disabled fields,"
          + " other objects' fields are no targets")
  void types() {
    String base =
        "{\"id\":1,\"Name\":\"X\",\"MaxValues\":\"%s\",\"Type\":\"%s\",\"LookupType\":\"%s\"%s}";
    String ticket = "RT::Queue-RT::Ticket";
    assertThat(describe(base.formatted("0", "Select", ticket, "")).map(FieldDescriptor::type))
        .contains(FieldType.MULTI_ENUM);
    assertThat(describe(base.formatted("1", "Text", ticket, "")).map(FieldDescriptor::type))
        .contains(FieldType.LONG_TEXT);
    assertThat(describe(base.formatted("1", "Date", ticket, "")).map(FieldDescriptor::type))
        .contains(FieldType.DATE);
    assertThat(describe(base.formatted("1", "DateTime", ticket, "")).map(FieldDescriptor::type))
        .contains(FieldType.DATE_TIME);
    assertThat(describe(base.formatted("1", "Binary", ticket, ""))).isEmpty();
    assertThat(describe(base.formatted("1", "Freeform", ticket, ",\"Disabled\":\"1\""))).isEmpty();
    assertThat(
            describe(base.formatted("1", "Freeform", "RT::Queue-RT::Ticket-RT::Transaction", "")))
        .isEmpty();
  }

  @Test
  @DisplayName("the adapter's own Conversation Id is read-only")
  void conversationIdIsTheAdapters() {
    assertThat(
            describe(
                    """
                    {"id":4,"Name":"Conversation Id","Type":"Freeform","MaxValues":"1",
                     "LookupType":"RT::Queue-RT::Ticket"}
                    """)
                .map(FieldDescriptor::readOnly))
        .contains(true);
  }
}
