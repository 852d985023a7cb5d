/**
 * Channel connectors: how a messaging channel (WhatsApp, Messenger, Instagram, ...) verifies and
 * parses its webhooks into channel-neutral {@link io.switchboard.spi.channel.InboundEvent}s and
 * sends outbound messages.
 */
package io.switchboard.spi.channel;
