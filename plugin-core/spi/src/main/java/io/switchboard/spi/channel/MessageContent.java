package io.switchboard.spi.channel;

import io.switchboard.spi.Attachment;
import java.util.List;
import java.util.Objects;

/**
 * What a message says, independent of the channel.
 *
 * <pre>{@code
 * MessageContent.text("Where is my order 4567?")
 * new MessageContent("image", "Broken lid", List.of(photo), null)
 * }</pre>
 *
 * @param type the message type: {@code text}, {@code image}, {@code document}, ... or the channel's
 *     own name for a type Switchboard does not know yet (kept, never dropped)
 * @param text the text, caption or a readable summary; may be {@code null}
 * @param attachments files carried by the message, possibly empty
 * @param rawJson the channel's original JSON for the message, kept for types the engine does not
 *     interpret; may be {@code null}
 */
public record MessageContent(
    String type, String text, List<Attachment> attachments, String rawJson) {

  public MessageContent {
    Objects.requireNonNull(type, "type");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A plain text message. */
  public static MessageContent text(String text) {
    return new MessageContent("text", text, List.of(), null);
  }
}
