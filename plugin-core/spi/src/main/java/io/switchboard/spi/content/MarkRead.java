package io.switchboard.spi.content;

import java.util.Objects;

/**
 * Tells the customer we read their message (blue ticks); sends no message of its own.
 *
 * <pre>{@code
 * new MarkRead("wamid.HBgL...", true)
 * }</pre>
 *
 * @param externalId the channel id of the customer's message
 * @param showTyping also show a typing indicator, where the channel has one
 */
public record MarkRead(String externalId, boolean showTyping) implements OutboundContent {
  public MarkRead {
    Objects.requireNonNull(externalId, "externalId");
  }

  @Override
  public String type() {
    return "mark_read";
  }
}
