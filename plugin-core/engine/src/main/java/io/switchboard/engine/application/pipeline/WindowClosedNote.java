package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.templates.TemplateCommand;
import io.switchboard.engine.application.templates.TemplatePartsJson;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendWindow;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The note agents get in the CRM when their reply could not go out because the channel's window is
 * closed: since when, that free-form replies cannot reach the customer, the approved templates that
 * can (the customer's language first), and how to send one.
 */
final class WindowClosedNote {
  static final int MAX_TEMPLATES = 15;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private WindowClosedNote() {}

  /**
   * @param channel the channel's name for people, e.g. {@code WhatsApp}
   * @param approved the approved templates of the account, in the order to show them
   * @param customerLanguage the customer's language, or {@code null}
   */
  static String text(
      String channel,
      ConversationWindow window,
      List<ChannelTemplate> approved,
      String customerLanguage,
      String channelId,
      String conversationId,
      String reply) {
    StringBuilder b = new StringBuilder("This reply did not reach the customer: ");
    if (window.outsideWindows() == SendPolicy.OutsideWindows.NOTHING) {
      b.append(channel).append(" lets no message reach them until they write again.\n");
    } else {
      b.append("free-form replies cannot reach them until they write again; only an approved")
          .append(" template can.\n");
    }
    boolean anyOpened = false;
    for (ConversationWindow.Times t : window.windows()) {
      if (t.openedAt() == null) {
        continue;
      }
      anyOpened = true;
      if (t.opener() == SendWindow.Opener.CUSTOMER_MESSAGE) {
        b.append("The customer's last message was on ")
            .append(TIME.format(t.openedAt()))
            .append("; ")
            .append(channel)
            .append("'s ")
            .append(length(t.length()))
            .append(" window closed on ")
            .append(TIME.format(t.closesAt()))
            .append(".\n");
      } else {
        b.append("The customer came from an ad on ")
            .append(TIME.format(t.openedAt()))
            .append("; the ")
            .append(length(t.length()))
            .append(" free entry window it opened closed on ")
            .append(TIME.format(t.closesAt()))
            .append(".\n");
      }
    }
    if (!anyOpened) {
      b.append("The customer has not written on this channel yet.\n");
    }
    if (window.outsideWindows() == SendPolicy.OutsideWindows.TEMPLATES_ONLY) {
      templates(b, approved, customerLanguage, channelId, conversationId);
    }
    return b.append("\nReply: ").append(reply).toString();
  }

  private static void templates(
      StringBuilder b,
      List<ChannelTemplate> approved,
      String customerLanguage,
      String channelId,
      String conversationId) {
    if (approved.isEmpty()) {
      b.append("\nNo approved template is synced for this channel account: create one, then sync")
          .append(" with POST /switchboard/api/admin/channels/")
          .append(channelId)
          .append("/templates/sync.\n");
      return;
    }
    b.append("\nApproved templates")
        .append(
            customerLanguage == null
                ? ""
                : " (the customer's language, " + customerLanguage + ", first)")
        .append(":\n");
    for (ChannelTemplate t : approved.subList(0, Math.min(MAX_TEMPLATES, approved.size()))) {
      b.append("- ").append(TemplateNotes.describe(t)).append('\n');
    }
    if (approved.size() > MAX_TEMPLATES) {
      b.append("- and ")
          .append(approved.size() - MAX_TEMPLATES)
          .append(" more: GET /switchboard/api/admin/channels/")
          .append(channelId)
          .append("/templates?status=APPROVED\n");
    }
    ChannelTemplate first = approved.get(0);
    List<TemplateDefinition.Part> parts = TemplatePartsJson.partsOf(first);
    b.append("\nTo send one, reply on this ticket with /template <name> [<language>] followed by")
        .append(" its values separated by |, e.g.:\n")
        .append(TemplateCommand.usage(first.name(), first.language(), parts))
        .append("\nor through the API: POST /switchboard/api/admin/conversations/")
        .append(conversationId)
        .append("/template\n");
  }

  static String length(Duration d) {
    return d.toHours() + "-hour";
  }

  static String time(Instant at) {
    return TIME.format(at);
  }
}
