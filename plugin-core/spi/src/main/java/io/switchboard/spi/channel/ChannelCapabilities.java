package io.switchboard.spi.channel;

import java.time.Duration;
import java.util.Set;

/**
 * What a channel supports and its limits.
 *
 * <pre>{@code
 * new ChannelCapabilities(Set.of("text"), Set.of("text", "image"), Duration.ofHours(24), 80,
 *     Duration.ofSeconds(6))
 * }</pre>
 *
 * @param outboundTypes message types {@link ChannelConnector#send} accepts
 * @param inboundTypes message types {@link ChannelConnector#parse} interprets (others are kept raw)
 * @param customerServiceWindow how long after a customer's last message free-form replies are
 *     allowed, or {@code null} when unlimited
 * @param messagesPerSecond sends per second the account may make
 * @param samePairInterval minimum spacing of sends to the same customer, or {@link Duration#ZERO}
 */
public record ChannelCapabilities(
    Set<String> outboundTypes,
    Set<String> inboundTypes,
    Duration customerServiceWindow,
    int messagesPerSecond,
    Duration samePairInterval) {
  public ChannelCapabilities {
    outboundTypes = Set.copyOf(outboundTypes);
    inboundTypes = Set.copyOf(inboundTypes);
  }
}
