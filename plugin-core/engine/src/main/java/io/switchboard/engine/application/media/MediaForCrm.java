package io.switchboard.engine.application.media;

import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.spi.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a customer's message as its CRM entry carries them. Decided once per file, under its
 * row lock, before the entry is written (so a retried delivery decides the same): a file stored
 * already goes with the entry; else the entry goes at once without it, says so, and an {@code
 * ATTACH_TO_CRM} effect adds the file later (enqueued here when the fetch has ended already, else
 * by the fetch when it ends).
 */
@ApplicationScoped
public class MediaForCrm {
  static final String FOLLOWS = "(The file follows in a further entry once it is fetched.)";
  static final String NOT_FETCHED =
      "(The file could not be fetched from the channel: see the internal note.)";

  @Inject MediaRepository media;
  @Inject MediaFiles files;
  @Inject MediaAttachQueue attachments;
  @Inject Clock clock;

  /** The files the entry carries, and a line for the entry when one follows separately. */
  public record InEntry(List<Attachment> files, String followUp) {
    public static final InEntry NONE = new InEntry(List.of(), null);

    /** The entry's text with the follow-up line, if any. */
    public String text(String text) {
      return followUp == null ? text : text + "\n\n" + followUp;
    }
  }

  @Transactional
  public InEntry forEntry(String messageId) {
    List<MediaObject> ofMessage = media.ofMessage(messageId);
    if (ofMessage.isEmpty()) {
      return InEntry.NONE;
    }
    List<Attachment> withEntry = new ArrayList<>();
    String followUp = null;
    for (MediaObject listed : ofMessage) {
      MediaObject m = media.lock(listed.id()).orElseThrow();
      MediaObject.CrmAttachment how = m.decideCrmAttachment(clock.instant());
      if (how == MediaObject.CrmAttachment.WITH_MESSAGE) {
        if (m.status() == MediaStatus.STORED) {
          withEntry.add(files.read(m).attachment());
        }
      } else {
        attachments.ifDue(m);
        boolean failed = m.status() == MediaStatus.UNAVAILABLE || m.status() == MediaStatus.EXPIRED;
        followUp = failed ? NOT_FETCHED : FOLLOWS;
      }
    }
    return new InEntry(withEntry, followUp);
  }
}
