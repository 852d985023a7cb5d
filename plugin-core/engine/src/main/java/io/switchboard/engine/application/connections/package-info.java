/**
 * Configured connections and their plugins: channel apps, channel accounts and CRM connections,
 * validated against the plugins' options, with secrets encrypted, and the live plugin instances
 * (factories initialised once, per-connection state).
 */
package io.switchboard.engine.application.connections;
