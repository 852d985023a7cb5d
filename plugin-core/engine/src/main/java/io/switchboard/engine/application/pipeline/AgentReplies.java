package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.templates.TemplateCommand;
import io.switchboard.engine.application.templates.TemplateProblem;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.application.templates.TemplateValidator;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.AgentReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns an agent's reply into outbound messages, one per part and in order: the text first, then
 * each attached file (each its own {@code SEND_TO_CHANNEL}, so a refused file never holds back the
 * text). A text that is a {@code /template} command is sent as that template once it passed the
 * checks; a command that does not pass is recorded as a failed message and the agents get a note
 * with the reasons.
 *
 * <p>Files go without caption: their real type is known only from their bytes, at send time, and a
 * caption on a kind that takes none (audio, stickers) would be lost; as its own message the text
 * reaches the customer whatever the file turns out to be.
 */
@ApplicationScoped
public class AgentReplies {
  private static final java.util.regex.Pattern LINK =
      java.util.regex.Pattern.compile("https?://\\S+", java.util.regex.Pattern.CASE_INSENSITIVE);

  @Inject OutboundMessages outbound;
  @Inject MessageRepository messages;
  @Inject CustomerRepository customers;
  @Inject TemplateRows templates;
  @Inject FailureNotes notes;
  @Inject Clock clock;
  @Inject ReadReceipts readReceipts;

  /**
   * @return a note for the ledger row when the reply had nothing to send, else empty
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> accept(CrmConnection connection, Conversation c, AgentReply reply) {
    if (messages.byCrmEntry(c.id(), reply.eventId()).isPresent()) {
      // The second guard against echoes (the adapter's classifier is the first): this entry is
      // the engine's own record of a message an agent sent from the inbox view.
      return Optional.of(
          "agent reply "
              + reply.eventId()
              + " is the record of a message sent from the inbox view; not sent again");
    }
    boolean hasText = reply.text() != null && !reply.text().isBlank();
    if (!hasText && reply.attachments().isEmpty()) {
      return Optional.of("agent reply " + reply.eventId() + " has no text; nothing to send");
    }
    String key = Sources.crm(connection.id()) + "|" + reply.eventId();
    int part = 0;
    if (hasText) {
      if (TemplateCommand.isCommand(reply.text())) {
        templateCommand(c, reply, key);
      } else {
        // A link in the reply gets the channel's preview, as it would from a phone.
        Text text = new Text(reply.text(), LINK.matcher(reply.text()).find());
        outbound.send(
            c,
            reply.author(),
            "text",
            reply.text(),
            OutboundContentJson.text(text),
            reply.eventId(),
            key);
      }
      part++;
    }
    for (Attachment a : reply.attachments()) {
      file(c, reply, a, part == 0 ? key : key + "#" + part, part);
      part++;
    }
    readReceipts.agentAnswered(c);
    return Optional.empty();
  }

  private void file(Conversation c, AgentReply reply, Attachment a, String key, int part) {
    if (a.reference() == null) {
      // The SPI allows bytes without reference; RT always gives references. Such a file cannot be
      // fetched again at send time, so it is refused visibly rather than kept in the database.
      refused(
          c,
          reply,
          "file",
          "[File: " + a.fileName() + "]",
          null,
          FailureReason.NOT_IMPLEMENTED,
          "the CRM gave file "
              + a.fileName()
              + " without a reference: Switchboard sends only files it can fetch by reference"
              + " (not implemented)");
      return;
    }
    OutboundFile f = OutboundFile.fromCrm(a.reference(), a.fileName(), a.contentType());
    outbound.send(
        c,
        reply.author(),
        "file",
        "[File: " + f.label() + "]",
        OutboundContentJson.file(f),
        reply.eventId(),
        key,
        part);
  }

  private void templateCommand(Conversation c, AgentReply reply, String key) {
    Optional<TemplateCommand> command = TemplateCommand.parse(reply.text());
    if (command.isEmpty()) {
      refused(
          c,
          reply,
          "template",
          reply.text(),
          null,
          FailureReason.TEMPLATE_PROBLEM,
          "name the template: /template <name> [<language>] <value> | <value> ...");
      return;
    }
    String language = customers.find(c.customerId()).map(Customer::language).orElse(null);
    TemplateValidator.Checked checked =
        command.get().checkAgainst(templates.named(c.channelId(), command.get().name()), language);
    if (!checked.valid()) {
      refused(
          c,
          reply,
          "template",
          reply.text(),
          OutboundContentJson.refusedTemplate(command.get().name(), checked.problems()),
          FailureReason.TEMPLATE_PROBLEM,
          String.join("; ", checked.problems().stream().map(TemplateProblem::toString).toList()));
      return;
    }
    outbound.send(
        c,
        reply.author(),
        "template",
        checked.rendered(),
        OutboundContentJson.template(checked.content(), checked.rendered()),
        reply.eventId(),
        key);
  }

  /** A part that cannot be sent at all: a failed message, and a note to the agents. */
  private void refused(
      Conversation c,
      AgentReply reply,
      String type,
      String body,
      String contentJson,
      FailureReason reason,
      String why) {
    Message m =
        Message.toSend(
            c, reply.author(), type, body, contentJson, reply.eventId(), clock.instant());
    m.failedToSend("refused:" + reason.name(), why, clock.instant());
    m.failureReason(reason.name());
    messages.add(m);
    notes.noteOn(c, m, FailureNotes.Cause.SEND_FAILED);
  }
}
