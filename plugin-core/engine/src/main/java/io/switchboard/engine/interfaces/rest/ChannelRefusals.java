package io.switchboard.engine.interfaces.rest;

import io.switchboard.spi.channel.SendDecision;
import jakarta.ws.rs.core.Response;

/**
 * The answer when a channel's send policy refuses a message before it is queued (window closed, a
 * type it does not send): the same 409 from the admin API and the agent API.
 */
public final class ChannelRefusals {
  private ChannelRefusals() {}

  /** 409 {@code refused-by-channel-policy} with the policy's explanation and neutral reason. */
  public static Response of(SendDecision refusal) {
    return Problem.of(409, "refused-by-channel-policy", "The channel would not take it")
        .withDetail(refusal.explanation())
        .with("reason", refusal.reason().name())
        .toResponse();
  }
}
