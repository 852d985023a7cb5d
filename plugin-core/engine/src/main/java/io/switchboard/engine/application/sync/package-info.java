/**
 * Field sync between the bridge and the CRM: the mapping sets of CRM connections, the bridge values
 * they read, and the outbox effects and CRM events that keep both sides in agreement. The decisions
 * themselves are in {@code io.switchboard.sync} (module switchboard-sync).
 */
package io.switchboard.engine.application.sync;
