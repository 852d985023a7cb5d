package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.application.templates.TemplateSync;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/channels/{id}/templates}: the synced message templates of a channel account, and a
 * sync on demand. An account whose connector has no template catalog says so.
 */
@Path("/admin/channels/{id}/templates")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelTemplateAdminResource {
  @Inject Connections connections;
  @Inject TemplateRows rows;
  @Inject TemplateSync sync;

  @GET
  @Operation(
      summary =
          "The synced templates of a channel account (filters: status, language), with the last"
              + " sync on this instance")
  public Response list(
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("language") String language) {
    Optional<ChannelAccount> account = connections.channel(id);
    if (account.isEmpty()) {
      return AdminJson.notFound("no channel account " + id);
    }
    JsonObjectBuilder b = AdminJson.object().add("channel", id);
    boolean supported = catalogSupported(account.get(), b);
    b.add("catalog", supported ? "supported" : "unsupported");
    sync.lastOutcome(id)
        .ifPresent(
            o ->
                b.add(
                    "lastSync",
                    AdminJson.object()
                        .add("at", o.at().toString())
                        .add("ok", o.ok())
                        .add("detail", o.detail() == null ? "" : o.detail())));
    b.add("templates", AdminJson.array(rows.list(id, status, language), TemplateView::of));
    return Response.ok(b.build()).build();
  }

  @POST
  @Path("/sync")
  @Operation(summary = "Read the account's templates from the channel now and store them")
  public Response sync(@PathParam("id") String id) {
    Optional<ChannelAccount> account = connections.channel(id);
    if (account.isEmpty()) {
      return AdminJson.notFound("no channel account " + id);
    }
    try {
      return sync.sync(account.get())
          .map(
              r ->
                  Response.ok(
                          AdminJson.object()
                              .add("channel", id)
                              .add("inserted", r.inserted())
                              .add("updated", r.updated())
                              .add("deleted", r.deleted())
                              .add("unchanged", r.unchanged())
                              .build())
                      .build())
          .orElseGet(() -> noCatalog(account.get()).toResponse());
    } catch (RetryableException e) {
      return Problem.of(503, "channel-unavailable", "Channel unavailable")
          .withDetail("the channel did not answer; try again: " + e.getMessage())
          .toResponse();
    } catch (PermanentException e) {
      return Problem.of(502, "channel-refused", "Channel refused")
          .withDetail("the channel refused to list the templates: " + e.getMessage())
          .toResponse();
    }
  }

  private boolean catalogSupported(ChannelAccount account, JsonObjectBuilder b) {
    try {
      if (sync.catalogOf(account).isPresent()) {
        return true;
      }
      b.add("detail", noCatalog(account).detail());
    } catch (RuntimeException e) {
      b.add("detail", "the channel's connector is not available: " + e.getMessage());
    }
    return false;
  }

  private static Problem noCatalog(ChannelAccount account) {
    return Problem.of(409, "no-template-catalog", "No template catalog")
        .withDetail(
            "the "
                + account.plugin()
                + " connector of channel account "
                + account.id()
                + " offers no template catalog, so its templates cannot be synced");
  }
}
