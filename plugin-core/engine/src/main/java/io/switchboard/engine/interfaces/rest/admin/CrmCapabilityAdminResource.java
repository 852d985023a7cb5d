package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.spi.crm.capability.CrmCapability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What a CRM connection can and cannot do beyond tickets and messages: the optional capabilities
 * its adapter implements, and, said plainly, those it lacks.
 */
@Path("/admin/crm-connections/{id}/capabilities")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CrmCapabilityAdminResource {
  @Inject Connections connections;
  @Inject PluginRegistry registry;

  @GET
  @Operation(summary = "Optional capabilities of a CRM connection, and what it cannot do")
  public Response capabilities(@PathParam("id") String id) {
    var connection = connections.crm(id);
    if (connection.isEmpty()) {
      return AdminJson.notFound("no CRM connection " + id);
    }
    Set<CrmCapability> can = CrmCapability.of(registry.adapter(connection.get()));
    JsonArrayBuilder supported = EngineJson.PROVIDER.createArrayBuilder();
    JsonArrayBuilder missing = EngineJson.PROVIDER.createArrayBuilder();
    for (CrmCapability c : CrmCapability.values()) {
      var item =
          EngineJson.PROVIDER
              .createObjectBuilder()
              .add("capability", c.name())
              .add("description", (can.contains(c) ? "can " : "cannot ") + c.description());
      (can.contains(c) ? supported : missing).add(item);
    }
    return Response.ok(
            EngineJson.PROVIDER
                .createObjectBuilder()
                .add("id", id)
                .add("plugin", connection.get().plugin())
                .add("supported", supported)
                .add("missing", missing)
                .build())
        .build();
  }
}
