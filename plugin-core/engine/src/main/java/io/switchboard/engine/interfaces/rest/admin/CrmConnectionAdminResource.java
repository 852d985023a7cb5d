package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.ConnectionAdmin;
import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.application.health.ConnectionHealthBoard;
import io.switchboard.engine.application.health.ConnectionHealthProbe;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.spi.InvalidConfigurationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/crm-connections}: CRM connections (secrets write-only) with their health. */
@Path("/admin/crm-connections")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmConnectionAdminResource {
  @Inject ConnectionAdmin admin;
  @Inject Connections connections;
  @Inject ConnectionHealthBoard health;
  @Inject ConnectionHealthProbe probe;

  @GET
  @Operation(summary = "Every CRM connection, with its last probed health")
  public JsonArray list() {
    return AdminJson.array(connections.crms(), c -> view(c).toJson()).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One CRM connection, with its last probed health")
  public Response get(@PathParam("id") String id) {
    return current(id)
        .map(c -> Response.ok(view(c).toJson()).build())
        .orElseGet(() -> AdminJson.notFound("no CRM connection " + id));
  }

  @PUT
  @Path("/{id}")
  @Operation(summary = "Create or reconfigure a CRM connection")
  public Response put(@PathParam("id") String id, JsonObject body) {
    ConnectionRequest request = ConnectionRequest.from(body);
    try {
      var result = admin.configureCrm(id, request.plugin(), request.config());
      probe.probeSoon(Kind.CRM, id);
      CrmConnection stored = current(id).orElseThrow();
      return Response.status(result.created() ? 201 : 200).entity(view(stored).toJson()).build();
    } catch (InvalidConfigurationException e) {
      return AdminJson.invalid(e);
    }
  }

  /** Reads past the webhook path's cache: an admin sees what is stored now. */
  private java.util.Optional<CrmConnection> current(String id) {
    connections.invalidate(id);
    return connections.crm(id);
  }

  private CrmConnectionView view(CrmConnection c) {
    return CrmConnectionView.of(c, HealthView.of(health.of(Kind.CRM, c.id())));
  }
}
