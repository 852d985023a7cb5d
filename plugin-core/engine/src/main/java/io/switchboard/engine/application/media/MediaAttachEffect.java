package io.switchboard.engine.application.media;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.EffectRecords;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CustomerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code ATTACH_TO_CRM}: a file fetched after its message reached the ticket is added as a further
 * customer entry ("File of the customer's message of ..."); a file that could not be fetched gets
 * an internal note saying why and how to retry. Enqueued only once the fetch has ended; it waits
 * (retrying) only for its message's own entry, so the file never comes before the message.
 */
@ApplicationScoped
public class MediaAttachEffect {
  @Inject EffectRecords records;
  @Inject MediaFiles files;
  @Inject PluginRegistry registry;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    MediaObject m =
        files
            .find(entry.subjectId())
            .orElseThrow(
                () ->
                    new PermanentException("media " + entry.subjectId() + " does not exist", null));
    EffectRecords.Subject s = records.load(m.messageId());
    if (s.crm() == null) {
      return "no CRM connection";
    }
    Message message = s.message();
    String ticketId = s.conversation().crmTicketId();
    if (message.crmEntryId() == null || ticketId == null || s.requesterId() == null) {
      throw new RetryableException(
          "waiting for the customer's message " + message.id() + " to reach the ticket first",
          null);
    }
    CrmAdapter crm = registry.adapter(s.crm());
    String when = message.sentAt().truncatedTo(ChronoUnit.SECONDS).toString();
    switch (m.status()) {
      case STORED -> {
        MediaFiles.StoredFile file = files.read(m);
        String id =
            crm.appendCustomerMessage(
                ticketId,
                new CustomerEntry(
                    "media:" + m.id() + "|file",
                    s.requesterId(),
                    "File of the customer's message of " + when + ": " + message.body(),
                    List.of(file.attachment()),
                    message.sentAt()));
        return "ticket " + ticketId + ", file entry " + id;
      }
      case UNAVAILABLE, EXPIRED -> {
        String id =
            crm.addInternalNote(
                ticketId,
                "media:" + m.id() + "|unavailable:" + m.fetchRound(),
                MediaNotes.unavailable(m, message.body(), when));
        return "ticket " + ticketId + ", note " + id;
      }
      default -> {
        return "fetched again after a retry: its outcome attaches it";
      }
    }
  }
}
