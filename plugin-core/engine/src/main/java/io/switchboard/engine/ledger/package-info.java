/**
 * The delivery ledger: inbound events stored durably before they are acknowledged, and the
 * transactional outbox of side effects on CRMs and channels, both claimed by workers with {@code
 * FOR UPDATE SKIP LOCKED} in order per conversation.
 */
package io.switchboard.engine.ledger;
