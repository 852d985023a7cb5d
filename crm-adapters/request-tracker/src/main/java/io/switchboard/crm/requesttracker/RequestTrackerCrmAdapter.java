package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.RequestTrackerRestClient.Answer;
import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.crm.requesttracker.model.RtTransaction;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.crm.requesttracker.model.RtWebhookEvent;
import io.switchboard.spi.Attachment;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A connection to one queue of a Request Tracker 5 instance through REST2 (and RT's mail gateway
 * for customer messages).
 *
 * <p>What it writes in RT:
 *
 * <ul>
 *   <li>a requester is an unprivileged RT user named {@code wa-<WhatsApp id>} (or {@code ph-<phone
 *       digits>}, {@code <channel>-<id>}, {@code sb-<customer id>} when there is no WhatsApp id),
 *       with RealName, MobilePhone (E.164), the user custom fields {@code WhatsApp Id} and {@code
 *       Preferred Language}, and the address {@code <name>@example.invalid}: the {@code .invalid}
 *       top-level domain can never receive mail (RFC 2606), so RT's notifications never reach a
 *       customer by e-mail, yet the address identifies the user uniquely for the mail gateway;
 *   <li>a conversation is a ticket in the configured queue with the requestor and the ticket custom
 *       fields {@code Channel}, {@code Customer Phone} and {@code Conversation Id}; an active
 *       ticket with the same {@code Conversation Id} is reused;
 *   <li>a customer message is a {@code Correspond} transaction whose author (Creator) is the
 *       requester, posted as a MIME e-mail to RT's mail gateway (the only RT interface that records
 *       someone other than the authenticated user as the author); attachments are MIME parts, and
 *       the idempotency key travels as the {@code Message-ID};
 *   <li>an internal note is a {@code Comment} by the API user through REST2, with the idempotency
 *       key in the transaction custom field {@code Switchboard Key}.
 * </ul>
 *
 * <p>Agents' replies come back through the webhook scrip or {@link #poll}; {@link
 * RequestTrackerEventClassifier} keeps the adapter's own writes out (echo-loop guard).
 */
public final class RequestTrackerCrmAdapter implements CrmAdapter {
  static final String CF_CHANNEL = "Channel";
  static final String CF_CUSTOMER_PHONE = "Customer Phone";
  static final String CF_CONVERSATION_ID = "Conversation Id";
  static final String USER_CF_WHATSAPP_ID = "WhatsApp Id";
  static final String USER_CF_LANGUAGE = "Preferred Language";
  static final String TXN_CF_KEY = "Switchboard Key";
  static final String SIGNATURE_HEADER = "X-RT-Signature";

  private static final int POLL_PAGE = 100;
  private static final int POLL_MAX_PAGES = 5;
  private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern FAILURE_MESSAGE =
      Pattern.compile(
          "(?i)\\b(unable|not found|couldn't|could not|permission denied|failed|no permission)\\b");

  private final RequestTrackerRestClient rt;
  private final String queue;
  private final String apiUser;
  private final byte[] webhookSecret;
  private final PluginContext context;
  private final RequestTrackerEventClassifier classifier;

  RequestTrackerCrmAdapter(
      RequestTrackerRestClient rt,
      String queue,
      String apiUser,
      String webhookSecret,
      PluginContext context) {
    this.rt = rt;
    this.queue = queue;
    this.apiUser = apiUser;
    this.webhookSecret =
        webhookSecret == null ? null : webhookSecret.getBytes(StandardCharsets.UTF_8);
    this.context = context;
    this.classifier = new RequestTrackerEventClassifier(apiUser);
  }

  // ---------------------------------------------------------------- requesters

  @Override
  public String upsertRequester(Requester requester) throws RetryableException, PermanentException {
    String name = requesterName(requester);
    Map<String, String> fields = new LinkedHashMap<>();
    String whatsAppId = requester.channelIds().get("whatsapp");
    if (whatsAppId != null) {
      fields.put(USER_CF_WHATSAPP_ID, whatsAppId);
    }
    if (requester.language() != null) {
      fields.put(USER_CF_LANGUAGE, requester.language());
    }
    String path = "/user/" + RequestTrackerRestClient.encode(name);
    Optional<RtUser> current = findUser(path);
    if (current.isEmpty()) {
      RtUser wanted =
          new RtUser(
              name,
              requester.displayName(),
              name + "@example.invalid",
              requester.phoneE164(),
              fields);
      try {
        rt.post("/user", wanted.toCreateJson());
      } catch (PermanentException refused) {
        // Another caller may have created it meanwhile: then it is there now.
        if (findUser(path).isEmpty()) {
          throw refused;
        }
      }
      RtUser stored = findUser(path).orElseThrow(() -> notStored("user " + name));
      requireStored(wanted, stored);
      return name;
    }
    // The address stays as it is once set: the mail gateway finds the requester by it.
    String email = current.get().emailAddress() == null ? name + "@example.invalid" : null;
    RtUser wanted = new RtUser(name, requester.displayName(), email, requester.phoneE164(), fields);
    if (!wanted.isSatisfiedBy(current.get())) {
      requireSuccess(rt.put(path, wanted.toUpdateJson()).messages(), "updating RT user " + name);
    }
    return name;
  }

  /** The RT user name of a customer: deterministic, so every upsert finds the same user. */
  static String requesterName(Requester requester) {
    String whatsApp = requester.channelIds().get("whatsapp");
    if (whatsApp != null && !whatsApp.isBlank()) {
      return "wa-" + safe(whatsApp);
    }
    if (requester.phoneE164() != null && requester.phoneE164().matches("\\+?[0-9 ()-]{4,}")) {
      return "ph-" + requester.phoneE164().replaceAll("[^0-9]", "");
    }
    Optional<Map.Entry<String, String>> other =
        requester.channelIds().entrySet().stream().min(Map.Entry.comparingByKey());
    if (other.isPresent()) {
      return safe(other.get().getKey()) + "-" + safe(other.get().getValue());
    }
    return "sb-" + safe(requester.customerId());
  }

  private static String safe(String text) {
    return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
  }

  private Optional<RtUser> findUser(String path) throws RetryableException, PermanentException {
    Optional<Answer> answer = rt.find(path);
    return answer.isEmpty()
        ? Optional.empty()
        : Optional.of(RtUser.fromJson(answer.get().object()));
  }

  private static void requireStored(RtUser wanted, RtUser stored) throws PermanentException {
    if (!wanted.isSatisfiedBy(stored)) {
      throw new PermanentException(
          "RT created user "
              + wanted.name()
              + " but did not store all its fields (wanted custom fields "
              + wanted.customFields().keySet()
              + ", got "
              + stored.customFields().keySet()
              + "): are the user custom fields "
              + USER_CF_WHATSAPP_ID
              + " and "
              + USER_CF_LANGUAGE
              + " defined and visible to the API user?",
          null);
    }
  }

  // ---------------------------------------------------------------- tickets

  @Override
  public String openTicket(TicketSpec ticket) throws RetryableException, PermanentException {
    Optional<String> existing = findActiveTicket(ticket.conversationId());
    if (existing.isPresent()) {
      return existing.get();
    }
    JsonObjectBuilder fields = RtJson.JSON.createObjectBuilder();
    fields.add(CF_CONVERSATION_ID, ticket.conversationId());
    if (ticket.channel() != null) {
      fields.add(CF_CHANNEL, ticket.channel());
    }
    if (ticket.customerPhone() != null) {
      fields.add(CF_CUSTOMER_PHONE, ticket.customerPhone());
    }
    JsonObject create =
        RtJson.JSON
            .createObjectBuilder()
            .add("Queue", queue)
            .add("Subject", ticket.subject())
            .add("Requestor", ticket.requesterId())
            .add("CustomFields", fields)
            .build();
    String id = RtJson.text(rt.post("/ticket", create).object(), "id");
    if (id == null) {
      throw notStored("ticket");
    }
    RtTicket stored = RtTicket.fromJson(rt.get("/ticket/" + id).object());
    if (!ticket.conversationId().equals(stored.customField(CF_CONVERSATION_ID))) {
      throw new PermanentException(
          "RT created ticket "
              + id
              + " but did not store its custom field "
              + CF_CONVERSATION_ID
              + ": is that ticket custom field applied to queue "
              + queue
              + "? Without it conversations cannot find their ticket again.",
          null);
    }
    return id;
  }

  private Optional<String> findActiveTicket(String conversationId)
      throws RetryableException, PermanentException {
    String sql =
        "Queue = "
            + quote(queue)
            + " AND CF.{"
            + CF_CONVERSATION_ID
            + "} = "
            + quote(conversationId)
            + " AND Status = '__Active__'";
    return RtJson.firstItem(
        rt.get(
                "/tickets?query="
                    + RequestTrackerRestClient.encode(sql)
                    + "&orderby=id&order=ASC&per_page=1&fields=Status")
            .object(),
        "id");
  }

  // ---------------------------------------------------------------- messages and notes

  @Override
  public String appendCustomerMessage(String ticketId, CustomerEntry entry)
      throws RetryableException, PermanentException {
    requireTicketId(ticketId);
    String messageId = MailGatewayMessage.messageIdFor(entry.idempotencyKey());
    Optional<String> written = findTransactionByMessageId(ticketId, messageId);
    if (written.isPresent()) {
      return written.get();
    }
    // The gateway would open a new ticket for an unknown id: make sure it exists first.
    rt.get("/ticket/" + ticketId);
    RtUser author =
        findUser("/user/" + RequestTrackerRestClient.encode(entry.requesterId()))
            .orElseThrow(
                () ->
                    new PermanentException(
                        "requester " + entry.requesterId() + " does not exist in RT", null));
    if (author.emailAddress() == null) {
      throw new PermanentException(
          "RT user " + author.name() + " has no e-mail address, which the mail gateway needs",
          null);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("queue", queue);
    form.put("action", "correspond");
    form.put("ticket", ticketId);
    form.put("message", MailGatewayMessage.write(author.realName(), author.emailAddress(), entry));
    String result = rt.postMailGateway(form).body().trim();
    if (result.startsWith("ok")) {
      return findTransactionByMessageId(ticketId, messageId)
          .orElseThrow(
              () ->
                  new RetryableException(
                      "RT's mail gateway accepted the message for ticket "
                          + ticketId
                          + " but its transaction cannot be found yet",
                      null));
    }
    if (result.startsWith("temporary failure")) {
      throw new RetryableException("RT's mail gateway: " + result, null);
    }
    throw new PermanentException(
        "RT's mail gateway refused the customer message for ticket "
            + ticketId
            + ": "
            + RequestTrackerRestClient.abbreviate(result)
            + " (RT logs the reason; usually the requester lacks the ReplyToTicket right on queue "
            + queue
            + ", or the gateway is blocked)",
        null);
  }

  private Optional<String> findTransactionByMessageId(String ticketId, String messageId)
      throws RetryableException, PermanentException {
    JsonArray query =
        RtJson.JSON
            .createArrayBuilder()
            .add(
                RtJson.JSON.createObjectBuilder().add("field", "MessageId").add("value", messageId))
            .build();
    return RtJson.firstItem(
        rt.post("/ticket/" + ticketId + "/attachments?fields=TransactionId&per_page=1", query)
            .object(),
        "TransactionId");
  }

  @Override
  public String addInternalNote(String ticketId, String idempotencyKey, String text)
      throws RetryableException, PermanentException {
    requireTicketId(ticketId);
    if (text == null || text.isBlank()) {
      throw new PermanentException("an internal note needs text", null);
    }
    String key =
        idempotencyKey.length() <= 200
            ? idempotencyKey
            : "sha256:" + MailGatewayMessage.sha256Hex(idempotencyKey);
    String sql =
        "ObjectType = 'RT::Ticket' AND ObjectId = "
            + ticketId
            + " AND Type = 'Comment' AND CF.{"
            + TXN_CF_KEY
            + "} = "
            + quote(key);
    Optional<String> written =
        RtJson.firstItem(
            rt.get("/transactions?query=" + RequestTrackerRestClient.encode(sql) + "&per_page=1")
                .object(),
            "id");
    if (written.isPresent()) {
      return written.get();
    }
    JsonObject comment =
        RtJson.JSON
            .createObjectBuilder()
            .add("Content", text)
            .add("ContentType", "text/plain")
            .add("TxnCustomFields", RtJson.JSON.createObjectBuilder().add(TXN_CF_KEY, key))
            .build();
    Answer answer = rt.post("/ticket/" + ticketId + "/comment", comment);
    requireSuccess(answer.messages(), "adding an internal note to ticket " + ticketId);
    String location = answer.location();
    if (location == null || !location.matches(".*/transaction/[0-9]+/?$")) {
      throw new PermanentException(
          "RT added the note to ticket " + ticketId + " but gave no transaction id", null);
    }
    return location.replaceAll(".*/transaction/([0-9]+)/?$", "$1");
  }

  // ---------------------------------------------------------------- webhooks

  @Override
  public boolean isAuthentic(WebhookRequest request) {
    if (webhookSecret == null) {
      return false;
    }
    Optional<String> header = request.header(SIGNATURE_HEADER);
    if (header.isEmpty() || !header.get().trim().startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.get().trim().substring("sha256=".length()));
    } catch (IllegalArgumentException garbled) {
      return false;
    }
    return MessageDigest.isEqual(given, hmacSha256(webhookSecret, request.body()));
  }

  static byte[] hmacSha256(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  @Override
  public List<CrmEvent> parseWebhook(byte[] body) throws MalformedPayloadException {
    JsonValue json;
    try (JsonReader reader = RtJson.JSON.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("the RT webhook body is not JSON: " + e.getMessage(), e);
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedPayloadException(
          "the RT webhook body is a JSON " + json.getValueType() + ", not an object", null);
    }
    RtWebhookEvent event;
    try {
      event = RtWebhookEvent.fromJson(json.asJsonObject());
    } catch (IllegalArgumentException missing) {
      throw new MalformedPayloadException(missing.getMessage(), missing);
    }
    if (event.queue() != null && !event.queue().equalsIgnoreCase(queue)) {
      return List.of(); // another queue's ticket: not this connection's business
    }
    List<Attachment> files = new ArrayList<>();
    for (RtAttachment file : event.attachments()) {
      files.add(attachmentReference(file));
    }
    RequestTrackerTicketChange change =
        new RequestTrackerTicketChange(
            event.transactionId(),
            event.ticketId(),
            event.event(),
            event.field(),
            event.creator(),
            instant(event.created()),
            event.content(),
            files,
            event.requestors(),
            event.owner());
    return classifier.classify(change).map(List::of).orElse(List.of());
  }

  // ---------------------------------------------------------------- polling

  @Override
  public PollResult poll(String cursor) throws RetryableException, PermanentException {
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
    Map<String, List<String>> requestorsByTicket = new HashMap<>();
    Map<String, String> userNames = new HashMap<>();
    for (int page = 0; page < POLL_MAX_PAGES; page++) {
      List<RtTransaction> batch = transactionsAfter(after);
      for (RtTransaction txn : batch) {
        after = Math.max(after, Long.parseLong(txn.id()));
        if (classifier.mayConcernAgents(txn.type(), txn.field(), txn.creator())) {
          toChange(txn, requestorsByTicket, userNames)
              .flatMap(classifier::classify)
              .ifPresent(events::add);
        }
      }
      if (batch.size() < POLL_PAGE) {
        break;
      }
    }
    return new PollResult(events, String.valueOf(after));
  }

  private long highestTransactionId() throws RetryableException, PermanentException {
    String sql = "ObjectType = 'RT::Ticket' AND id > 0";
    return RtJson.firstItem(
            rt.get(
                    "/transactions?query="
                        + RequestTrackerRestClient.encode(sql)
                        + "&orderby=id&order=DESC&per_page=1")
                .object(),
            "id")
        .map(Long::parseLong)
        .orElse(0L);
  }

  private List<RtTransaction> transactionsAfter(long after)
      throws RetryableException, PermanentException {
    String sql =
        "ObjectType = 'RT::Ticket' AND TicketQueue = "
            + quote(queue)
            + " AND id > "
            + after
            + " AND (Type = 'Correspond' OR (Type = 'Set' AND Field = 'Owner') OR Type = 'Give'"
            + " OR Type = 'Take' OR Type = 'Steal' OR Type = 'Untake')";
    JsonArray items =
        rt.get(
                "/transactions?query="
                    + RequestTrackerRestClient.encode(sql)
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

  private Optional<RequestTrackerTicketChange> toChange(
      RtTransaction txn,
      Map<String, List<String>> requestorsByTicket,
      Map<String, String> userNames)
      throws RetryableException, PermanentException {
    String ticketId = txn.objectId();
    if ("Correspond".equals(txn.type())) {
      List<String> requestors = requestorsByTicket.get(ticketId);
      if (requestors == null) {
        requestors = RtTicket.fromJson(rt.get("/ticket/" + ticketId).object()).requestors();
        requestorsByTicket.put(ticketId, requestors);
      }
      if (requestors.stream().anyMatch(r -> r.equalsIgnoreCase(txn.creator()))) {
        return Optional.empty(); // the customer's own message, written by this adapter
      }
      JsonArray parts =
          rt.get(
                  "/transaction/"
                      + txn.id()
                      + "/attachments?fields=ContentType,Content,Filename&per_page=100")
              .object()
              .getJsonArray("items");
      String text = null;
      List<Attachment> files = new ArrayList<>();
      for (JsonValue item : parts == null ? List.<JsonValue>of() : parts) {
        RtAttachment part = RtAttachment.fromJson(item.asJsonObject());
        if (part.isFile()) {
          files.add(attachmentReference(part));
        } else if (text == null
            && part.content() != null
            && !part.content().isEmpty()
            && part.contentType() != null
            && part.contentType().toLowerCase(Locale.ROOT).startsWith("text/plain")) {
          text = part.content();
        }
      }
      return Optional.of(
          new RequestTrackerTicketChange(
              txn.id(),
              ticketId,
              txn.type(),
              txn.field(),
              txn.creator(),
              instant(txn.created()),
              text,
              files,
              requestors,
              null));
    }
    String owner = txn.newValue() == null ? null : userName(txn.newValue(), userNames);
    return Optional.of(
        new RequestTrackerTicketChange(
            txn.id(),
            ticketId,
            txn.type(),
            txn.field(),
            txn.creator(),
            instant(txn.created()),
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
      Optional<RtUser> user = findUser("/user/" + RequestTrackerRestClient.encode(userId));
      known = user.map(RtUser::name).orElse(userId);
      cache.put(userId, known);
    }
    return known;
  }

  // ---------------------------------------------------------------- health

  @Override
  public void checkReachable() throws RetryableException, PermanentException {
    rt.get("/rt");
    if (rt.find("/queue/" + RequestTrackerRestClient.encode(queue)).isEmpty()) {
      throw new PermanentException(
          "RT has no queue " + queue + " that the API user " + apiUser + " can see", null);
    }
  }

  @Override
  public void close() {
    rt.close();
  }

  @Override
  public String toString() {
    return "RequestTrackerCrmAdapter[" + context.connectionId() + ", queue " + queue + "]";
  }

  // ---------------------------------------------------------------- helpers

  private static Attachment attachmentReference(RtAttachment file) {
    return new Attachment(
        file.filename(), file.contentType(), -1, "rt-attachment:" + file.id(), null);
  }

  private Instant instant(String rtDate) {
    if (rtDate != null) {
      try {
        return Instant.parse(rtDate);
      } catch (DateTimeParseException notIso) {
        // RT's older "YYYY-MM-DD hh:mm:ss" (UTC) form
        try {
          return Instant.parse(rtDate.trim().replace(' ', 'T') + "Z");
        } catch (DateTimeParseException garbled) {
          // fall through to the clock
        }
      }
    }
    return context.clock().instant();
  }

  /** A TicketSQL string literal. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static void requireTicketId(String ticketId) throws PermanentException {
    if (ticketId == null || !TICKET_ID.matcher(ticketId).matches()) {
      throw new PermanentException("\"" + ticketId + "\" is not an RT ticket id", null);
    }
  }

  /** RT answers some failed updates with HTTP 200/201 and a sentence: catch those. */
  private static void requireSuccess(List<String> messages, String what) throws PermanentException {
    for (String message : messages) {
      if (FAILURE_MESSAGE.matcher(message).find()) {
        throw new PermanentException("RT reported a problem " + what + ": " + message, null);
      }
    }
  }

  private static PermanentException notStored(String what) {
    return new PermanentException(
        "RT did not return the " + what + " it was asked to create", null);
  }
}
