/**
 * The pipeline's use cases: ingest webhooks into the ledger, process ledger events (identity,
 * conversation, messages), dispatch outbox effects through plugins, poll CRMs, administer
 * connections.
 */
package io.switchboard.engine.application;
