package io.switchboard.spi.crm.capability;

/**
 * A group, team or queue of the CRM.
 *
 * @param name the name used in assignments
 * @param description a description, or {@code null}
 */
public record CrmGroup(String name, String description) {}
