package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.PollResult;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.capability.AttachmentSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRM at the SPI level: keeps the files agents attached (by {@code rt-attachment:<id>}) and the
 * internal notes written, once per idempotency key, as RT does with its Switchboard Key field.
 */
final class TestCrm implements CrmAdapter, AttachmentSource {
  final Map<String, Attachment> files = new LinkedHashMap<>();
  final Map<String, String> notes = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> fetched = Collections.synchronizedList(new ArrayList<>());

  /** The CRM's record of replies sent elsewhere, when a test gives it one. */
  io.switchboard.spi.crm.capability.ReplyRecords replyRecords;

  @Override
  public <T> java.util.Optional<T> capability(Class<T> type) {
    if (type == io.switchboard.spi.crm.capability.ReplyRecords.class) {
      return java.util.Optional.ofNullable(replyRecords).map(type::cast);
    }
    return CrmAdapter.super.capability(type);
  }

  /** A file an agent attached; returns its reference. */
  Attachment attach(String id, String fileName, String claimedType, byte[] bytes) {
    String reference = "rt-attachment:" + id;
    files.put(reference, new Attachment(fileName, claimedType, bytes.length, reference, bytes));
    return new Attachment(fileName, claimedType, -1, reference, null);
  }

  @Override
  public Attachment fetchAttachment(Attachment reference) throws PermanentException {
    fetched.add(reference.reference());
    Attachment a = files.get(reference.reference());
    if (a == null) {
      throw new PermanentException("no attachment " + reference.reference(), null);
    }
    return a;
  }

  @Override
  public String addInternalNote(String ticketId, String idempotencyKey, String text) {
    notes.putIfAbsent(idempotencyKey, text);
    return "entry-" + notes.size();
  }

  @Override
  public String upsertRequester(Requester requester) {
    throw new UnsupportedOperationException("not used here");
  }

  @Override
  public String openTicket(TicketSpec ticket) {
    throw new UnsupportedOperationException("not used here");
  }

  @Override
  public String appendCustomerMessage(String ticketId, CustomerEntry entry) {
    throw new UnsupportedOperationException("not used here");
  }

  @Override
  public boolean isAuthentic(WebhookRequest request) {
    return false;
  }

  @Override
  public List<CrmEvent> parseWebhook(byte[] body) throws MalformedPayloadException {
    return List.of();
  }

  @Override
  public PollResult poll(String cursor) {
    return new PollResult(List.of(), cursor);
  }

  @Override
  public void checkReachable() {}
}
