package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.application.pipeline.WebhookIngestion;
import io.switchboard.engine.application.routing.ChannelRouting;
import io.switchboard.spi.channel.HandshakeResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The one webhook URL of a channel app (a Meta app: all its phone numbers post here, signed with
 * the one app secret). Each event is routed to its channel account by the account id it carries;
 * events for accounts nobody configured are kept and processed once the account is added.
 */
@Path("/apps/{appId}/webhook")
@RequestScoped
public class ChannelAppWebhookResource {
  @Inject WebhookIngestion ingestion;
  @Inject ChannelRouting routing;
  @Inject PluginRegistry registry;
  @Inject PipelineScheduler scheduler;
  @Inject RequestBodies bodies;

  @GET
  @Operation(summary = "Subscription handshake of a channel app (hub.mode, hub.verify_token)")
  public Response handshake(@PathParam("appId") String appId, @Context UriInfo uri) {
    return routing
        .app(appId)
        .map(app -> registry.receiver(app).handshake(uri.getQueryParameters()))
        .flatMap(HandshakeResult::body)
        .map(body -> Response.ok(body, MediaType.TEXT_PLAIN).build())
        .orElseGet(() -> WebhookRequests.handshakeRefused(uri));
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Event delivery for all accounts of the app, verified over the raw body")
  public Response deliver(
      @PathParam("appId") String appId,
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    IngestOutcome outcome =
        ingestion.ingestApp(
            appId, WebhookRequests.of("POST", bodies.read(body, headers), headers, uri));
    if (outcome.stored() > 0) {
      scheduler.wakeUp();
    }
    return WebhookRequests.answer(outcome, uri);
  }
}
