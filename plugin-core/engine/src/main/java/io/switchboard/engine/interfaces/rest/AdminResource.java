package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.ConnectionAdmin;
import io.switchboard.engine.application.Connections;
import io.switchboard.engine.application.OutboxEffects;
import io.switchboard.engine.application.PipelineScheduler;
import io.switchboard.engine.application.PluginRegistry;
import io.switchboard.engine.application.health.ConnectionHealth;
import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.application.health.ConnectionHealthBoard;
import io.switchboard.engine.application.health.ConnectionHealthProbe;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin API: plugins and their options, connections (secrets write-only), conversations and
 * messages, the ledger and its quarantine with replay.
 */
@Path("/admin")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject ConnectionAdmin admin;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject InboundEventLedger ledger;
  @Inject Outbox outbox;
  @Inject PipelineScheduler scheduler;
  @Inject OutboxEffects effects;
  @Inject ConnectionHealthBoard health;
  @Inject ConnectionHealthProbe probe;

  @GET
  @Path("/plugins")
  @Operation(summary = "Installed plugins and the options each understands")
  public JsonObject plugins() {
    JsonArrayBuilder channels = EngineJson.PROVIDER.createArrayBuilder();
    registry.channelFactories().values().forEach(f -> channels.add(plugin(f)));
    JsonArrayBuilder crms = EngineJson.PROVIDER.createArrayBuilder();
    registry.crmFactories().values().forEach(f -> crms.add(plugin(f)));
    return EngineJson.PROVIDER
        .createObjectBuilder()
        .add("channels", channels)
        .add("crms", crms)
        .build();
  }

  private static JsonObject plugin(PluginFactory<?> f) {
    JsonArrayBuilder options = EngineJson.PROVIDER.createArrayBuilder();
    for (PluginOption o : f.options()) {
      JsonObjectBuilder b =
          EngineJson.PROVIDER
              .createObjectBuilder()
              .add("name", o.name())
              .add("type", o.type().name())
              .add("required", o.required())
              .add("secret", o.secret())
              .add("description", o.description());
      if (o.defaultValue() != null) {
        b.add("default", o.defaultValue());
      }
      options.add(b);
    }
    return EngineJson.PROVIDER
        .createObjectBuilder()
        .add("id", f.id())
        .add("name", f.displayName())
        .add("options", options)
        .build();
  }

  @PUT
  @Path("/crm-connections/{id}")
  @Operation(summary = "Create or reconfigure a CRM connection")
  public Response putCrm(@PathParam("id") String id, JsonObject body) {
    try {
      var result = admin.configureCrm(id, body.getString("plugin", null), config(body));
      probe.probeSoon(Kind.CRM, id);
      return Response.status(result.created() ? 201 : 200).entity(crmJson(id)).build();
    } catch (InvalidConfigurationException e) {
      return invalid(e);
    }
  }

  @PUT
  @Path("/channels/{id}")
  @Operation(summary = "Create or reconfigure a channel account")
  public Response putChannel(@PathParam("id") String id, JsonObject body) {
    try {
      var result =
          admin.configureChannel(
              id,
              body.getString("plugin", null),
              body.getString("crmConnection", null),
              config(body));
      probe.probeSoon(Kind.CHANNEL, id);
      return Response.status(result.created() ? 201 : 200).entity(channelJson(id)).build();
    } catch (InvalidConfigurationException e) {
      return invalid(e);
    }
  }

  @GET
  @Path("/crm-connections")
  public JsonArray crmConnections() {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    connections.crms().forEach(c -> out.add(crmJson(c.id())));
    return out.build();
  }

  @GET
  @Path("/crm-connections/{id}")
  @Operation(summary = "One CRM connection, with its last probed health")
  public Response crmConnection(@PathParam("id") String id) {
    connections.invalidate(id);
    return connections.crm(id).isPresent()
        ? Response.ok(crmJson(id)).build()
        : notFound("no CRM connection " + id);
  }

  @GET
  @Path("/channels/{id}")
  @Operation(summary = "One channel account, with its last probed health")
  public Response channel(@PathParam("id") String id) {
    connections.invalidate(id);
    return connections.channel(id).isPresent()
        ? Response.ok(channelJson(id)).build()
        : notFound("no channel account " + id);
  }

  @GET
  @Path("/channels")
  public JsonArray channels() {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    connections.channels().forEach(c -> out.add(channelJson(c.id())));
    return out.build();
  }

  @GET
  @Path("/conversations")
  @Transactional
  @Operation(summary = "Conversations, most recently active first")
  public JsonArray conversations(@QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    em.createQuery("select c from Conversation c order by c.updatedAt desc", Conversation.class)
        .setMaxResults(Math.min(limit, 500))
        .getResultList()
        .forEach(c -> out.add(conversationJson(c)));
    return out.build();
  }

  @GET
  @Path("/conversations/{id}/messages")
  @Transactional
  public Response messages(@PathParam("id") String id) {
    if (em.find(Conversation.class, id) == null) {
      return notFound("no conversation " + id);
    }
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    em.createQuery(
            "select m from Message m where m.conversationId = :c order by m.createdAt, m.id",
            Message.class)
        .setParameter("c", id)
        .getResultList()
        .forEach(m -> out.add(messageJson(m)));
    return Response.ok(out.build()).build();
  }

  @GET
  @Path("/inbound-events")
  @Operation(summary = "The newest rows of the inbound ledger")
  public JsonArray inboundEvents(@QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    ledger.recent(Math.min(limit, 500)).forEach(e -> out.add(inboundJson(e)));
    return out.build();
  }

  @GET
  @Path("/outbox")
  @Operation(summary = "The newest outbox entries")
  public JsonArray outboxEntries(@QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    outbox.recent(Math.min(limit, 500)).forEach(e -> out.add(outboxJson(e)));
    return out.build();
  }

  @GET
  @Path("/quarantine")
  @Operation(summary = "Inbound events and outbox effects set aside, with their reasons")
  public JsonObject quarantine(@QueryParam("limit") @DefaultValue("100") int limit) {
    JsonArrayBuilder inbound = EngineJson.PROVIDER.createArrayBuilder();
    ledger.quarantined(Math.min(limit, 500)).forEach(e -> inbound.add(inboundJson(e)));
    JsonArrayBuilder effects = EngineJson.PROVIDER.createArrayBuilder();
    outbox.quarantined(Math.min(limit, 500)).forEach(e -> effects.add(outboxJson(e)));
    return EngineJson.PROVIDER
        .createObjectBuilder()
        .add("inbound", inbound)
        .add("outbox", effects)
        .build();
  }

  @POST
  @Path("/quarantine/inbound/{id}/replay")
  @Operation(summary = "Process a quarantined inbound event again")
  public Response replayInbound(@PathParam("id") long id) {
    if (!ledger.replay(id)) {
      return notFound("no quarantined inbound event " + id);
    }
    scheduler.wakeUp();
    return Response.accepted().build();
  }

  @POST
  @Path("/quarantine/outbox/{id}/replay")
  @Operation(summary = "Perform a quarantined outbox effect again")
  public Response replayOutbox(@PathParam("id") long id) {
    var entry = outbox.find(id);
    if (entry.isEmpty() || entry.get().status() != LedgerStatus.QUARANTINED) {
      return notFound("no quarantined outbox entry " + id);
    }
    effects.prepareReplay(entry.get());
    if (!outbox.replay(id)) {
      return notFound("no quarantined outbox entry " + id);
    }
    scheduler.wakeUp();
    return Response.accepted().build();
  }

  private static Map<String, String> config(JsonObject body) {
    Map<String, String> values = new LinkedHashMap<>();
    JsonObject config = body.getJsonObject("config");
    if (config != null) {
      for (Map.Entry<String, JsonValue> e : config.entrySet()) {
        JsonValue v = e.getValue();
        values.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
      }
    }
    return values;
  }

  private static Response invalid(InvalidConfigurationException e) {
    JsonArrayBuilder problems = EngineJson.PROVIDER.createArrayBuilder();
    e.problems().forEach(problems::add);
    return Problem.of(400, "invalid-configuration", "Invalid configuration")
        .withDetail("invalid configuration: " + String.join("; ", e.problems()))
        .with("problems", problems.build())
        .toResponse();
  }

  private static Response notFound(String detail) {
    return Problem.of(404, "not-found", "No such item").withDetail(detail).toResponse();
  }

  private JsonObject crmJson(String id) {
    CrmConnection c = connectionsCrm(id);
    return EngineJson.PROVIDER
        .createObjectBuilder()
        .add("id", c.id())
        .add("plugin", c.plugin())
        .add(
            "config",
            EngineJson.PROVIDER
                .createReader(new java.io.StringReader(c.publicConfig()))
                .readObject())
        .add("secrets", "write-only")
        .add("health", healthJson(health.of(Kind.CRM, c.id())))
        .build();
  }

  private static JsonObject healthJson(ConnectionHealth h) {
    JsonObjectBuilder b =
        EngineJson.PROVIDER.createObjectBuilder().add("status", h.status().name());
    nullable(b, "checkedAt", h.checkedAt());
    nullable(b, "reason", h.reason());
    return b.build();
  }

  private CrmConnection connectionsCrm(String id) {
    connections.invalidate(id);
    return connections.crm(id).orElseThrow();
  }

  private JsonObject channelJson(String id) {
    connections.invalidate(id);
    ChannelAccount c = connections.channel(id).orElseThrow();
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("id", c.id())
            .add("plugin", c.plugin())
            .add(
                "config",
                EngineJson.PROVIDER
                    .createReader(new java.io.StringReader(c.publicConfig()))
                    .readObject())
            .add("secrets", "write-only")
            .add("health", healthJson(health.of(Kind.CHANNEL, c.id())))
            .add("webhookPath", "/switchboard/api/channels/" + c.id() + "/webhook");
    return c.crmConnectionId() == null
        ? b.addNull("crmConnection").build()
        : b.add("crmConnection", c.crmConnectionId()).build();
  }

  private JsonObject conversationJson(Conversation c) {
    Customer customer = em.find(Customer.class, c.customerId());
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("id", c.id())
            .add("channel", c.channelId())
            .add("status", c.status())
            .add("channelUserId", c.channelUserId());
    nullable(b, "customerName", customer == null ? null : customer.displayName());
    nullable(b, "customerPhone", customer == null ? null : customer.phoneE164());
    nullable(b, "crmConnection", c.crmConnectionId());
    nullable(b, "crmTicketId", c.crmTicketId());
    nullable(b, "assignee", c.assignee());
    nullable(b, "lastInboundAt", c.lastInboundAt());
    nullable(b, "updatedAt", c.updatedAt());
    return b.build();
  }

  private static JsonObject messageJson(Message m) {
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("id", m.id())
            .add("direction", m.direction())
            .add("type", m.contentType())
            .add("status", m.status().name());
    nullable(b, "externalId", m.externalId());
    nullable(b, "body", m.body());
    nullable(b, "author", m.author());
    nullable(b, "crmEntryId", m.crmEntryId());
    nullable(b, "errorCode", m.errorCode());
    nullable(b, "errorMessage", m.errorMessage());
    nullable(b, "sentAt", m.sentAt());
    nullable(b, "statusAt", m.statusAt());
    nullable(b, "createdAt", m.createdAt());
    return b.build();
  }

  private static JsonObject inboundJson(InboundEvent e) {
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("id", e.id())
            .add("source", e.source())
            .add("dedupeKey", e.dedupeKey())
            .add("format", e.format())
            .add("status", e.status().name())
            .add("attempts", e.attempts())
            .add("body", new String(e.body(), StandardCharsets.UTF_8));
    nullable(b, "reason", e.lastError());
    nullable(b, "receivedAt", e.receivedAt());
    nullable(b, "processedAt", e.processedAt());
    return b.build();
  }

  private static JsonObject outboxJson(OutboxEntry e) {
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("id", e.id())
            .add("target", e.target())
            .add("action", e.action())
            .add("idempotencyKey", e.idempotencyKey())
            .add("subjectId", e.subjectId())
            .add("status", e.status().name())
            .add("attempts", e.attempts());
    nullable(b, "reason", e.lastError());
    nullable(b, "result", e.result());
    nullable(b, "nextAttemptAt", e.nextAttemptAt());
    nullable(b, "createdAt", e.createdAt());
    return b.build();
  }

  private static void nullable(JsonObjectBuilder b, String key, Object value) {
    if (value == null) {
      b.addNull(key);
    } else if (value instanceof Instant i) {
      b.add(key, i.toString());
    } else {
      b.add(key, value.toString());
    }
  }
}
