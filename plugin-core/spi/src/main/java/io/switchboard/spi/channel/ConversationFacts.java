package io.switchboard.spi.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * What the engine knows about a conversation when it checks a send against a {@link SendPolicy}.
 *
 * <pre>{@code
 * new ConversationFacts(lastCustomerMessageAt, null, clock.instant())
 * }</pre>
 *
 * @param lastCustomerMessageAt when the customer last wrote, or {@code null} if never
 * @param adReferralAt when the customer's first message in answer to an ad arrived, or {@code null}
 * @param now the engine's current time
 */
public record ConversationFacts(Instant lastCustomerMessageAt, Instant adReferralAt, Instant now) {
  public ConversationFacts {
    Objects.requireNonNull(now, "now");
  }
}
