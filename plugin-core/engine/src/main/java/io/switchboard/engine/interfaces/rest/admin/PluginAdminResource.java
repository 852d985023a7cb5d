package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.interfaces.rest.AdminApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/plugins}: the installed plugins and their option declarations. */
@Path("/admin/plugins")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginAdminResource {
  @Inject PluginRegistry registry;

  @GET
  @Operation(summary = "Installed plugins and the options each understands")
  public JsonObject plugins() {
    List<PluginView> channels =
        registry.channelFactories().values().stream().map(PluginView::of).toList();
    List<PluginView> crms = registry.crmFactories().values().stream().map(PluginView::of).toList();
    return AdminJson.object()
        .add("channels", AdminJson.array(channels, PluginView::toJson))
        .add("crms", AdminJson.array(crms, PluginView::toJson))
        .build();
  }
}
