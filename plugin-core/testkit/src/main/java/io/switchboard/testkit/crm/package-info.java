/**
 * Test kit for CRM adapters: the contract test every {@link io.switchboard.spi.crm.CrmAdapter}'s
 * integration test extends, and builders of realistic requesters, tickets and customer messages.
 */
package io.switchboard.testkit.crm;
