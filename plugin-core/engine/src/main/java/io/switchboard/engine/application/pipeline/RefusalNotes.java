package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.templates.TemplateLanguages;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.channel.ConversationFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;

/**
 * The text of the internal note that tells agents a message did not reach the customer: for a
 * closed window, since when and which approved templates can reach them ({@link WindowClosedNote});
 * for a {@code /template} command that did not pass the checks, each problem and the template's
 * parameters; otherwise the failure in plain words.
 */
@ApplicationScoped
public class RefusalNotes {
  @Inject PluginRegistry registry;
  @Inject TemplateRows templates;
  @Inject Clock clock;

  public String textFor(EffectRecords.Subject s) {
    Message m = s.message();
    if (FailureReason.WINDOW_CLOSED.name().equals(m.failureReason())) {
      return windowClosed(s);
    }
    if (FailureReason.TEMPLATE_PROBLEM.name().equals(m.failureReason())
        && OutboundContentJson.templateName(m) != null) {
      return templateRefused(s, OutboundContentJson.templateName(m));
    }
    return plain(m);
  }

  static String plain(Message m) {
    return "This reply did not reach the customer"
        + (m.errorCode() != null ? " (error " + m.errorCode() + ")" : "")
        + ": "
        + m.errorMessage()
        + "\n\nReply: "
        + m.body();
  }

  private String windowClosed(EffectRecords.Subject s) {
    ConversationWindow window =
        ConversationWindow.of(
            registry.connector(s.channel()).sendPolicy(),
            new ConversationFacts(
                s.conversation().lastInboundAt(),
                s.conversation().adReferralAt(),
                clock.instant()));
    String language = s.customer() == null ? null : s.customer().language();
    List<ChannelTemplate> approved =
        TemplateLanguages.customersFirst(
            templates.list(s.channel().id(), ChannelTemplate.APPROVED, null), language);
    return WindowClosedNote.text(
        ChannelKinds.displayName(ChannelKinds.of(s.channel().plugin())),
        window,
        approved,
        language,
        s.channel().id(),
        s.conversation().id(),
        s.message().body());
  }

  private String templateRefused(EffectRecords.Subject s, String name) {
    StringBuilder b = new StringBuilder("This template was not sent:\n");
    JsonObject content =
        EngineJson.PROVIDER.createReader(new StringReader(s.message().contentJson())).readObject();
    for (JsonValue v : content.getJsonArray("problems")) {
      JsonObject p = v.asJsonObject();
      b.append("- ").append(p.getString("part")).append(": ").append(p.getString("detail"));
      b.append('\n');
    }
    List<ChannelTemplate> named = templates.named(s.channel().id(), name);
    for (ChannelTemplate t : named) {
      b.append('\n')
          .append(t.name())
          .append(" (")
          .append(t.language())
          .append(", ")
          .append(t.status())
          .append(") takes:\n")
          .append(TemplateNotes.parameterList(t));
    }
    if (named.isEmpty()) {
      List<ChannelTemplate> approved =
          templates.list(s.channel().id(), ChannelTemplate.APPROVED, null);
      b.append("\nApproved templates of this channel account: ")
          .append(
              approved.isEmpty()
                  ? "none synced"
                  : String.join(
                      ", ",
                      approved.stream().map(t -> t.name() + " (" + t.language() + ")").toList()))
          .append('\n');
    }
    return b.append("\nReply: ").append(s.message().body()).toString();
  }
}
