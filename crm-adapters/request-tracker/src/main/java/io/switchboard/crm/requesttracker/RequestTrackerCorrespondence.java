package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.RequestTrackerRestClient.Answer;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CustomerEntry;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What the bridge writes on a ticket: a customer message is a {@code Correspond} transaction whose
 * author (Creator) is the requester, posted as a MIME e-mail to RT's mail gateway (the only RT
 * interface that records someone other than the authenticated user as the author), with the
 * idempotency key as the {@code Message-ID}; an internal note is a {@code Comment} by the API user
 * through REST2, with the idempotency key in the transaction custom field {@code Switchboard Key}.
 */
final class RequestTrackerCorrespondence {
  static final String TXN_CF_KEY = "Switchboard Key";

  private final RequestTrackerRestClient rt;
  private final String queue;
  private final RequestTrackerTickets tickets;
  private final RequestTrackerRequesters users;
  private final RequestTrackerMailGateway gateway;

  RequestTrackerCorrespondence(
      RequestTrackerRestClient rt,
      String queue,
      RequestTrackerTickets tickets,
      RequestTrackerRequesters users,
      RequestTrackerMailGateway gateway) {
    this.rt = rt;
    this.queue = queue;
    this.tickets = tickets;
    this.users = users;
    this.gateway = gateway;
  }

  /** The customer's message as the requester's Correspond; idempotent by its Message-ID. */
  String appendCustomerMessage(String ticketId, CustomerEntry entry)
      throws RetryableException, PermanentException {
    RequestTrackerTickets.requireTicketId(ticketId);
    String messageId = MailGatewayMessage.messageIdFor(entry.idempotencyKey());
    Optional<String> written = gateway.transactionWith(ticketId, messageId);
    if (written.isPresent()) {
      return written.get();
    }
    // The gateway would open a new ticket for an unknown id: make sure it exists first.
    tickets.get(ticketId);
    RtUser author =
        users
            .find(entry.requesterId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        "requester " + entry.requesterId() + " does not exist in RT", null));
    if (author.emailAddress() == null) {
      throw new PermanentException(
          "RT user " + author.name() + " has no e-mail address, which the mail gateway needs",
          null);
    }
    return gateway.correspond(
        ticketId,
        messageId,
        MailGatewayMessage.write(author.realName(), author.emailAddress(), entry),
        "the requester lacks the ReplyToTicket right on queue " + queue);
  }

  /** An internal note by the API user; idempotent by the Switchboard Key custom field. */
  String addInternalNote(String ticketId, String idempotencyKey, String text)
      throws RetryableException, PermanentException {
    RequestTrackerTickets.requireTicketId(ticketId);
    if (text == null || text.isBlank()) {
      throw new PermanentException("an internal note needs text", null);
    }
    String key =
        idempotencyKey.length() <= 200
            ? idempotencyKey
            : "sha256:" + MailGatewayMessage.sha256Hex(idempotencyKey);
    // RT records the transactions of a merged ticket on the surviving one: look for the key there.
    String effectiveId = tickets.effectiveId(ticketId);
    TicketSql sql =
        TicketSql.is("ObjectType", "RT::Ticket")
            .and(TicketSql.is("ObjectId", Long.parseLong(effectiveId)))
            .and(TicketSql.is("Type", "Comment"))
            .and(TicketSql.is(TicketSql.customField(TXN_CF_KEY), key));
    Optional<String> written =
        RtJson.firstItem(
            rt.get(
                    "/transactions?query="
                        + RequestTrackerRestClient.encode(sql.toString())
                        + "&per_page=1")
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
    answer.requireSuccess("adding an internal note to ticket " + ticketId);
    String location = answer.location();
    if (location == null || !location.matches(".*/transaction/[0-9]+/?$")) {
      throw new PermanentException(
          "RT added the note to ticket " + ticketId + " but gave no transaction id", null);
    }
    return location.replaceAll(".*/transaction/([0-9]+)/?$", "$1");
  }
}
