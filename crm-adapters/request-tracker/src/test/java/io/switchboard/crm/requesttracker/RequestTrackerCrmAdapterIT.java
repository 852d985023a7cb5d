package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.AttachmentSource;
import io.switchboard.spi.crm.capability.CrmAgent;
import io.switchboard.spi.crm.capability.CrmCapability;
import io.switchboard.spi.crm.capability.CrmGroup;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import io.switchboard.spi.crm.capability.MappedFields;
import io.switchboard.spi.crm.capability.TicketStatuses;
import io.switchboard.testkit.crm.CrmAdapterContractTest;
import io.switchboard.testkit.crm.CrmTestData;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a real Request Tracker 5, started with {@code
 * tools/request-tracker/setup-rt.sh} (root, apt on first use) with this test's own webhook
 * receiver. RT is shared with other test runs: nothing here resets it, data is unique per test.
 */
class RequestTrackerCrmAdapterIT extends CrmAdapterContractTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static RequestTrackerTestServer rt;
  private static String secret;
  private static List<WebhookRequest> webhooks;
  private static String baseUrl;
  private static String token;

  @BeforeAll
  static void startRequestTrackerWithOurWebhook() throws Exception {
    rt = new RequestTrackerTestServer();
    secret = rt.secret;
    webhooks = rt.webhooks;
    baseUrl = rt.baseUrl;
    token = rt.token;
  }

  @AfterAll
  static void stopReceiver() {
    if (rt != null) {
      rt.close();
    }
  }

  /**
   * Another run (the end-to-end tests) may have restarted RT with its own webhook: take it back.
   */
  @BeforeEach
  void ensureRtPostsToUs() throws Exception {
    rt.ensurePostsToUs();
  }

  private static Map<String, String> config() {
    return Map.of("baseUrl", baseUrl, "token", token, "webhookSecret", secret, "queue", "Support");
  }

  @Override
  protected CrmAdapter newAdapter() throws Exception {
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    return factory.create(
        PluginConfig.of(factory.options(), config()),
        new PluginContext("rt-it", Clock.systemUTC()));
  }

  @Override
  protected void playAgentReply(String ticketId, String text) throws Exception {
    asAgent("/ticket/" + ticketId + "/correspond", text);
  }

  @Override
  protected void playAgentInternalComment(String ticketId, String text) throws Exception {
    asAgent("/ticket/" + ticketId + "/comment", text);
  }

  private static void asAgent(String path, String text) throws Exception {
    JsonObject body =
        Json.createObjectBuilder().add("Content", text).add("ContentType", "text/plain").build();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", basic("agent1", "agent1-pass"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("agent1 POST %s: %s", path, response.body())
        .isEqualTo(201);
  }

  @Override
  protected int countEntriesContaining(String ticketId, String text) throws Exception {
    int count = 0;
    for (JsonValue txn :
        rest("/ticket/" + ticketId + "/history?per_page=100&fields=Type").getJsonArray("items")) {
      String type = txn.asJsonObject().getString("Type");
      if (List.of("Create", "Correspond", "Comment").contains(type)) {
        String id = txn.asJsonObject().getString("id");
        boolean contains =
            rest("/transaction/" + id + "/attachments?fields=ContentType,Content")
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("Content", "").contains(text));
        count += contains ? 1 : 0;
      }
    }
    return count;
  }

  @Override
  protected WebhookRequest signedWebhook(byte[] body) {
    String signature = new HmacSha256Signature(secret).headerValue(body);
    return WebhookRequest.of(body, Map.of("X-RT-Signature", List.of(signature)), Map.of());
  }

  @Override
  protected Optional<List<WebhookRequest>> receivedWebhooks() {
    return Optional.of(webhooks);
  }

  // ------------------------------------------------------------------ RT specifics

  @Test
  @DisplayName("the requester is an RT user with WhatsApp Id, phone and an undeliverable address")
  void requesterInRt() throws Exception {
    String requester = crm.upsertRequester(data.requester());

    JsonObject user = rest("/user/" + requester);
    assertThat(requester).isEqualTo("wa-" + data.whatsAppId());
    assertThat(user.getString("EmailAddress")).isEqualTo(requester + "@example.invalid");
    assertThat(user.getString("MobilePhone")).isEqualTo(data.phoneE164());
    assertThat(customFields(user)).containsEntry("WhatsApp Id", data.whatsAppId());
    assertThat(user.getString("RealName")).isEqualTo(data.requester().displayName());

    crm.upsertRequester(data.requester("Kerry F."));
    assertThat(rest("/user/" + requester).getString("RealName")).isEqualTo("Kerry F.");
  }

  @Test
  @DisplayName(
      "the ticket carries the requestor and the Channel, Customer Phone, Conversation Id fields")
  void ticketInRt() throws Exception {
    String requester = crm.upsertRequester(data.requester());
    String ticket = crm.openTicket(data.ticket(requester));

    JsonObject json = rest("/ticket/" + ticket);
    assertThat(json.getJsonArray("Requestor").getJsonObject(0).getString("id"))
        .isEqualTo(requester);
    assertThat(customFields(json))
        .containsEntry("Channel", "WhatsApp")
        .containsEntry("Customer Phone", data.phoneE164())
        .containsEntry("Conversation Id", data.conversationId());
  }

  @Test
  @DisplayName("a resolved ticket is not reused: the conversation gets a new one")
  void resolvedTicketIsNotReused() throws Exception {
    String ticket = openTicket();
    restPut(
        "/ticket/" + ticket,
        "token " + token,
        Json.createObjectBuilder().add("Status", "resolved").build());

    assertThat(openTicket()).isNotEqualTo(ticket);
  }

  @Test
  @DisplayName(
      "a customer message is a Correspond by the requester, with attachments as attachments")
  void customerMessageIsWrittenAsTheRequester() throws Exception {
    String requester = requesterOf();
    String ticket = openTicket();
    String text = data.uniqueText("Here is the broken lid, ça ne ferme pas");

    String txn =
        crm.appendCustomerMessage(
            ticket, data.message(requester, text, List.of(CrmTestData.photo("lid photo.png"))));

    JsonObject transaction = rest("/transaction/" + txn);
    assertThat(transaction.getString("Type")).isEqualTo("Correspond");
    assertThat(transaction.getJsonObject("Creator").getString("id")).isEqualTo(requester);
    List<JsonObject> parts =
        rest("/transaction/" + txn + "/attachments?fields=ContentType,Content,Filename")
            .getJsonArray("items")
            .stream()
            .map(JsonValue::asJsonObject)
            .toList();
    assertThat(parts)
        .anySatisfy(p -> assertThat(p.getString("Content", "")).contains(text))
        .anySatisfy(
            p -> {
              assertThat(p.getString("Filename")).isEqualTo("lid photo.png");
              assertThat(p.getString("ContentType")).isEqualTo("image/png");
            });
  }

  @Test
  @DisplayName("an agent's owner change comes back as an AssignmentChange through poll and webhook")
  void ownerChange() throws Exception {
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();
    int before = webhooks.size();

    restPut(
        "/ticket/" + ticket,
        basic("agent1", "agent1-pass"),
        Json.createObjectBuilder().add("Owner", "agent2").build());

    List<CrmEvent> polled = new ArrayList<>();
    String position = cursor;
    for (int i = 0; i < 20 && polled.stream().noneMatch(AssignmentChange.class::isInstance); i++) {
      var result = crm.poll(position);
      position = result.nextCursor();
      polled.addAll(result.events());
    }
    assertThat(polled)
        .filteredOn(e -> e.ticketId().equals(ticket))
        .singleElement()
        .isInstanceOfSatisfying(
            AssignmentChange.class, change -> assertThat(change.assignee()).isEqualTo("agent2"));
    List<CrmEvent> hooked = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(EVENT_TIMEOUT)
        .until(
            () -> {
              hooked.clear();
              for (WebhookRequest w : webhooks.subList(before, webhooks.size())) {
                if (crm.isAuthentic(w)) {
                  hooked.addAll(crm.parseWebhook(w.body()));
                }
              }
              return hooked.stream().anyMatch(e -> e.ticketId().equals(ticket));
            });
    assertThat(hooked)
        .filteredOn(e -> e.ticketId().equals(ticket))
        .singleElement()
        .isEqualTo(polled.stream().filter(e -> e.ticketId().equals(ticket)).findFirst().get());
  }

  @Test
  @DisplayName(
      "an HTML-only reply (RT's rich-text editor) reaches the customer as text, without the"
          + " editor's trailing blank lines, through poll and webhook alike")
  void htmlReply() throws Exception {
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();
    int before = webhooks.size();
    String marker = data.uniqueText("ships");
    String html =
        "<p>Your order "
            + marker
            + " <b>tomorrow</b> &amp; arrives Friday.</p><p dir=\"rtl\">شكراً لك</p><p>&nbsp;</p>";

    HttpResponse<String> sent =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/REST/2.0/ticket/" + ticket + "/correspond"))
                .header("Authorization", basic("agent1", "agent1-pass"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("Content", html)
                            .add("ContentType", "text/html")
                            .build()
                            .toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

    String expected = "Your order " + marker + " tomorrow & arrives Friday.\n\nشكراً لك";
    AgentReply polled = awaitPolledReply(cursor, ticket, marker).reply();
    assertThat(polled.text()).isEqualTo(expected);
    AgentReply hooked = awaitWebhookReply(before, ticket, marker);
    assertThat(hooked).isEqualTo(polled);
  }

  @Test
  @DisplayName(
      "the customer's own messages never come back as agent replies, also after the requestors"
          + " changed: only privileged users reply")
  void unprivilegedCorrespondenceIsNoReply() throws Exception {
    String requester = requesterOf();
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();
    int before = webhooks.size();
    String text = data.uniqueText("Is my parcel lost?");
    crm.appendCustomerMessage(ticket, data.message(requester, text, List.of()));

    // An agent replaces the requestor (e.g. the customer's colleague takes over the conversation).
    String other = crm.upsertRequester(CrmTestData.unique().requester());
    restPut(
        "/ticket/" + ticket,
        basic("agent1", "agent1-pass"),
        Json.createObjectBuilder().add("Requestor", other).build());
    assertThat(rest("/ticket/" + ticket).getJsonArray("Requestor").getJsonObject(0).getString("id"))
        .isEqualTo(other);
    assertThat(rest("/user/" + requester).getInt("Privileged")).isZero();

    // Polling after the change sees the customer's Correspond by a user who is no requestor now.
    List<CrmEvent> polled = new ArrayList<>();
    String position = cursor;
    for (int i = 0; i < 3; i++) {
      var result = crm.poll(position);
      position = result.nextCursor();
      polled.addAll(result.events());
    }
    assertThat(agentRepliesOn(ticket, polled)).isEmpty();

    // The webhook of the customer's message says its author is unprivileged: even with the
    // requestors it names changed (signed again), it is no reply.
    List<WebhookRequest> customerHooks = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(EVENT_TIMEOUT)
        .until(
            () -> {
              customerHooks.clear();
              for (WebhookRequest w : webhooks.subList(before, webhooks.size())) {
                JsonObject body =
                    Json.createReader(new java.io.ByteArrayInputStream(w.body())).readObject();
                if (body.getInt("ticket_id") == Integer.parseInt(ticket)
                    && body.getString("event").equals("Correspond")) {
                  customerHooks.add(w);
                }
              }
              return !customerHooks.isEmpty();
            });
    for (WebhookRequest hook : customerHooks) {
      JsonObject body =
          Json.createReader(new java.io.ByteArrayInputStream(hook.body())).readObject();
      assertThat(body.getString("creator")).isEqualTo(requester);
      assertThat(body.getBoolean("creator_privileged")).isFalse();
      assertThat(crm.isAuthentic(hook)).isTrue();
      assertThat(crm.parseWebhook(hook.body())).isEmpty();
      byte[] changed =
          Json.createObjectBuilder(body)
              .add("requestors", Json.createArrayBuilder().add(other))
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      WebhookRequest resigned = signedWebhook(changed);
      assertThat(crm.isAuthentic(resigned)).isTrue();
      assertThat(crm.parseWebhook(changed)).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "a ticket merged into another: its id leads to the surviving ticket, which names it merged")
  void mergedTicket() throws Exception {
    String merged = openTicket();
    String surviving = crm.openTicket(data.ticket(requesterOf(), data.otherConversationId()));
    HttpResponse<String> merge =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/REST/1.0/ticket/" + merged + "/merge/" + surviving))
                .header("Authorization", "token " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(merge.body()).contains("Merge completed");
    RequestTrackerCrmAdapter rt = (RequestTrackerCrmAdapter) crm;

    assertThat(rt.effectiveTicketId(merged)).contains(surviving);
    assertThat(rt.effectiveTicketId(surviving)).isEmpty();
    assertThat(rt.mergedTicketIds(surviving)).containsExactly(merged);

    // Notes on the merged id land on the surviving ticket and stay idempotent there.
    String note = crm.addInternalNote(merged, "note:" + merged, "Merged into " + surviving);
    assertThat(crm.addInternalNote(merged, "note:" + merged, "Merged into " + surviving))
        .isEqualTo(note);
    assertThat(countEntriesContaining(surviving, "Merged into " + surviving)).isEqualTo(1);
  }

  // ------------------------------------------------------------------ SPI 2.0 events

  /** Polls from the cursor until an event matches; every event polled meanwhile. */
  private List<CrmEvent> pollUntil(String cursor, Predicate<CrmEvent> wanted) {
    List<CrmEvent> polled = new CopyOnWriteArrayList<>();
    AtomicReference<String> position = new AtomicReference<>(cursor);
    await()
        .atMost(EVENT_TIMEOUT)
        .until(
            () -> {
              var result = crm.poll(position.get());
              position.set(result.nextCursor());
              polled.addAll(result.events());
              return polled.stream().anyMatch(wanted);
            });
    return polled;
  }

  /** The events of the webhooks RT sent since {@code since}, once one matches. */
  private List<CrmEvent> webhooksUntil(int since, Predicate<CrmEvent> wanted) {
    List<CrmEvent> hooked = new ArrayList<>();
    await()
        .atMost(EVENT_TIMEOUT)
        .until(
            () -> {
              hooked.clear();
              for (WebhookRequest w : webhooks.subList(since, webhooks.size())) {
                if (crm.isAuthentic(w)) {
                  hooked.addAll(crm.parseWebhook(w.body()));
                }
              }
              return hooked.stream().anyMatch(wanted);
            });
    return hooked;
  }

  private static Predicate<CrmEvent> on(String ticket, Class<? extends CrmEvent> type) {
    return e -> e.ticketId().equals(ticket) && type.isInstance(e);
  }

  @Test
  @DisplayName(
      "an agent resolving a ticket is a TicketStatusChange SOLVED through poll and webhook")
  void resolvedByAgent() throws Exception {
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();
    int before = webhooks.size();

    restPut(
        "/ticket/" + ticket,
        basic("agent1", "agent1-pass"),
        Json.createObjectBuilder().add("Status", "resolved").build());

    Predicate<CrmEvent> solved =
        e ->
            e.ticketId().equals(ticket)
                && e instanceof TicketStatusChange c
                && c.state() == TicketState.SOLVED;
    CrmEvent polled = pollUntil(cursor, solved).stream().filter(solved).findFirst().orElseThrow();
    assertThat(webhooksUntil(before, solved)).filteredOn(solved).containsExactly(polled);
    assertThat(crm.capability(TicketStatuses.class).orElseThrow().status(ticket))
        .isEqualTo(TicketState.SOLVED);
  }

  @Test
  @DisplayName(
      "a merge is MERGED naming the surviving ticket, and a reply on a surviving ticket without"
          + " a Conversation Id carries the merged conversation's, through poll and webhook")
  void mergeIntoForeignTicket() throws Exception {
    String merged = openTicket();
    String foreign =
        ticketAsAgent(requesterOf(), "Opened by an agent for " + data.conversationId());
    String cursor = crm.poll(null).nextCursor();
    int before = webhooks.size();

    mergeAsAgent1(merged, foreign);

    Predicate<CrmEvent> mergedEvent = on(merged, TicketStatusChange.class);
    assertThat(pollUntil(cursor, mergedEvent))
        .filteredOn(mergedEvent)
        .singleElement()
        .isInstanceOfSatisfying(
            TicketStatusChange.class,
            c -> {
              assertThat(c.state()).isEqualTo(TicketState.MERGED);
              assertThat(c.mergedIntoTicketId()).isEqualTo(foreign);
            });
    assertThat(webhooksUntil(before, mergedEvent))
        .filteredOn(mergedEvent)
        .singleElement()
        .isInstanceOfSatisfying(
            TicketStatusChange.class, c -> assertThat(c.mergedIntoTicketId()).isEqualTo(foreign));
    assertThat(crm.capability(TicketStatuses.class).orElseThrow().status(merged))
        .isEqualTo(TicketState.MERGED);

    String text = "After the merge " + data.conversationId();
    String replyCursor = crm.poll(null).nextCursor();
    int replyBefore = webhooks.size();
    playAgentReply(foreign, text);

    Predicate<CrmEvent> reply =
        e -> e.ticketId().equals(foreign) && e instanceof AgentReply r && text.equals(r.text());
    assertThat(pollUntil(replyCursor, reply))
        .filteredOn(reply)
        .singleElement()
        .extracting(e -> ((AgentReply) e).conversationId())
        .isEqualTo(data.conversationId());
    assertThat(webhooksUntil(replyBefore, reply))
        .filteredOn(reply)
        .singleElement()
        .extracting(e -> ((AgentReply) e).conversationId())
        .isEqualTo(data.conversationId());
  }

  // ------------------------------------------------------------------ SPI 2.0 capabilities

  @Test
  @DisplayName(
      "RT offers every capability but agent sign-on, which needs a secret (customer records: the"
          + " profile; RT holds no orders)")
  void capabilities() {
    // agent sign-on only with an agentViewSecret, which this connection has not
    assertThat(CrmCapability.of(crm))
        .isEqualTo(EnumSet.complementOf(EnumSet.of(CrmCapability.AGENT_SIGN_ON)));
  }

  @Test
  @DisplayName(
      "describeFields: the provisioned ticket and user custom fields, select values as options,"
          + " and the core fields")
  void describeFields() throws Exception {
    Map<String, FieldDescriptor> fields = new HashMap<>();
    crm.capability(FieldSchema.class)
        .orElseThrow()
        .describeFields()
        .forEach(f -> fields.put(f.key(), f));

    assertThat(fields.get("cf.Last Order Number"))
        .isEqualTo(
            new FieldDescriptor(
                "cf.Last Order Number",
                "Last Order Number",
                FieldType.TEXT,
                List.of(),
                false,
                false,
                FieldTarget.TICKET));
    assertThat(fields.get("cf.Conversation Status").type()).isEqualTo(FieldType.ENUM);
    assertThat(fields.get("cf.Conversation Status").options())
        .containsExactlyInAnyOrder("open", "pending", "closed");
    assertThat(fields.get("cf.Conversation Id").readOnly()).isTrue();
    assertThat(fields.get("requester.cf.Preferred Language").target())
        .isEqualTo(FieldTarget.REQUESTER);
    assertThat(fields.get("requester.cf.WhatsApp Id").type()).isEqualTo(FieldType.TEXT);
    assertThat(fields.get("Priority").type()).isEqualTo(FieldType.INTEGER);
    assertThat(fields.get("requester.EmailAddress").readOnly()).isTrue();
    assertThat(fields).doesNotContainKey("cf.Switchboard Key"); // a transaction field
  }

  @Test
  @DisplayName(
      "mapped fields: ticket and user custom fields and core fields written read back; the same"
          + " write again changes nothing in RT")
  void mappedFields() throws Exception {
    MappedFields fields = crm.capability(MappedFields.class).orElseThrow();
    String requester = requesterOf();
    String ticket = crm.openTicket(data.ticket(requester));
    Map<String, String> ticketValues =
        Map.of(
            "cf.Last Order Number",
            "A-" + data.conversationId(),
            "Priority",
            "42",
            "cf.Conversation Status",
            "pending");

    fields.writeFields(FieldTarget.TICKET, ticket, ticketValues);
    int history = rest("/ticket/" + ticket + "/history?per_page=100").getInt("total");
    fields.writeFields(FieldTarget.TICKET, ticket, ticketValues);

    assertThat(fields.readFields(FieldTarget.TICKET, ticket, ticketValues.keySet()))
        .isEqualTo(ticketValues);
    assertThat(rest("/ticket/" + ticket + "/history?per_page=100").getInt("total"))
        .as("no transaction for values already there")
        .isEqualTo(history);
    assertThat(customFields(rest("/ticket/" + ticket)))
        .containsEntry("Last Order Number", "A-" + data.conversationId());

    fields.writeFields(
        FieldTarget.REQUESTER, requester, Map.of("requester.cf.Preferred Language", "ar"));
    assertThat(
            fields.readFields(
                FieldTarget.REQUESTER,
                requester,
                Set.of("requester.cf.Preferred Language", "requester.RealName")))
        .containsEntry("requester.cf.Preferred Language", "ar")
        .containsKey("requester.RealName");

    fields.writeFields(FieldTarget.TICKET, ticket, Map.of("cf.Last Order Number", ""));
    assertThat(fields.readFields(FieldTarget.TICKET, ticket, Set.of("cf.Last Order Number")))
        .as("an empty value clears")
        .isEmpty();
    assertThatThrownBy(
            () -> fields.writeFields(FieldTarget.TICKET, ticket, Map.of("Nonsense", "x")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND));
  }

  @Test
  @DisplayName(
      "assignments: owner agent1 and back to nobody, the queue kept; an unknown queue is refused by"
          + " name; the adapter's own assignments are no events")
  void assignments() throws Exception {
    Assignments assignments = crm.capability(Assignments.class).orElseThrow();
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();

    assignments.assign(ticket, new Assignment("agent1", null));
    assertThat(assignments.assignment(ticket)).isEqualTo(new Assignment("agent1", "Support"));
    assignments.assign(ticket, new Assignment("agent1", "Support")); // already so: nothing
    assignments.assign(ticket, new Assignment(null, null));
    assertThat(assignments.assignment(ticket)).isEqualTo(new Assignment(null, "Support"));

    assertThatThrownBy(() -> assignments.assign(ticket, new Assignment("agent1", "No Such Queue")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND))
        .hasMessageContaining("No Such Queue");

    // A barrier: an agent's reply written after the adapter's assignments.
    String barrier = "Barrier " + data.conversationId();
    playAgentReply(ticket, barrier);
    List<CrmEvent> polled =
        pollUntil(cursor, e -> e instanceof AgentReply r && barrier.equals(r.text()));
    assertThat(polled).filteredOn(on(ticket, AssignmentChange.class)).isEmpty();
  }

  @Test
  @DisplayName("the directory lists agent1 with name, e-mail and group, and the queues as groups")
  void directory() throws Exception {
    AgentDirectory directory = crm.capability(AgentDirectory.class).orElseThrow();

    assertThat(directory.agents())
        .contains(
            new CrmAgent(
                "agent1", "Agent One", "agent1@example.invalid", List.of("Support agents")))
        .extracting(CrmAgent::login)
        .doesNotContain("switchboard", "Nobody", "RT_System")
        .noneMatch(login -> login.startsWith("wa-"));
    assertThat(directory.groups()).extracting(CrmGroup::name).contains("Support", "Sales");
  }

  @Test
  @DisplayName("fetchAttachment returns the bytes of a file an agent attached to a reply")
  void attachment() throws Exception {
    String ticket = openTicket();
    String cursor = crm.poll(null).nextCursor();
    byte[] file = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF, 'x'};
    String text = "Your label " + data.conversationId();
    JsonObject body =
        Json.createObjectBuilder()
            .add("Content", text)
            .add("ContentType", "text/plain")
            .add(
                "Attachments",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("FileName", "label.png")
                            .add("FileType", "image/png")
                            .add("FileContent", Base64.getEncoder().encodeToString(file))))
            .build();
    HttpResponse<String> sent =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/REST/2.0/ticket/" + ticket + "/correspond"))
                .header("Authorization", basic("agent1", "agent1-pass"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

    Predicate<CrmEvent> reply = e -> e instanceof AgentReply r && text.equals(r.text());
    AgentReply polled =
        (AgentReply) pollUntil(cursor, reply).stream().filter(reply).findFirst().orElseThrow();
    assertThat(polled.attachments()).hasSize(1);
    Attachment fetched =
        crm.capability(AttachmentSource.class)
            .orElseThrow()
            .fetchAttachment(polled.attachments().get(0));

    assertThat(fetched.data()).isEqualTo(file);
    assertThat(fetched.fileName()).isEqualTo("label.png");
    assertThat(fetched.contentType()).isEqualTo("image/png");
    assertThat(fetched.size()).isEqualTo(file.length);
  }

  private static String ticketAsAgent(String requester, String subject) throws Exception {
    JsonObject body =
        Json.createObjectBuilder()
            .add("Queue", "Support")
            .add("Subject", subject)
            .add("Requestor", requester)
            .build();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0/ticket"))
                .header("Authorization", basic("agent1", "agent1-pass"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .get("id")
        .toString()
        .replace("\"", "");
  }

  /** REST1 takes no Basic auth: agent1 logs in with its form fields (user, pass). */
  private static void mergeAsAgent1(String merged, String surviving) throws Exception {
    HttpResponse<String> merge =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/REST/1.0/ticket/" + merged + "/merge/" + surviving))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=agent1&pass=agent1-pass"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(merge.body()).contains("Merge completed");
  }

  @Test
  @DisplayName("checkReachable: a refused token is permanent, an unreachable RT retryable")
  void reachability() throws Exception {
    RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();
    Map<String, String> wrongToken = new HashMap<>(config());
    wrongToken.put("token", "1-2-not-a-token");
    try (CrmAdapter refused =
        factory.create(
            PluginConfig.of(factory.options(), wrongToken),
            new PluginContext("rt-it", Clock.systemUTC()))) {
      assertThatThrownBy(refused::checkReachable)
          .isInstanceOf(PermanentException.class)
          .hasMessageContaining("401");
    }
    Map<String, String> closedPort = new HashMap<>(config());
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort.put("baseUrl", "http://127.0.0.1:" + free.getLocalPort());
    }
    try (CrmAdapter unreachable =
        factory.create(
            PluginConfig.of(factory.options(), closedPort),
            new PluginContext("rt-it", Clock.systemUTC()))) {
      assertThatThrownBy(unreachable::checkReachable).isInstanceOf(RetryableException.class);
    }
  }

  // ------------------------------------------------------------------ REST2 as root/token

  private static JsonObject rest(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", "token " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static void restPut(String path, String authorization, JsonObject body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/REST/2.0" + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isEqualTo(200);
  }

  private static Map<String, String> customFields(JsonObject record) {
    Map<String, String> values = new HashMap<>();
    for (JsonValue field : record.getJsonArray("CustomFields")) {
      JsonObject f = field.asJsonObject();
      if (!f.getJsonArray("values").isEmpty()) {
        values.put(f.getString("name"), f.getJsonArray("values").getString(0));
      }
    }
    return values;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
