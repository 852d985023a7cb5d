package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.ReplyRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agent's reply sent from the bridge's inbox view, recorded on the ticket as an RT {@code
 * Correspond} <em>by that agent</em>: a mail from the agent's RT address through the mail gateway,
 * as customer messages are written from the requester's, so the ticket reads as if the agent had
 * answered in RT (author, "last updated by", RT's reply statistics). REST2 cannot do this: it
 * records the API user.
 *
 * <p>Idempotent by the Message-ID made from the key (searched before posting). The same Message-ID
 * keeps the record out of the agent events: a {@code Correspond} whose Message-ID is the bridge's
 * ({@link MailGatewayMessage#isBridgeMessageId}) is never an {@code AgentReply}, or the customer
 * would get the reply a second time ({@link RequestTrackerEventClassifier}).
 *
 * <p>Agents' addresses are read with REST2 {@code /user/<login>} and kept for {@link #CACHE_FOR}:
 * the gateway finds the author by address, and a stale one would make RT create a new user.
 */
final class RequestTrackerReplyRecords implements ReplyRecords {
  static final Duration CACHE_FOR = Duration.ofMinutes(10);

  private record Known(RtUser agent, Instant until) {}

  private final RequestTrackerTickets tickets;
  private final RequestTrackerRequesters users;
  private final RequestTrackerMailGateway gateway;
  private final Clock clock;
  private final Map<String, Known> agents = new ConcurrentHashMap<>();

  RequestTrackerReplyRecords(
      RequestTrackerTickets tickets,
      RequestTrackerRequesters users,
      RequestTrackerMailGateway gateway,
      Clock clock) {
    this.tickets = tickets;
    this.users = users;
    this.gateway = gateway;
    this.clock = clock;
  }

  @Override
  public String recordAgentReply(
      String ticketId,
      String idempotencyKey,
      String agentLogin,
      String text,
      List<Attachment> attachments)
      throws RetryableException, PermanentException {
    RequestTrackerTickets.requireTicketId(ticketId);
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new PermanentException("an agent reply needs an idempotency key", null);
    }
    List<Attachment> files = attachments == null ? List.of() : attachments;
    if ((text == null || text.isBlank()) && files.isEmpty()) {
      throw new PermanentException("an agent reply needs text or a file", null);
    }
    String messageId = MailGatewayMessage.messageIdFor(idempotencyKey);
    Optional<String> written = gateway.transactionWith(ticketId, messageId);
    if (written.isPresent()) {
      return written.get();
    }
    // The gateway would open a new ticket for an unknown id: make sure it exists first.
    tickets.get(ticketId);
    RtUser agent = agent(agentLogin);
    return gateway.correspond(
        ticketId,
        messageId,
        MailGatewayMessage.write(
            agent.realName(),
            agent.emailAddress(),
            "Reply from the Switchboard inbox",
            idempotencyKey,
            clock.instant(),
            text,
            files),
        "the agent " + agent.name() + " lacks the ReplyToTicket right on the ticket's queue");
  }

  /** The agent's RT user: privileged, with an address (the gateway's only way to know them). */
  private RtUser agent(String login) throws RetryableException, PermanentException {
    if (login == null || login.isBlank()) {
      throw new PermanentException("an agent reply needs the agent's RT login", null);
    }
    Instant now = clock.instant();
    Known known = agents.get(login);
    if (known != null && now.isBefore(known.until())) {
      return known.agent();
    }
    RtUser agent =
        users
            .find(login)
            .orElseThrow(
                () ->
                    new PermanentException(
                        "RT has no user " + login, null, null, FailureReason.NOT_FOUND));
    if (!agent.privileged()) {
      throw new PermanentException(
          "RT user " + login + " is not privileged (staff): replies are recorded only as agents'",
          null);
    }
    if (agent.emailAddress() == null) {
      throw new PermanentException(
          "RT user "
              + login
              + " has no e-mail address, which the mail gateway needs to record the reply as"
              + " theirs",
          null);
    }
    agents.put(login, new Known(agent, now.plus(CACHE_FOR)));
    return agent;
  }
}
