package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.conversations.ConversationQueries;
import io.switchboard.engine.interfaces.rest.AdminApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/conversations}: conversations and their messages. */
@Path("/admin/conversations")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationAdminResource {
  @Inject ConversationQueries queries;

  @GET
  @Operation(summary = "Conversations, most recently active first")
  public JsonArray conversations(@QueryParam("limit") @DefaultValue("50") int limit) {
    var conversations =
        queries.recent(LedgerAdminResource.capped(limit)).stream()
            .map(s -> ConversationView.of(s.conversation(), s.customer()))
            .toList();
    return AdminJson.array(conversations, ConversationView::toJson).build();
  }

  @GET
  @Path("/{id}/messages")
  @Operation(summary = "A conversation's messages, oldest first")
  public Response messages(@PathParam("id") String id) {
    return queries
        .timeline(id)
        .map(
            messages ->
                Response.ok(
                        AdminJson.array(
                                messages.stream().map(MessageView::of).toList(),
                                MessageView::toJson)
                            .build())
                    .build())
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }
}
