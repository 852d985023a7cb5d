package io.switchboard.spi.channel;

import io.switchboard.spi.PluginFactory;

/**
 * Creates {@link ChannelConnector}s. Register an implementation in {@code
 * META-INF/services/io.switchboard.spi.channel.ChannelConnectorFactory}.
 *
 * <pre>{@code
 * public final class WhatsAppCloudConnectorFactory implements ChannelConnectorFactory {
 *   public String id() { return "whatsapp-cloud"; }
 *   ...
 * }
 * }</pre>
 */
public interface ChannelConnectorFactory extends PluginFactory<ChannelConnector> {}
