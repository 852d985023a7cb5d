package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentAccess;
import io.switchboard.engine.application.agent.AgentSession;
import io.switchboard.engine.application.agent.AgentSessions;
import io.switchboard.engine.application.agent.AgentUploads;
import io.switchboard.engine.application.agent.InboxSends;
import io.switchboard.engine.application.agent.QuickReplies;
import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.application.pipeline.SendRetries;
import io.switchboard.engine.application.pipeline.UploadCheck;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.domain.ChannelTemplateRepository;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.interfaces.rest.AgentApi;
import io.switchboard.engine.interfaces.rest.ChannelRefusals;
import io.switchboard.engine.interfaces.rest.CurrentAgent;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.engine.interfaces.rest.admin.TemplateView;
import io.switchboard.spi.crm.capability.AgentDirectory;
import io.switchboard.spi.crm.capability.CrmAgent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /agent/...}: uploads, retries, templates, assignment targets and quick replies. */
@Path("/agent")
@AgentApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentToolsResource {
  @Inject CurrentAgent current;
  @Inject AgentAccess access;
  @Inject AgentUploads uploads;
  @Inject AgentSessions sessions;
  @Inject SendRetries retries;
  @Inject InboxSends sends;
  @Inject MessageRepository messages;
  @Inject ChannelTemplateRepository templates;
  @Inject CustomerRepository customers;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject QuickReplies quickReplies;
  @Inject Workspace workspace;
  @Inject PipelineScheduler scheduler;

  @GET
  @Path("/me")
  @Operation(summary = "The signed-on agent, their CRM connection, teams and session expiry")
  public JsonObject me() {
    return AgentJson.me(current.session());
  }

  @POST
  @Path("/uploads")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Upload a file to send (raw body, X-File-Name URL-encoded): checked by its bytes; 413"
              + " too large, 415 a type the channel cannot send")
  public Response upload(@HeaderParam("X-File-Name") String encodedName, byte[] body) {
    if (body == null || body.length == 0) {
      return AgentJson.unprocessable(List.of("the body is the file's bytes"));
    }
    String name =
        encodedName == null ? null : URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
    AgentUploads.Outcome o = uploads.upload(current.session(), body, name, workspace.id());
    if (o.verdict() instanceof UploadCheck.TooLarge t) {
      return Problem.of(413, "file-too-large", "The file is too large")
          .withDetail(t.detail())
          .toResponse();
    }
    if (o.verdict() instanceof UploadCheck.Unsupported u) {
      return Problem.of(415, "unsupported-file", "The channel cannot send this file")
          .withDetail(u.detail())
          .toResponse();
    }
    JsonObjectBuilder b =
        AgentJson.object()
            .add("id", o.upload().id())
            .add("mimeType", o.upload().mimeType())
            .add("size", o.upload().size());
    AgentJson.nullable(b, "fileName", o.upload().fileName());
    return Response.status(201).entity(b.build()).build();
  }

  @POST
  @Path("/messages/{id}/retry")
  @Operation(
      summary =
          "Send a failed reply again: a send the channel never took is replayed; a text the"
              + " channel took and then could not deliver goes out once more as a new message;"
              + " 409 otherwise")
  public Response retry(@PathParam("id") String id) {
    AgentSession s = current.session();
    Optional<Message> m =
        messages.find(id).filter(x -> access.visible(s, x.conversationId()).isPresent());
    if (m.isEmpty()) {
      return AgentJson.notFound("no message " + id);
    }
    if (undeliveredText(m.get())) {
      return sendAgain(s, m.get());
    }
    return switch (retries.retry(m.get())) {
      case QUEUED -> {
        scheduler.wakeUp();
        yield Response.accepted(AgentJson.object().add("message", id).build()).build();
      }
      case NOT_FAILED ->
          Problem.of(409, "not-failed", "Not a failed reply")
              .withDetail(
                  "message "
                      + id
                      + " is "
                      + m.get().status()
                      + ": only a reply the channel never accepted can be sent again")
              .toResponse();
      case NOTHING_TO_REPLAY ->
          Problem.of(409, "not-retryable", "Cannot be sent again")
              .withDetail("message " + id + " was refused before sending: write it again")
              .toResponse();
    };
  }

  /** A text the channel accepted and then reported failed (e.g. undeliverable just then). */
  private static boolean undeliveredText(Message m) {
    return Message.OUT.equals(m.direction())
        && m.status() == io.switchboard.engine.domain.MessageStatus.FAILED
        && m.externalId() != null
        && "text".equals(m.contentType())
        && m.body() != null
        && !m.body().isBlank();
  }

  /**
   * The agent asks for it: the same text as a new message (its own key, so a second click sends
   * nothing more), recorded on the ticket like any reply from the view.
   */
  private Response sendAgain(AgentSession s, Message failed) {
    Optional<Conversation> c = access.visible(s, failed.conversationId());
    if (c.isEmpty()) {
      return AgentJson.notFound("no message " + failed.id());
    }
    InboxSends.Outcome o =
        sends.reply(s, c.get(), failed.body(), null, List.of(), "retry:" + failed.id());
    if (o.refusal() != null) {
      return ChannelRefusals.of(o.refusal());
    }
    scheduler.wakeUp();
    return Response.accepted(
            AgentJson.object()
                .add("message", o.messages().get(0).id())
                .add("retryOf", failed.id())
                .build())
        .build();
  }

  @GET
  @Path("/conversations/{id}/templates")
  @Transactional
  @Operation(
      summary =
          "The approved templates of the conversation's channel, the customer's language first")
  public Response templates(@PathParam("id") String id) {
    Optional<Conversation> c = access.visible(current.session(), id);
    if (c.isEmpty()) {
      return AgentJson.notFound("no conversation " + id);
    }
    String language =
        c.get().customerId() == null
            ? null
            : customers.find(c.get().customerId()).map(x -> x.language()).orElse(null);
    List<ChannelTemplate> approved =
        templates.ofChannel(c.get().channelId()).stream()
            .filter(ChannelTemplate::approved)
            .sorted(
                Comparator.comparing((ChannelTemplate t) -> !sameLanguage(t.language(), language))
                    .thenComparing(ChannelTemplate::name)
                    .thenComparing(ChannelTemplate::language))
            .toList();
    return Response.ok(
            AgentJson.object()
                .add(
                    "items",
                    AgentJson.array(
                        approved,
                        t -> {
                          JsonObject v = TemplateView.of(t);
                          return AgentJson.object(v).add("components", v.get("parts")).build();
                        }))
                .build())
        .build();
  }

  @GET
  @Path("/agents")
  @Operation(
      summary =
          "The CRM's agents, as assignment targets (the CRM decides who may own a ticket of a"
              + " team and refuses the others)")
  public Response agents() {
    AgentSession s = current.session();
    Optional<AgentDirectory> directory =
        connections.crm(s.crm()).flatMap(c -> registry.adapter(c).capability(AgentDirectory.class));
    if (directory.isEmpty()) {
      return Response.ok(
              AgentJson.object().add("items", AgentJson.array(List.of(), x -> x)).build())
          .build();
    }
    List<CrmAgent> agents;
    try {
      agents = directory.get().agents();
    } catch (Exception e) {
      return Problem.of(502, "crm-unavailable", "The CRM did not answer")
          .withDetail("the agent directory could not be read: " + e.getMessage())
          .toResponse();
    }
    // A CRM's groups of agents are not its teams of tickets (RT: user groups vs queues), so the
    // directory cannot say who works for a team: every agent is offered, and the CRM refuses an
    // owner it does not allow for the ticket's team, which the view then shows.
    return Response.ok(
            AgentJson.object()
                .add(
                    "items",
                    AgentJson.array(
                        agents,
                        a ->
                            AgentJson.object()
                                .add("login", a.login())
                                .add("name", Objects.toString(a.name(), ""))
                                .add("email", Objects.toString(a.email(), ""))
                                .add("groups", AgentJson.array(a.groups(), g -> g))
                                .build()))
                .build())
        .build();
  }

  @GET
  @Path("/quick-replies")
  @Operation(summary = "The quick replies the admin manages")
  public JsonObject quickReplies() {
    return QuickReplyJson.list(quickReplies.of(workspace.id()));
  }

  private static boolean sameLanguage(String template, String customer) {
    if (customer == null || template == null) {
      return false;
    }
    String a = template.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    String b = customer.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    return a.equals(b)
        || a.startsWith(b + "_")
        || b.startsWith(a + "_")
        || a.split("_")[0].equals(b.split("_")[0]);
  }
}
