package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.pipeline.OutboxEffects;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.WaitingRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/inbound-events}, {@code /admin/outbox} and {@code /admin/quarantine}: the inbound
 * ledger and the outbox, what was set aside, and replay after a fix.
 */
@Path("/admin")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerAdminResource {
  private static final int MAX_LIMIT = 500;

  @Inject InboundEventLedger ledger;
  @Inject Outbox outbox;
  @Inject PipelineScheduler scheduler;
  @Inject OutboxEffects effects;

  static int capped(int limit) {
    return Math.max(0, Math.min(limit, MAX_LIMIT));
  }

  @GET
  @Path("/inbound-events")
  @Operation(summary = "The newest rows of the inbound ledger")
  public JsonArray inboundEvents(@QueryParam("limit") @DefaultValue("50") int limit) {
    var rows = ledger.recent(capped(limit)).stream().map(InboundEventView::of).toList();
    return AdminJson.array(rows, InboundEventView::toJson).build();
  }

  @GET
  @Path("/outbox")
  @Operation(summary = "The newest outbox entries")
  public JsonArray outboxEntries(@QueryParam("limit") @DefaultValue("50") int limit) {
    var rows = outbox.recent(capped(limit)).stream().map(OutboxEntryView::of).toList();
    return AdminJson.array(rows, OutboxEntryView::toJson).build();
  }

  @GET
  @Path("/quarantine")
  @Operation(summary = "Inbound events and outbox effects set aside, with their reasons")
  public JsonObject quarantine(@QueryParam("limit") @DefaultValue("100") int limit) {
    var inbound = ledger.quarantined(capped(limit)).stream().map(InboundEventView::of).toList();
    var effects = outbox.quarantined(capped(limit)).stream().map(OutboxEntryView::of).toList();
    return AdminJson.object()
        .add("inbound", AdminJson.array(inbound, InboundEventView::toJson))
        .add("outbox", AdminJson.array(effects, OutboxEntryView::toJson))
        .build();
  }

  @POST
  @Path("/quarantine/inbound/{id}/replay")
  @Operation(summary = "Process a quarantined inbound event again")
  public Response replayInbound(@PathParam("id") long id) {
    if (!ledger.replay(id)) {
      return AdminJson.notFound("no quarantined inbound event " + id);
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
      return AdminJson.notFound("no quarantined outbox entry " + id);
    }
    effects.prepareReplay(entry.get());
    if (!outbox.replay(id)) {
      return AdminJson.notFound("no quarantined outbox entry " + id);
    }
    scheduler.wakeUp();
    return Response.accepted().build();
  }

  @POST
  @Path("/quarantine/inbound/{id}/skip")
  @Operation(
      summary =
          "Give up on a quarantined inbound event for good: the events behind it proceed"
              + " (body {\"note\": \"why\"})")
  @Consumes(MediaType.WILDCARD)
  public Response skipInbound(@PathParam("id") long id, String body) {
    if (!ledger.skip(id, note(body))) {
      return AdminJson.notFound("no quarantined inbound event " + id);
    }
    scheduler.wakeUp();
    return Response.accepted().build();
  }

  @POST
  @Path("/quarantine/outbox/{id}/skip")
  @Operation(
      summary =
          "Give up on a quarantined outbox effect for good: the effects behind it proceed"
              + " (body {\"note\": \"why\"})")
  @Consumes(MediaType.WILDCARD)
  public Response skipOutbox(@PathParam("id") long id, String body) {
    if (!outbox.skip(id, note(body))) {
      return AdminJson.notFound("no quarantined outbox entry " + id);
    }
    scheduler.wakeUp();
    return Response.accepted().build();
  }

  @GET
  @Path("/quarantine/waiting")
  @Operation(summary = "Rows held back behind a quarantined earlier row of their conversation")
  public JsonObject waiting(@QueryParam("limit") @DefaultValue("100") int limit) {
    return AdminJson.object()
        .add("inbound", waitingJson(ledger.waitingBehindQuarantine(capped(limit))))
        .add("outbox", waitingJson(outbox.waitingBehindQuarantine(capped(limit))))
        .build();
  }

  private static jakarta.json.JsonArrayBuilder waitingJson(java.util.List<WaitingRow> rows) {
    return AdminJson.array(
        rows,
        w ->
            AdminJson.object()
                .add("id", w.id())
                .add("orderingKey", w.orderingKey())
                .add("behind", w.behindId())
                .add("reason", w.reason())
                .build());
  }

  /** The admin's note from an optional {@code {"note": "..."}} body. */
  private static String note(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return AdminJson.parse(body).getString("note", null);
    } catch (RuntimeException e) {
      return body.trim(); // a plain-text note is fine too
    }
  }
}
