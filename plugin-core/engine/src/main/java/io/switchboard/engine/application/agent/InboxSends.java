package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.media.MediaSettings;
import io.switchboard.engine.application.pipeline.ConversationSends;
import io.switchboard.engine.application.pipeline.InboxRecordEffect;
import io.switchboard.engine.application.pipeline.OutboundContentJson;
import io.switchboard.engine.application.pipeline.OutboundFile;
import io.switchboard.engine.application.pipeline.OutboundMessages;
import io.switchboard.engine.domain.AgentUpload;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.content.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An agent answers from the inbox view: the text goes through {@link ConversationSends} (the
 * channel's policy asked at once) and each uploaded file through {@link OutboundMessages}, as the
 * agent (actor = login) and with the source {@code inbox:<crm>:<login>:<Idempotency-Key>[#part]},
 * so the same request never sends twice and, once sent, each message is recorded on the ticket as
 * the agent's reply ({@link InboxRecordEffect}). Internal notes are messages of direction NOTE,
 * recorded on the ticket as a comment and never sent.
 */
@ApplicationScoped
public class InboxSends {
  private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject ConversationSends sends;
  @Inject OutboundMessages outbound;
  @Inject MessageRepository messages;
  @Inject AgentUploads uploads;
  @Inject InboxRecordEffect records;
  @Inject MediaSettings media;
  @Inject Clock clock;

  /**
   * The outcome.
   *
   * @param messages the queued messages (text first, then files)
   * @param refusal the channel policy's refusal of the text, else {@code null}
   * @param errors what is wrong with the request (unknown upload), else empty
   */
  public record Outcome(List<Message> messages, SendDecision refusal, List<String> errors) {}

  @Transactional
  public Outcome reply(
      AgentSession s,
      Conversation c,
      String text,
      String replyTo,
      List<String> uploadIds,
      String idempotencyKey) {
    List<String> errors = new ArrayList<>();
    List<AgentUpload> files = new ArrayList<>();
    for (String id : uploadIds) {
      uploads
          .own(s, id)
          .ifPresentOrElse(files::add, () -> errors.add("attachments: no upload " + id));
    }
    boolean hasText = text != null && !text.isBlank();
    if (!hasText && uploadIds.isEmpty()) {
      errors.add("text: write a text or attach a file");
    }
    if (!errors.isEmpty()) {
      return new Outcome(List.of(), null, errors);
    }
    String source =
        InboxRecordEffect.SOURCE_PREFIX + s.crm() + ":" + s.login() + ":" + idempotencyKey;
    List<Message> queued = new ArrayList<>();
    if (hasText) {
      ConversationSends.Outcome o =
          sends
              .sendAs(c.id(), s.login(), new Text(text, LINK.matcher(text).find()), replyTo, source)
              .orElseThrow();
      if (o.message() == null) {
        return new Outcome(List.of(), o.refusal(), List.of());
      }
      queued.add(o.message());
    }
    int part = queued.size();
    for (AgentUpload u : files) {
      String partSource = source + "#" + part;
      Optional<Message> already = messages.bySourceEvent(c.id(), partSource);
      queued.add(already.orElseGet(() -> file(s, c, u, partSource, queued.size())));
      part++;
    }
    return new Outcome(queued, null, List.of());
  }

  private Message file(AgentSession s, Conversation c, AgentUpload u, String source, int part) {
    OutboundFile f =
        OutboundFile.fromCrm(InboxRecordEffect.UPLOAD_PREFIX + u.id(), u.fileName(), u.mimeType());
    Message m =
        outbound.send(
            c,
            s.login(),
            "file",
            "[File: " + f.label() + "]",
            OutboundContentJson.file(f),
            source,
            source,
            part);
    if (em.find(MediaObject.class, u.id()) == null) {
      em.persist(
          MediaObject.sent(
              u, m.id(), c.channelId(), clock.instant(), clock.instant().plus(media.retention())));
    }
    return m;
  }

  /** An internal note: in the timeline with {@code note:true}, and a comment on the ticket. */
  @Transactional
  public Message note(AgentSession s, Conversation c, String text) {
    Conversation attached = em.find(Conversation.class, c.id());
    Message note = Message.note(attached, s.login(), text, clock.instant());
    messages.add(note);
    records.noted(attached, note);
    return note;
  }
}
