package io.switchboard.spi.content;

import java.util.Objects;

/**
 * An emoji reaction on an earlier message (the customer's or ours). An empty emoji removes it.
 *
 * <pre>{@code
 * new Reaction("wamid.HBgL...", "👍")   // added
 * new Reaction("wamid.HBgL...", "")     // removed
 * }</pre>
 *
 * @param targetExternalId the channel id of the message reacted to
 * @param emoji the emoji, or an empty string when the reaction was removed
 */
public record Reaction(String targetExternalId, String emoji)
    implements InboundContent, OutboundContent {
  public Reaction {
    Objects.requireNonNull(targetExternalId, "targetExternalId");
    emoji = emoji == null ? "" : emoji;
  }

  /** Whether this removes an earlier reaction. */
  public boolean removed() {
    return emoji.isEmpty();
  }

  @Override
  public String type() {
    return "reaction";
  }

  @Override
  public String summary() {
    return removed() ? "Reaction removed" : "Reacted " + emoji;
  }
}
