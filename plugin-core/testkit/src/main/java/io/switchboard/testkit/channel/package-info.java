/**
 * The contract every channel plugin must pass ({@link
 * io.switchboard.testkit.channel.ChannelConnectorContractTest}: webhook receiver and connector),
 * builders of channel-neutral events, and Meta's webhook signer. Channel-specific samples and body
 * builders live in each connector's test-jar.
 */
package io.switchboard.testkit.channel;
