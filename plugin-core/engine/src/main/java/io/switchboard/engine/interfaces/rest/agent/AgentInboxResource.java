package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentAccess;
import io.switchboard.engine.application.agent.AgentConversations;
import io.switchboard.engine.application.agent.AgentInbox;
import io.switchboard.engine.application.agent.AgentPresences;
import io.switchboard.engine.application.agent.AgentSession;
import io.switchboard.engine.application.agent.AgentTimeline;
import io.switchboard.engine.application.agent.InboxFilter;
import io.switchboard.engine.application.media.MediaLinks;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.engine.interfaces.rest.AgentApi;
import io.switchboard.engine.interfaces.rest.CurrentAgent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /agent/conversations}: the inbox list, one conversation, its timeline, read, presence. */
@Path("/agent")
@AgentApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentInboxResource {
  @Inject CurrentAgent current;
  @Inject AgentInbox inbox;
  @Inject AgentAccess access;
  @Inject AgentConversations conversations;
  @Inject AgentTimeline timeline;
  @Inject AgentPresences presences;
  @Inject MediaLinks links;

  @GET
  @Path("/conversations")
  @Operation(
      summary =
          "The inbox: conversations the agent's teams see, waiting customers first (longest"
              + " first), with tab counts")
  public JsonObject list(
      @QueryParam("view") String view,
      @QueryParam("team") String team,
      @QueryParam("channel") String channel,
      @QueryParam("label") String label,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    AgentInbox.Inbox found =
        inbox.list(
            current.session(), new InboxFilter(view, team, channel, label, status, q, limit));
    return AgentJson.object()
        .add("items", AgentJson.array(found.items(), s -> AgentJson.summary(s).build()))
        .add(
            "counts",
            AgentJson.object()
                .add("mine", found.counts().mine())
                .add("unassigned", found.counts().unassigned())
                .add("all", found.counts().all()))
        .build();
  }

  @GET
  @Path("/conversations/{id}")
  @Operation(summary = "One conversation: summary, window, viewers and the customer panel")
  public Response detail(@PathParam("id") String id) {
    return conversations
        .detail(current.session(), id)
        .map(d -> Response.ok(AgentDetailJson.of(d)).build())
        .orElseGet(() -> AgentJson.notFound("no conversation " + id));
  }

  @GET
  @Path("/conversations/{id}/messages")
  @Operation(
      summary =
          "A page of the timeline, newest page first (oldest first within it); before=<message"
              + " id> pages back")
  public Response messages(
      @PathParam("id") String id,
      @QueryParam("before") String before,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    return timeline
        .page(id, before, limit)
        .map(
            p ->
                Response.ok(
                        AgentJson.object()
                            .add(
                                "items",
                                AgentJson.array(
                                    p.items(),
                                    m ->
                                        AgentJson.message(
                                            m,
                                            m.externalId() == null
                                                ? List.of()
                                                : p.reactions()
                                                    .getOrDefault(m.externalId(), List.of()),
                                            p.media().getOrDefault(m.id(), List.of()),
                                            links)))
                            .add("hasMore", p.hasMore())
                            .build())
                    .build())
        .orElseGet(() -> AgentJson.notFound("no message " + before + " in conversation " + id));
  }

  @POST
  @Path("/conversations/{id}/read")
  @Operation(summary = "The agent read the conversation: its unread count is 0")
  public Response read(@PathParam("id") String id) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    presences.markRead(s, id);
    return Response.noContent().build();
  }

  @POST
  @Path("/conversations/{id}/presence")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The agent has the conversation open ({typing}); send every 10 s")
  public Response presence(@PathParam("id") String id, JsonObject body) {
    AgentSession s = current.session();
    if (access.visible(s, id).isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    boolean typing = body != null && body.getBoolean("typing", false);
    presences.heartbeat(s, id, typing);
    return Response.noContent().build();
  }

  static JsonObject order(CustomerOrder o) {
    JsonObjectBuilder b = AgentJson.object();
    AgentJson.nullable(b, "number", o.number());
    return b.add("status", o.status())
        .add(
            "total",
            AgentJson.object()
                .add("amount", o.total().toPlainString())
                .add("currency", o.currency()))
        .add("placedAt", o.placedAt().toString())
        .add("lines", AgentJson.array(o.items(), AgentInboxResource::line))
        .build();
  }

  private static JsonObject line(OrderLine l) {
    JsonObjectBuilder b = AgentJson.object();
    AgentJson.nullable(b, "title", l.name());
    return b.add("quantity", l.quantity()).add("unitPrice", l.unitPrice().toPlainString()).build();
  }
}
