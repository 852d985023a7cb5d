/**
 * The message pipeline: ingest (verify and store webhooks), process ledger events in order per
 * conversation, perform outbox effects with retries until the horizon, poll CRMs, prune the ledger;
 * each in its own lane.
 */
package io.switchboard.engine.application.pipeline;
