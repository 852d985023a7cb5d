package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.crm.TicketState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One open ticket per customer and channel account: a message after the ticket was solved reopens
 * it within the connection's reopen period, else the conversation ends and the message opens a new
 * one, whose ticket links to the old.
 */
@ApplicationScoped
public class TicketPolicy {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "switchboard.tickets.reopen-within", defaultValue = "P7D")
  String defaultReopenWithin;

  /**
   * Sets a connection's reopen period ({@code null}: the default).
   *
   * @return false when there is no such connection
   */
  @jakarta.transaction.Transactional
  public boolean reopenWithin(String connectionId, Duration period) {
    CrmConnection c = em.find(CrmConnection.class, connectionId);
    if (c == null) {
      return false;
    }
    c.reopenWithin(period);
    return true;
  }

  /** The reopen period of a CRM connection. */
  public Duration reopenWithin(CrmConnection connection) {
    String own = connection == null ? null : connection.reopenWithin();
    return parse(own != null ? own : defaultReopenWithin);
  }

  /**
   * Whether a customer's message at {@code now} continues this conversation (its ticket open, or
   * solved within the reopen period) rather than starting a new one.
   */
  public boolean continues(Conversation conversation, Instant now) {
    if (!needsReopen(conversation)
        || conversation.ticketStateAt() == null
        || conversation.crmConnectionId() == null) {
      return true;
    }
    CrmConnection connection = em.find(CrmConnection.class, conversation.crmConnectionId());
    return !conversation.ticketStateAt().plus(reopenWithin(connection)).isBefore(now);
  }

  /** Whether the ticket is solved and a message within the period should reopen it. */
  public static boolean needsReopen(Conversation conversation) {
    String state = conversation.crmTicketState();
    return TicketState.SOLVED.name().equals(state) || TicketState.CLOSED.name().equals(state);
  }

  /**
   * @throws IllegalArgumentException when not an ISO-8601 duration of at least zero
   */
  public static Duration parse(String period) {
    try {
      Duration d = Duration.parse(period);
      if (d.isNegative()) {
        throw new IllegalArgumentException("the reopen period " + period + " is negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the reopen period '" + period + "' is not an ISO-8601 duration such as P7D or PT12H", e);
    }
  }
}
