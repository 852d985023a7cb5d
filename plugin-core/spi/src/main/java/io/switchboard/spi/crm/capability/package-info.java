/**
 * Optional CRM capabilities. An adapter implements the interfaces its CRM supports, beside {@link
 * io.switchboard.spi.crm.CrmAdapter}; the engine discovers them with {@link
 * io.switchboard.spi.crm.CrmAdapter#capability(Class)} and reports, per connection, what it cannot
 * do ({@link io.switchboard.spi.crm.capability.CrmCapability}). A new adapter starts with tickets
 * and messages and grows one interface at a time.
 */
package io.switchboard.spi.crm.capability;
