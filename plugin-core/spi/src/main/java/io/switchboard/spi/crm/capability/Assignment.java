package io.switchboard.spi.crm.capability;

/**
 * Who a ticket is assigned to.
 *
 * <pre>{@code
 * new Assignment("agent1", "Support")
 * }</pre>
 *
 * @param agent the agent's CRM login, or {@code null} when unassigned
 * @param group the group, team or queue, or {@code null} when none or unchanged
 */
public record Assignment(String agent, String group) {}
