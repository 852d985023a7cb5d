/**
 * The contract every channel connector must pass ({@link
 * io.switchboard.testkit.channel.ChannelConnectorContractTest}), plus builders of realistic
 * channel-neutral events and Meta webhook bodies for tests.
 */
package io.switchboard.testkit.channel;
