package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.ConnectionAdmin;
import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.governor.SendGovernor;
import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.application.health.ConnectionHealthBoard;
import io.switchboard.engine.application.health.ConnectionHealthProbe;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.ledger.Outbox;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/channels}: channel accounts (secrets write-only) with their health. */
@Path("/admin/channels")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelAdminResource {
  @Inject ConnectionAdmin admin;
  @Inject Connections connections;
  @Inject ConnectionHealthBoard health;
  @Inject ConnectionHealthProbe probe;
  @Inject SendGovernor governor;
  @Inject io.switchboard.engine.application.pipeline.TemplateUpdates templateUpdates;
  @Inject Outbox outbox;

  @GET
  @Operation(summary = "Every channel account, with its last probed health")
  public JsonArray list() {
    return AdminJson.array(connections.channels(), c -> view(c).toJson()).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One channel account, with its last probed health")
  public Response get(@PathParam("id") String id) {
    return current(id)
        .map(c -> Response.ok(view(c).toJson()).build())
        .orElseGet(() -> AdminJson.notFound("no channel account " + id));
  }

  @PUT
  @Path("/{id}")
  @Operation(summary = "Create or reconfigure a channel account")
  public Response put(@PathParam("id") String id, JsonObject body) {
    ConnectionRequest request = ConnectionRequest.from(body);
    try {
      var result =
          admin.configureChannel(
              id, request.plugin(), request.app(), request.crmConnection(), request.config());
      governor.accountReconfigured(id); // a token pause ends; deferred sends resume
      probe.probeSoon(Kind.CHANNEL, id);
      templateUpdates.accountConfigured(id); // its templates now, not at the next hourly sync
      ChannelAccount stored = current(id).orElseThrow();
      return Response.status(result.created() ? 201 : 200).entity(view(stored).toJson()).build();
    } catch (InvalidConfigurationException e) {
      return AdminJson.invalid(e);
    }
  }

  /** Reads past the webhook path's cache: an admin sees what is stored now. */
  private Optional<ChannelAccount> current(String id) {
    connections.invalidate(id);
    return connections.channel(id);
  }

  private ChannelView view(ChannelAccount c) {
    return ChannelView.of(c, HealthView.of(health.of(Kind.CHANNEL, c.id())))
        .withSending(
            SendingView.of(
                governor.pause(c.id()),
                governor.lastThrottle(c.id()),
                outbox.deferredCount("channel:" + c.id())));
  }
}
