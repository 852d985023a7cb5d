package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentAccess;
import io.switchboard.engine.application.agent.AgentSession;
import io.switchboard.engine.application.agent.InboxSends;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.application.pipeline.TemplateSends;
import io.switchboard.engine.application.sync.ConversationEdits;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.interfaces.rest.AgentApi;
import io.switchboard.engine.interfaces.rest.ChannelRefusals;
import io.switchboard.engine.interfaces.rest.CurrentAgent;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.engine.interfaces.rest.admin.TemplateRequestJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /agent/conversations/{id}/...}: what an agent does on a conversation, as that agent:
 * replies, templates, notes, assignment and labels.
 */
@Path("/agent")
@AgentApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentSendResource {
  @Inject CurrentAgent current;
  @Inject AgentAccess access;
  @Inject InboxSends sends;
  @Inject TemplateSends templates;
  @Inject ConversationEdits edits;
  @Inject PipelineScheduler scheduler;

  @POST
  @Path("/conversations/{id}/messages")
  @Operation(
      summary =
          "Send as the agent: {text, replyTo, attachments:[upload ids]}; recorded on the ticket as"
              + " the agent's reply once sent; 409 with the channel's reason when it refuses")
  public Response send(
      @PathParam("id") String id,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      JsonObject body) {
    AgentSession s = current.session();
    Optional<Conversation> c = access.visible(s, id);
    if (c.isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    if (body == null) {
      return AgentJson.unprocessable(List.of("send {\"text\": \"..\", \"attachments\": []}"));
    }
    List<String> errors = new ArrayList<>();
    List<String> uploads = new ArrayList<>();
    JsonValue list = body.get("attachments");
    if (list instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString str) {
          uploads.add(str.getString());
        } else {
          errors.add("attachments: upload ids are strings");
        }
      }
    } else if (list != null && list != JsonValue.NULL) {
      errors.add("attachments: a list of upload ids");
    }
    if (!errors.isEmpty()) {
      return AgentJson.unprocessable(errors);
    }
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? UUID.randomUUID().toString()
            : idempotencyKey.strip();
    InboxSends.Outcome o =
        sends.reply(
            s,
            c.get(),
            AgentJson.text(body, "text"),
            AgentJson.text(body, "replyTo"),
            uploads,
            key);
    if (!o.errors().isEmpty()) {
      return AgentJson.unprocessable(o.errors());
    }
    if (o.refusal() != null) {
      return ChannelRefusals.of(o.refusal());
    }
    scheduler.wakeUp();
    return Response.accepted(
            AgentJson.object()
                .add("message", o.messages().get(0).id())
                .add("messages", AgentJson.array(o.messages(), Message::id))
                .build())
        .build();
  }

  @POST
  @Path("/conversations/{id}/template")
  @Operation(
      summary =
          "Send an approved template as the agent: {name, language, header, body, buttons}; 422"
              + " with one reason per problem")
  public Response template(@PathParam("id") String id, JsonObject body) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    TemplateRequestJson.Parsed parsed = TemplateRequestJson.read(body);
    if (!parsed.errors().isEmpty()) {
      return TemplateRequestJson.unreadable(parsed.errors()).toResponse();
    }
    return templates
        .send(id, parsed.request(), s.login())
        .map(
            o -> {
              if (o.message() == null) {
                return TemplateRequestJson.refused(o.checked().problems()).toResponse();
              }
              scheduler.wakeUp();
              return Response.accepted(
                      AgentJson.object()
                          .add("message", o.message().id())
                          .add("rendered", o.checked().rendered())
                          .build())
                  .build();
            })
        .orElseGet(() -> AgentJson.notFound("no conversation " + id));
  }

  @POST
  @Path("/conversations/{id}/notes")
  @Operation(
      summary =
          "An internal note: in the timeline (note: true) and a comment on the ticket, never sent")
  public Response note(@PathParam("id") String id, JsonObject body) {
    AgentSession s = current.session();
    Optional<Conversation> c = access.visible(s, id);
    if (c.isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    String text = AgentJson.text(body, "text");
    if (text == null || text.isBlank()) {
      return AgentJson.unprocessable(List.of("text: write the note"));
    }
    Message note = sends.note(s, c.get(), text.strip());
    scheduler.wakeUp();
    return Response.accepted(AgentJson.object().add("message", note.id()).build()).build();
  }

  @PUT
  @Path("/conversations/{id}/assignment")
  @Operation(
      summary =
          "Assign: {agent: login|null, team: queue|null}; the ticket's owner and queue follow"
              + " through the outbox")
  public Response assign(@PathParam("id") String id, JsonObject body) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    if (body == null) {
      return AgentJson.invalid("send {\"agent\": \"login\" or null, \"team\": \"queue\" or null}");
    }
    String team = AgentJson.text(body, "team");
    if (team != null && !team.isBlank() && !s.teams().contains(team.strip())) {
      return AgentJson.unprocessable(List.of("team: " + team + " is not one of your teams"));
    }
    try {
      return edits
          .assign(id, AgentJson.text(body, "agent"), team)
          .map(
              c -> {
                scheduler.wakeUp();
                JsonObject answer =
                    AgentJson.nullable(
                            AgentJson.nullable(
                                AgentJson.object().add("conversation", c.id()),
                                "assignee",
                                c.assignee()),
                            "team",
                            c.assignedGroup())
                        .build();
                return Response.accepted(answer).build();
              })
          .orElseGet(() -> AgentJson.notFound("no conversation " + id));
    } catch (ConversationEdits.NotMirroredException e) {
      return Problem.of(409, "not-mirrored", "Not in a CRM")
          .withDetail(e.getMessage())
          .toResponse();
    }
  }

  @PUT
  @Path("/conversations/{id}/labels")
  @Operation(summary = "Replace the labels: {labels: [..]}")
  public Response labels(@PathParam("id") String id, JsonObject body) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    if (body == null || !(body.get("labels") instanceof JsonArray list)) {
      return AgentJson.invalid("send {\"labels\": [\"vip\", \"refund\"]}");
    }
    List<String> labels = new ArrayList<>();
    for (JsonValue v : list) {
      if (!(v instanceof JsonString str) || str.getString().contains(",")) {
        return AgentJson.unprocessable(List.of("labels: strings without commas"));
      }
      labels.add(str.getString());
    }
    return edits
        .label(id, labels)
        .map(
            c ->
                Response.ok(
                        AgentJson.object()
                            .add("conversation", c.id())
                            .add("labels", AgentJson.array(c.labels(), l -> l))
                            .build())
                    .build())
        .orElseGet(() -> AgentJson.notFound("no conversation " + id));
  }
}
