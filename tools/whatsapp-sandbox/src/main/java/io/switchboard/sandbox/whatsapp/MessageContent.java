package io.switchboard.sandbox.whatsapp;

import java.util.Map;

/**
 * What a message says, whichever way it went: its WhatsApp type ({@code text}, {@code image},
 * {@code template}, ...), a one-line summary for people (chat list, ticket-like views), the type's
 * object in Meta's shape (what the webhook or the Graph request carries under the type's name) and
 * the wamid it quotes, if any.
 *
 * <p>Example: {@code MessageContent.text("Hi")} is type {@code text} with payload {@code
 * {"body":"Hi"}}.
 *
 * @param replyTo the wamid of the quoted message ({@code context}), or null
 */
public record MessageContent(
    String type, String summary, Map<String, Object> payload, String replyTo) {

  /** A plain text message. */
  public static MessageContent text(String body) {
    return new MessageContent("text", body, Map.of("body", body), null);
  }

  /** The same content quoting {@code wamid}. */
  public MessageContent replyingTo(String wamid) {
    return new MessageContent(type, summary, payload, wamid);
  }
}
