/**
 * Optional capabilities of a channel account, found by {@link
 * io.switchboard.spi.channel.ChannelConnector#capability(Class)}: a connector offers what its
 * channel has (WhatsApp's approved message templates), and the engine asks before it relies on it.
 *
 * @since 2.2.0
 */
package io.switchboard.spi.channel.capability;
