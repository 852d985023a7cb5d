package io.switchboard.engine.application.sync;

/**
 * Something the CRM's mapped fields may show changed for a customer (profile, orders): fired as a
 * CDI event inside the transaction that made the change, so the sync is scheduled atomically with
 * it.
 *
 * @param workspaceId the customer's workspace
 * @param customerId the customer
 * @param why a short reason for logs and the outbox row ({@code order 1001 updated})
 */
public record CustomerChanged(String workspaceId, String customerId, String why) {}
