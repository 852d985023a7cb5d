package io.switchboard.engine.application.media;

import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRM at the SPI that keeps what it was given, idempotent as the contract asks: the same key
 * never makes a second entry or note.
 */
public final class TestCrm implements CrmAdapter {
  /** A ticket's entry or note, in the order they were written. */
  public record Written(String ticketId, String key, String text, CustomerEntry entry) {
    public boolean isNote() {
      return entry == null;
    }
  }

  public final Map<String, Written> byKey = Collections.synchronizedMap(new LinkedHashMap<>());

  public List<Written> written() {
    synchronized (byKey) {
      return new ArrayList<>(byKey.values());
    }
  }

  /** All files attached on any entry, in order. */
  public List<io.switchboard.spi.Attachment> files() {
    return written().stream()
        .filter(w -> !w.isNote())
        .flatMap(w -> w.entry().attachments().stream())
        .toList();
  }

  @Override
  public String upsertRequester(Requester requester) {
    return "req-1";
  }

  @Override
  public String openTicket(TicketSpec ticket) {
    return "T-1";
  }

  @Override
  public String appendCustomerMessage(String ticketId, CustomerEntry entry) {
    byKey.putIfAbsent(
        entry.idempotencyKey(), new Written(ticketId, entry.idempotencyKey(), entry.text(), entry));
    return "E-" + (new ArrayList<>(byKey.keySet()).indexOf(entry.idempotencyKey()) + 1);
  }

  @Override
  public String addInternalNote(String ticketId, String idempotencyKey, String text) {
    byKey.putIfAbsent(idempotencyKey, new Written(ticketId, idempotencyKey, text, null));
    return "N-" + (new ArrayList<>(byKey.keySet()).indexOf(idempotencyKey) + 1);
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
