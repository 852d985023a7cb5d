package io.switchboard.spi.content;

import java.util.Objects;

/**
 * A message of a type the connector does not interpret (yet), kept with the channel's raw JSON so
 * nothing is lost.
 *
 * <pre>{@code
 * new Unsupported("poll", "{\"type\":\"poll\",...}", null)
 * }</pre>
 *
 * @param channelType the channel's own type name
 * @param rawJson the channel's JSON of the message
 * @param reason what the channel said about it (e.g. WhatsApp's error details), or {@code null}
 */
public record Unsupported(String channelType, String rawJson, String reason)
    implements InboundContent {
  public Unsupported {
    Objects.requireNonNull(channelType, "channelType");
  }

  @Override
  public String type() {
    return channelType;
  }

  @Override
  public String summary() {
    return "Unsupported message of type " + channelType + (reason == null ? "" : ": " + reason);
  }
}
