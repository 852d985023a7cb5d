package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.agent.QuickReplies;
import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.engine.interfaces.rest.agent.QuickReplyJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/quick-replies}: the canned answers agents insert in the inbox view. */
@Path("/admin/quick-replies")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuickReplyAdminResource {
  @Inject QuickReplies quickReplies;
  @Inject Workspace workspace;

  @GET
  @Operation(summary = "The quick replies, in order")
  public JsonObject list() {
    return QuickReplyJson.list(quickReplies.of(workspace.id()));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the quick replies: {items: [{shortcut, title, text}]}")
  public Response replace(JsonObject body) {
    List<String> errors = new ArrayList<>();
    var entries = QuickReplyJson.read(body, errors);
    if (!errors.isEmpty()) {
      return Problem.of(400, "invalid-request", "Invalid request")
          .withDetail(String.join("; ", errors))
          .toResponse();
    }
    return Response.ok(QuickReplyJson.list(quickReplies.replace(workspace.id(), entries))).build();
  }
}
