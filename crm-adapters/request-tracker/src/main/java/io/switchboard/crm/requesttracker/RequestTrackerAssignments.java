package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import java.util.Optional;

/**
 * A ticket's owner (an RT login, {@code Nobody} when unassigned) and queue (the group). Unknown or
 * unprivileged owners and unknown queues are refused by name before anything is written; the queue
 * moves first, so RT checks the owner's right to own tickets in the new queue. Nothing is written
 * when the ticket already has the assignment. The API user's changes are no events.
 */
final class RequestTrackerAssignments implements Assignments {
  private static final String NOBODY = "Nobody";

  private final RequestTrackerRestClient rt;
  private final RequestTrackerTickets tickets;
  private final RequestTrackerRequesters users;

  RequestTrackerAssignments(
      RequestTrackerRestClient rt, RequestTrackerTickets tickets, RequestTrackerRequesters users) {
    this.rt = rt;
    this.tickets = tickets;
    this.users = users;
  }

  @Override
  public Assignment assignment(String ticketId) throws RetryableException, PermanentException {
    RtTicket ticket = tickets.get(ticketId);
    String owner = ticket.owner() == null || NOBODY.equals(ticket.owner()) ? null : ticket.owner();
    return new Assignment(owner, ticket.queue() == null ? null : tickets.queueName(ticket.queue()));
  }

  @Override
  public void assign(String ticketId, Assignment assignment)
      throws RetryableException, PermanentException {
    Assignment now = assignment(ticketId);
    if (assignment.agent() != null) {
      Optional<RtUser> agent = users.find(assignment.agent());
      if (agent.isEmpty()) {
        throw notFound("RT has no user " + assignment.agent() + " to assign ticket " + ticketId);
      }
      if (!agent.get().privileged()) {
        throw notFound(
            "RT user " + assignment.agent() + " is no agent (unprivileged): cannot own tickets");
      }
    }
    if (assignment.group() != null && !assignment.group().equalsIgnoreCase(now.group())) {
      if (rt.find("/queue/" + RequestTrackerRestClient.encode(assignment.group())).isEmpty()) {
        throw notFound("RT has no queue " + assignment.group() + " to move ticket " + ticketId);
      }
      rt.put(
              "/ticket/" + ticketId,
              RtJson.JSON.createObjectBuilder().add("Queue", assignment.group()).build())
          .requireSuccess("moving ticket " + ticketId + " to queue " + assignment.group());
    }
    String owner = assignment.agent() == null ? null : agentName(assignment.agent());
    if (owner == null ? now.agent() != null : !owner.equalsIgnoreCase(now.agent())) {
      rt.put(
              "/ticket/" + ticketId,
              RtJson.JSON
                  .createObjectBuilder()
                  .add("Owner", owner == null ? NOBODY : owner)
                  .build())
          .requireSuccess(
              "assigning ticket " + ticketId + " to " + (owner == null ? NOBODY : owner));
    }
  }

  private String agentName(String login) throws RetryableException, PermanentException {
    return users.find(login).map(RtUser::name).orElse(login);
  }

  private static PermanentException notFound(String message) {
    return new PermanentException(message, null, "404", FailureReason.NOT_FOUND);
  }
}
