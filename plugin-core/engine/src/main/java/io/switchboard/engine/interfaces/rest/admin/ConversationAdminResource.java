package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.conversations.ConversationQueries;
import io.switchboard.engine.application.conversations.ConversationWindows;
import io.switchboard.engine.application.conversations.MessageReactions;
import io.switchboard.engine.application.pipeline.ConversationSends;
import io.switchboard.engine.application.pipeline.TemplateSends;
import io.switchboard.engine.application.sync.ConversationEdits;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/conversations}: conversations and their messages. */
@Path("/admin/conversations")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationAdminResource {
  @Inject ConversationQueries queries;
  @Inject ConversationEdits edits;
  @Inject ConversationWindows windows;
  @Inject TemplateSends templates;
  @Inject ConversationSends sends;

  @PUT
  @Path("/{id}/assignment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Assign a conversation: {agent (CRM login or e-mail, null: unassign), team}; the"
              + " ticket's owner and queue follow")
  public Response assign(@PathParam("id") String id, JsonObject body) {
    if (body == null) {
      return Problem.of(400, "invalid-request", "Invalid request")
          .withDetail("send {\"agent\": \"login or e-mail\", \"team\": \"queue\"}")
          .toResponse();
    }
    try {
      return edits
          .assign(id, AdminJson.text(body, "agent"), AdminJson.text(body, "team"))
          .map(
              c ->
                  Response.accepted(
                          AdminJson.object()
                              .add("conversation", c.id())
                              .add("assignee", c.assignee() == null ? "" : c.assignee())
                              .add("team", c.assignedGroup() == null ? "" : c.assignedGroup())
                              .add(
                                  "detail",
                                  "assigned; the CRM ticket follows through the outbox (an agent"
                                      + " the CRM does not know is reported there)")
                              .build())
                      .build())
          .orElseGet(() -> AdminJson.notFound("no conversation " + id));
    } catch (ConversationEdits.NotMirroredException e) {
      return Problem.of(409, "not-mirrored", "Not in a CRM")
          .withDetail(e.getMessage())
          .toResponse();
    }
  }

  @PUT
  @Path("/{id}/labels")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a conversation's labels: {labels: [..]}; a mapped CRM field follows")
  public Response label(@PathParam("id") String id, JsonObject body) {
    if (body == null || !(body.get("labels") instanceof jakarta.json.JsonArray list)) {
      return Problem.of(400, "invalid-request", "Invalid request")
          .withDetail("send {\"labels\": [\"vip\", \"refund\"]}")
          .toResponse();
    }
    java.util.List<String> labels = new java.util.ArrayList<>();
    for (var v : list) {
      if (!(v instanceof jakarta.json.JsonString s) || s.getString().contains(",")) {
        return Problem.of(400, "invalid-request", "Invalid request")
            .withDetail("labels are strings without commas")
            .toResponse();
      }
      labels.add(s.getString());
    }
    return edits
        .label(id, labels)
        .map(
            c ->
                Response.ok(
                        AdminJson.object()
                            .add("conversation", c.id())
                            .add("labels", String.join(",", c.labels()))
                            .build())
                    .build())
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }

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
  @Path("/{id}")
  @Operation(
      summary =
          "One conversation with its free-form window: open or closed, which window, when it"
              + " closes")
  public Response conversation(@PathParam("id") String id) {
    return windows
        .find(id)
        .map(
            w -> {
              var b = AdminJson.object();
              ConversationView.of(w.conversation(), w.customer()).toJson().forEach(b::add);
              b.add("window", WindowView.of(w.window(), w.windowProblem()));
              return Response.ok(b.build()).build();
            })
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }

  @POST
  @Path("/{id}/template")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Send an approved template: {name, language, actor, header, body, buttons}; checked"
              + " against the synced definition first (422 with one reason per problem)")
  public Response sendTemplate(@PathParam("id") String id, JsonObject body) {
    TemplateRequestJson.Parsed parsed = TemplateRequestJson.read(body);
    if (!parsed.errors().isEmpty()) {
      return TemplateRequestJson.unreadable(parsed.errors()).toResponse();
    }
    return templates
        .send(id, parsed.request(), parsed.actor())
        .map(
            o ->
                o.message() == null
                    ? TemplateRequestJson.refused(o.checked().problems()).toResponse()
                    : Response.accepted(
                            AdminJson.object()
                                .add("conversation", id)
                                .add("message", o.message().id())
                                .add("template", o.checked().content().name())
                                .add("language", o.checked().content().language())
                                .add("rendered", o.checked().rendered())
                                .add(
                                    "detail",
                                    "queued: sent through the outbox, then noted on the ticket")
                                .build())
                        .build())
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }

  @POST
  @Path("/{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Send a text (optionally quoting a message), a location, contact cards or a reaction;"
              + " the channel's send policy answers at once (409 with its reason when it refuses)")
  public Response send(
      @PathParam("id") String id,
      @jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey,
      JsonObject body) {
    OutboundRequestJson request = OutboundRequestJson.read(body);
    if (!request.errors().isEmpty()) {
      return TemplateRequestJson.unreadable(request.errors()).toResponse();
    }
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? java.util.UUID.randomUUID().toString()
            : idempotencyKey;
    return sends
        .send(id, request.actor(), request.content(), request.replyTo(), key)
        .map(
            o ->
                o.message() == null
                    ? io.switchboard.engine.interfaces.rest.ChannelRefusals.of(o.refusal())
                    : Response.accepted(
                            AdminJson.object()
                                .add("conversation", id)
                                .add("message", o.message().id())
                                .add("type", o.message().contentType())
                                .add("detail", "queued: sent through the outbox")
                                .build())
                        .build())
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }

  @GET
  @Path("/{id}/messages")
  @Operation(summary = "A conversation's messages, oldest first")
  public Response messages(@PathParam("id") String id) {
    return queries
        .timeline(id)
        .map(
            messages -> {
              var reactions = MessageReactions.of(messages);
              return Response.ok(
                      AdminJson.array(
                              messages.stream()
                                  .map(
                                      m ->
                                          MessageView.of(
                                              m,
                                              m.externalId() == null
                                                  ? List.of()
                                                  : reactions.getOrDefault(
                                                      m.externalId(), List.of())))
                                  .toList(),
                              MessageView::toJson)
                          .build())
                  .build();
            })
        .orElseGet(() -> AdminJson.notFound("no conversation " + id));
  }
}
