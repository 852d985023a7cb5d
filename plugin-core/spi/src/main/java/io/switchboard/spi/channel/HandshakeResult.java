package io.switchboard.spi.channel;

import java.util.Optional;

/**
 * The outcome of a webhook subscription handshake.
 *
 * <pre>{@code
 * return token.equals(expected) ? HandshakeResult.accepted(challenge) : HandshakeResult.rejected();
 * }</pre>
 *
 * @param challenge the exact body to answer with 200, or {@code null} when rejected (403)
 */
public record HandshakeResult(String challenge) {

  /** Accept, answering with the given body. */
  public static HandshakeResult accepted(String challenge) {
    return new HandshakeResult(challenge == null ? "" : challenge);
  }

  /** Reject: wrong mode or token. */
  public static HandshakeResult rejected() {
    return new HandshakeResult(null);
  }

  /** The body to answer with, when accepted. */
  public Optional<String> body() {
    return Optional.ofNullable(challenge);
  }
}
