package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.sync.TicketPolicy;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/crm-connections/{id}/ticket-policy}: one open ticket per customer and channel
 * account; how long after its ticket was solved a message reopens it (after that, a new ticket
 * linked to the old one).
 */
@Path("/admin/crm-connections/{id}/ticket-policy")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketPolicyAdminResource {
  @Inject Connections connections;
  @Inject TicketPolicy policy;

  @GET
  @Operation(summary = "The connection's ticket policy")
  public Response get(@PathParam("id") String id) {
    connections.invalidate(id);
    return connections
        .crm(id)
        .map(c -> Response.ok(view(c)).build())
        .orElseGet(() -> AdminJson.notFound("no CRM connection " + id));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set {reopenWithin: ISO-8601 duration such as P7D, or null for the default}")
  public Response put(@PathParam("id") String id, JsonObject body) {
    Duration period = null;
    if (body != null && body.get("reopenWithin") instanceof JsonString s) {
      try {
        period = TicketPolicy.parse(s.getString());
      } catch (IllegalArgumentException e) {
        return Problem.of(400, "invalid-request", "Invalid ticket policy")
            .withDetail(e.getMessage())
            .toResponse();
      }
    }
    if (!policy.reopenWithin(id, period)) {
      return AdminJson.notFound("no CRM connection " + id);
    }
    return get(id);
  }

  private JsonObject view(CrmConnection c) {
    return AdminJson.object()
        .add("id", c.id())
        .add("reopenWithin", policy.reopenWithin(c).toString())
        .add("default", c.reopenWithin() == null)
        .add(
            "rule",
            "one open ticket per customer and channel account; a message within reopenWithin of"
                + " the ticket being solved reopens it, a later one opens a new ticket linked to it")
        .build();
  }
}
