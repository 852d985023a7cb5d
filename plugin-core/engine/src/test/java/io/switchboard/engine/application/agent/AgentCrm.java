package io.switchboard.engine.application.agent;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.SignedInAgent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRM at the SPI level that signs agents on (a token is {@code "ok:<login>:<team>,<team>"}) and
 * knows each ticket's queue, counting how often it was asked.
 */
final class AgentCrm implements CrmAdapter, AgentSignOn, Assignments {
  final Map<String, String> queues = new HashMap<>();
  final List<String> askedFor = new ArrayList<>();

  @Override
  public SignedInAgent verify(String token, Instant now) throws PermanentException {
    if (token == null || !token.startsWith("ok:")) {
      throw new PermanentException("bad signature", null);
    }
    String[] parts = token.split(":");
    return new SignedInAgent(
        parts[1],
        "Agent " + parts[1],
        parts[1] + "@example.com",
        List.of(parts[2].split(",")),
        now);
  }

  @Override
  public String ticketUrl(String ticketId) {
    return "http://rt.example/Ticket/Display.html?id=" + ticketId;
  }

  @Override
  public List<String> frameOrigins() {
    return List.of("http://rt.example");
  }

  @Override
  public Assignment assignment(String ticketId) {
    askedFor.add(ticketId);
    String queue = queues.get(ticketId);
    return queue == null ? null : new Assignment(null, queue);
  }

  @Override
  public void assign(String ticketId, Assignment assignment) {}

  @Override
  public String addInternalNote(String ticketId, String idempotencyKey, String text) {
    return "note";
  }

  @Override
  public String upsertRequester(Requester requester) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String openTicket(TicketSpec ticket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String appendCustomerMessage(String ticketId, CustomerEntry entry) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isAuthentic(WebhookRequest request) {
    return false;
  }

  @Override
  public List<CrmEvent> parseWebhook(byte[] body) {
    return List.of();
  }

  @Override
  public PollResult poll(String cursor) {
    return new PollResult(List.of(), cursor);
  }

  @Override
  public void checkReachable() {}
}
