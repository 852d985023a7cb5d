package io.switchboard.spi.crm.capability;

import java.util.List;

/**
 * An agent of the CRM.
 *
 * @param login the login the CRM uses in assignments
 * @param name the display name, or {@code null}
 * @param email the e-mail address, or {@code null} (used to match agents across systems)
 * @param groups the names of the groups the agent belongs to
 */
public record CrmAgent(String login, String name, String email, List<String> groups) {
  public CrmAgent {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
