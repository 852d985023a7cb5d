package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.capability.CustomerProfile;
import io.switchboard.spi.crm.capability.CustomerRecords;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.testkit.crm.CrmSyncContractTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Field sync against the real Request Tracker 5: the test kit's {@link CrmSyncContractTest}, plus
 * RT specifics (multi-valued custom fields, the webhook scrip's field changes, Customer Email and
 * the profile). People's edits are REST2 calls with basic auth: agent1 on tickets, root on users.
 */
class RequestTrackerSyncIT extends CrmSyncContractTest {
  private static RequestTrackerTestServer rt;

  @BeforeAll
  static void startRt() throws Exception {
    rt = new RequestTrackerTestServer();
  }

  @AfterAll
  static void stopReceiver() {
    if (rt != null) {
      rt.close();
    }
  }

  @BeforeEach
  void ensureRtPostsToUs() throws Exception {
    rt.ensurePostsToUs();
  }

  @Override
  protected CrmAdapter newAdapter() throws Exception {
    return rt.newAdapter();
  }

  @Override
  protected String ticketTextField() {
    return "cf.Order Number";
  }

  @Override
  protected String requesterTextField() {
    return "requester.Organization";
  }

  @Override
  protected String agentLogin() {
    return "agent1";
  }

  @Override
  protected void playFieldChange(FieldTarget target, String objectId, String key, String value)
      throws Exception {
    JsonObjectBuilder body = Json.createObjectBuilder();
    String cfPrefix = target == FieldTarget.TICKET ? "cf." : "requester.cf.";
    if (key.startsWith(cfPrefix)) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      for (String v : value.split(",")) {
        values.add(v.trim());
      }
      body.add(
          "CustomFields", Json.createObjectBuilder().add(key.substring(cfPrefix.length()), values));
    } else {
      body.add(key.replaceFirst("^requester\\.", ""), value);
    }
    if (target == FieldTarget.TICKET) {
      rt.putAs("agent1", "agent1-pass", "/ticket/" + objectId, body.build());
    } else {
      rt.putAs("root", "password", "/user/" + objectId, body.build());
    }
  }

  @Override
  protected List<String> linkedTicketIds(String ticketId) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonValue link : rt.get("/ticket/" + ticketId).getJsonArray("_hyperlinks")) {
      JsonObject object = link.asJsonObject();
      if ("refers-to".equals(object.getString("ref", ""))) {
        ids.add(String.valueOf(object.get("id")).replace("\"", ""));
      }
    }
    return ids;
  }

  // ------------------------------------------------------------------ RT specifics

  @Test
  @DisplayName("a multi-valued custom field change reports the field's whole list, by poll")
  void multiValuedField() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    String cursor = crm.poll(null).nextCursor();
    String label = "label-" + data.conversationId();

    playFieldChange(FieldTarget.TICKET, ticket, "cf.Labels", "vip," + label);

    List<FieldChange> changes =
        awaitFieldChanges(
            cursor, c -> c.field().equals("cf.Labels") && ticket.equals(c.ticketId()));
    assertThat(changes)
        .filteredOn(c -> c.field().equals("cf.Labels") && ticket.equals(c.ticketId()))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.newValue()).isIn("vip," + label, label + ",vip"));
  }

  @Test
  @DisplayName("the webhook scrip's custom field change is the same FieldChange as polling's")
  void webhookMatchesPolling() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    String cursor = crm.poll(null).nextCursor();
    int before = rt.webhooks.size();
    String value = data.uniqueText("order");

    playFieldChange(FieldTarget.TICKET, ticket, "cf.Order Number", value);

    FieldChange polled = awaitOnce(cursor, c -> value.equals(c.newValue()));
    FieldChange hooked =
        await("the webhook's field change")
            .atMost(EVENT_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> webhookChange(before, value), c -> c != null);
    assertThat(hooked).isEqualTo(polled);
  }

  @Test
  @DisplayName("a select and a DateTime field changed by an agent read as readFields gives them")
  void selectAndDateTime() throws Exception {
    String ticket = crm.openTicket(data.ticket(crm.upsertRequester(data.requester())));
    String cursor = crm.poll(null).nextCursor();

    playFieldChange(FieldTarget.TICKET, ticket, "cf.Last Order Status", "refunded");
    playFieldChange(FieldTarget.TICKET, ticket, "cf.Last Order Date", "2026-11-30 10:00:00");

    List<FieldChange> changes =
        awaitFieldChanges(
            cursor, c -> ticket.equals(c.ticketId()) && c.field().equals("cf.Last Order Date"));
    assertThat(changes)
        .filteredOn(c -> ticket.equals(c.ticketId()))
        .extracting(FieldChange::field, FieldChange::newValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("cf.Last Order Status", "refunded"),
            org.assertj.core.groups.Tuple.tuple("cf.Last Order Date", "2026-11-30T10:00:00Z"));
    Map<String, String> read =
        crm.capability(io.switchboard.spi.crm.capability.MappedFields.class)
            .orElseThrow()
            .readFields(
                FieldTarget.TICKET,
                ticket,
                java.util.Set.of("cf.Last Order Date", "cf.Last Order Status"));
    assertThat(read)
        .containsEntry("cf.Last Order Date", "2026-11-30T10:00:00Z")
        .containsEntry("cf.Last Order Status", "refunded");
  }

  @Test
  @DisplayName(
      "upsertRequester keeps the real e-mail in Customer Email, writes mapped fields; profile reads"
          + " them back and orders are empty")
  void customerEmailAndProfile() throws Exception {
    Requester base = data.requester();
    String email = "kerry." + data.conversationId() + "@example.com";
    Requester requester =
        new Requester(
            base.customerId(),
            base.displayName(),
            base.phoneE164(),
            base.channelIds(),
            "en",
            email,
            Map.of("requester.Organization", "ACME " + data.conversationId()));

    String id = crm.upsertRequester(requester);

    JsonObject user = rt.get("/user/" + id);
    assertThat(user.getString("EmailAddress")).isEqualTo(id + "@example.invalid");
    assertThat(user.getString("Organization")).isEqualTo("ACME " + data.conversationId());
    CustomerRecords records = crm.capability(CustomerRecords.class).orElseThrow();
    CustomerProfile profile = records.profile(id).orElseThrow();
    assertThat(profile.email()).isEqualTo(email);
    assertThat(profile.name()).isEqualTo(base.displayName());
    assertThat(profile.phone()).isEqualTo(base.phoneE164());
    assertThat(profile.fields()).containsEntry("requester.cf.Customer Email", email);
    assertThat(records.orders(id, 10)).isEmpty();
    assertThat(records.profile("no-such-user-" + data.conversationId())).isEmpty();
  }

  private FieldChange webhookChange(int since, String value) throws Exception {
    List<WebhookRequest> all = rt.webhooks;
    for (WebhookRequest request : all.subList(Math.min(since, all.size()), all.size())) {
      if (crm.isAuthentic(request)) {
        for (CrmEvent event : crm.parseWebhook(request.body())) {
          if (event instanceof FieldChange change && value.equals(change.newValue())) {
            return change;
          }
        }
      }
    }
    return null;
  }
}
