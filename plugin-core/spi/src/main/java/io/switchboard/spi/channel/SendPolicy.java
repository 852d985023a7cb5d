package io.switchboard.spi.channel;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a channel account may send, when, and how fast: the content types it sends, its windows,
 * what is allowed outside them, and its limits. The engine checks every send against it before
 * calling the connector, and the agent view shows it (e.g. "window closes in 3 h; then templates
 * only").
 *
 * <pre>{@code
 * new SendPolicy(Set.of("text", "template"), Set.of("text", "image"),
 *     List.of(new SendWindow("customer-service", SendWindow.Opener.CUSTOMER_MESSAGE,
 *         Duration.ofHours(24), null)),
 *     OutsideWindows.TEMPLATES_ONLY, 80, Duration.ofSeconds(6), 4096,
 *     Map.of(MediaKind.IMAGE, 5L * 1024 * 1024))
 * }</pre>
 *
 * @param outboundTypes the {@link OutboundContent#type()}s the connector sends
 * @param inboundTypes the {@link io.switchboard.spi.content.InboundContent#type()}s it interprets
 *     (others arrive as {@link io.switchboard.spi.content.Unsupported})
 * @param windows the windows in which free-form messages may go out; empty: no window applies
 * @param outsideWindows what may go out when no window is open
 * @param messagesPerSecond sends per second the account may make
 * @param samePairInterval minimum spacing of sends to the same customer, or {@link Duration#ZERO}
 * @param maxTextLength the longest text message, in UTF-16 chars
 * @param maxMediaBytes the largest media per kind; a kind without entry is not limited here
 */
public record SendPolicy(
    Set<String> outboundTypes,
    Set<String> inboundTypes,
    List<SendWindow> windows,
    OutsideWindows outsideWindows,
    int messagesPerSecond,
    Duration samePairInterval,
    int maxTextLength,
    Map<MediaKind, Long> maxMediaBytes) {

  /** What a channel allows when none of its windows is open. */
  public enum OutsideWindows {
    /** Only approved templates (WhatsApp). */
    TEMPLATES_ONLY,
    /** Nothing (Messenger, Instagram). */
    NOTHING
  }

  public SendPolicy {
    outboundTypes = Set.copyOf(outboundTypes);
    inboundTypes = Set.copyOf(inboundTypes);
    windows = List.copyOf(windows);
    maxMediaBytes = Map.copyOf(maxMediaBytes);
  }

  /**
   * Whether this content may be sent now. Mark-as-read and templates are never held back by a
   * window; everything else needs an open window (the one opened last wins, so a tag is only used
   * when no untagged window is open).
   */
  public SendDecision check(OutboundContent content, ConversationFacts facts) {
    if (!outboundTypes.contains(content.type())) {
      return SendDecision.refused(
          FailureReason.UNSUPPORTED_CONTENT,
          "this channel cannot send "
              + content.type()
              + " messages (it sends "
              + outboundTypes
              + ")");
    }
    Optional<SendDecision> tooLarge = sizeProblem(content);
    if (tooLarge.isPresent()) {
      return tooLarge.get();
    }
    if (content instanceof MarkRead || content instanceof Template || windows.isEmpty()) {
      return SendDecision.allowedIn(null);
    }
    Optional<SendWindow> open = openWindow(facts);
    if (open.isPresent()) {
      return SendDecision.allowedIn(open.get());
    }
    return outsideWindows == OutsideWindows.TEMPLATES_ONLY
        ? SendDecision.refused(
            FailureReason.WINDOW_CLOSED,
            "the customer last wrote more than "
                + describe(windows.get(0).length())
                + " ago: only an approved template can reach them now")
        : SendDecision.refused(
            FailureReason.WINDOW_CLOSED,
            "the customer last wrote too long ago: the channel lets nothing reach them until they"
                + " write again");
  }

  /** The untagged window open now, else a tagged one, else empty. */
  public Optional<SendWindow> openWindow(ConversationFacts facts) {
    SendWindow tagged = null;
    for (SendWindow w : windows) {
      Instant opened =
          w.opener() == SendWindow.Opener.CUSTOMER_MESSAGE
              ? facts.lastCustomerMessageAt()
              : facts.adReferralAt();
      if (opened != null && facts.now().isBefore(opened.plus(w.length()))) {
        if (w.tag() == null) {
          return Optional.of(w);
        }
        tagged = tagged == null ? w : tagged;
      }
    }
    return Optional.ofNullable(tagged);
  }

  private Optional<SendDecision> sizeProblem(OutboundContent content) {
    if (content instanceof Text text) {
      if (text.body().isBlank()) {
        return Optional.of(
            SendDecision.refused(FailureReason.INVALID_CONTENT, "the text is empty"));
      }
      if (text.body().length() > maxTextLength) {
        return Optional.of(
            SendDecision.refused(
                FailureReason.TOO_LARGE,
                "the text has "
                    + text.body().length()
                    + " characters; this channel takes at most "
                    + maxTextLength));
      }
    }
    if (content instanceof Media media && media.size() >= 0) {
      Long limit = maxMediaBytes.get(media.kind());
      if (limit != null && media.size() > limit) {
        return Optional.of(
            SendDecision.refused(
                FailureReason.TOO_LARGE,
                media.type()
                    + " of "
                    + media.size()
                    + " bytes is over this channel's limit of "
                    + limit
                    + " bytes"));
      }
    }
    return Optional.empty();
  }

  private static String describe(Duration d) {
    return d.toHours() % 24 == 0 && d.toHours() >= 48
        ? d.toDays() + " days"
        : d.toHours() + " hours";
  }
}
