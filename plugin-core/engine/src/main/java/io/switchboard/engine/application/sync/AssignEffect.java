package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.CrmAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Performs {@link SyncActions#ASSIGN_IN_CRM}: gives the ticket to the conversation's assignee as it
 * is when the effect runs (so a burst of reassignments ends in the last one). The agent is matched
 * to a CRM user by login, then by e-mail; one that matches nobody is refused with that reason
 * (quarantined, visible, replayable), never guessed.
 */
@ApplicationScoped
public class AssignEffect {
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject AssignRecords records;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    AssignRecords.Wanted wanted = records.wanted(entry.subjectId());
    if (wanted.ticketId() == null) {
      throw new RetryableException(
          "conversation " + entry.subjectId() + " has no ticket yet; assigning when it has", null);
    }
    CrmConnection connection =
        connections
            .crm(wanted.connectionId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        "CRM connection " + wanted.connectionId() + " is gone", null));
    CrmAdapter crm = registry.adapter(connection);
    Assignments assignments =
        crm.capability(Assignments.class)
            .orElseThrow(
                () ->
                    new PermanentException(
                        "CRM connection "
                            + connection.id()
                            + " cannot assign tickets (no ASSIGNMENT capability)",
                        null));
    String login = wanted.agent() == null ? null : login(crm, wanted.agent());
    Assignment now = assignments.assignment(wanted.ticketId());
    if (Objects.equals(now.agent(), login)
        && (wanted.team() == null || wanted.team().equals(now.group()))) {
      return "ticket " + wanted.ticketId() + " already assigned to " + describe(login, now.group());
    }
    assignments.assign(wanted.ticketId(), new Assignment(login, wanted.team()));
    if (login != null && !login.equals(wanted.agent())) {
      records.loginIs(entry.subjectId(), wanted.agent(), login);
    }
    return "ticket " + wanted.ticketId() + " assigned to " + describe(login, wanted.team());
  }

  private static String login(CrmAdapter crm, String agent)
      throws RetryableException, PermanentException {
    Optional<AgentDirectory> directory = crm.capability(AgentDirectory.class);
    if (directory.isEmpty()) {
      return agent; // the CRM refuses an unknown user itself (Assignments says so)
    }
    String wanted = agent.toLowerCase(Locale.ROOT);
    Optional<CrmAgent> byLogin =
        directory.get().agents().stream()
            .filter(a -> a.login() != null && a.login().toLowerCase(Locale.ROOT).equals(wanted))
            .findFirst();
    if (byLogin.isPresent()) {
      return byLogin.get().login();
    }
    return directory.get().agents().stream()
        .filter(a -> a.email() != null && a.email().toLowerCase(Locale.ROOT).equals(wanted))
        .map(CrmAgent::login)
        .findFirst()
        .orElseThrow(
            () ->
                new PermanentException(
                    "'"
                        + agent
                        + "' is no agent of this CRM (no agent has that login or e-mail):"
                        + " assign the conversation to one of its agents, then skip this entry",
                    null));
  }

  private static String describe(String login, String group) {
    return (login == null ? "nobody" : login) + (group == null ? "" : " in " + group);
  }
}
