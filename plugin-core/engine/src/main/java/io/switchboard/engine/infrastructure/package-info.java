/**
 * Technical plumbing of the engine: data source and schema migration, secret encryption, the clock,
 * and the plugin registry that finds plugins with {@link java.util.ServiceLoader}.
 */
package io.switchboard.engine.infrastructure;
