/**
 * Switchboard plugin SPI, version 2: the plain-Java contract between the engine and its plugins.
 *
 * <p>A plugin is a {@link io.switchboard.spi.PluginFactory} registered with one line in {@code
 * META-INF/services}; the engine configures it from self-describing {@link
 * io.switchboard.spi.PluginOption}s and owns retries, ordering and persistence. This package and
 * its sub-packages depend on nothing but the JDK.
 */
package io.switchboard.spi;
