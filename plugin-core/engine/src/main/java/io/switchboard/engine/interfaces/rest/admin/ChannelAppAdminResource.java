package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.ConnectionAdmin;
import io.switchboard.engine.application.routing.ChannelRouting;
import io.switchboard.engine.domain.ChannelApp;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.spi.InvalidConfigurationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Admin API for channel apps: one webhook URL, app secret and verify token (a Meta app) shared by
 * the channel accounts that name it. Secrets are write-only.
 */
@Path("/admin/channel-apps")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelAppAdminResource {
  @Inject ConnectionAdmin admin;
  @Inject ChannelRouting routing;

  @PUT
  @Path("/{id}")
  @Operation(summary = "Create or reconfigure a channel app")
  public Response put(@PathParam("id") String id, JsonObject body) {
    try {
      var result = admin.configureApp(id, body.getString("plugin", null), config(body));
      return Response.status(result.created() ? 201 : 200)
          .entity(json(routing.app(id).orElseThrow()))
          .build();
    } catch (InvalidConfigurationException e) {
      return AdminJson.invalid(e);
    }
  }

  @GET
  @Operation(summary = "Channel apps")
  public JsonArray list() {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    routing.apps().forEach(a -> out.add(json(a)));
    return out.build();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return routing
        .app(id)
        .map(a -> Response.ok(json(a)).build())
        .orElseGet(() -> AdminJson.notFound("no channel app " + id));
  }

  private static JsonObject json(ChannelApp app) {
    return EngineJson.PROVIDER
        .createObjectBuilder()
        .add("id", app.id())
        .add("plugin", app.plugin())
        .add(
            "config",
            EngineJson.PROVIDER.createReader(new StringReader(app.publicConfig())).readObject())
        .add("secrets", "write-only")
        .add("webhookPath", "/switchboard/api/apps/" + app.id() + "/webhook")
        .build();
  }

  static Map<String, String> config(JsonObject body) {
    Map<String, String> values = new HashMap<>();
    JsonObject config = body.getJsonObject("config");
    if (config != null) {
      for (Map.Entry<String, JsonValue> e : config.entrySet()) {
        JsonValue v = e.getValue();
        values.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
      }
    }
    return values;
  }
}
