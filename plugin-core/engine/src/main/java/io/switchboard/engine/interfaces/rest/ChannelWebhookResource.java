package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.application.pipeline.WebhookIngestion;
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
 * The webhook a channel calls (e.g. Meta for a WhatsApp number): the subscription handshake and
 * event deliveries. A delivery is answered only after its events are stored.
 */
@Path("/channels/{channelId}/webhook")
@RequestScoped
public class ChannelWebhookResource {
  @Inject WebhookIngestion ingestion;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject PipelineScheduler scheduler;
  @Inject RequestBodies bodies;

  @GET
  @Operation(summary = "Subscription handshake (hub.mode, hub.verify_token, hub.challenge)")
  public Response handshake(@PathParam("channelId") String channelId, @Context UriInfo uri) {
    return connections
        .channel(channelId)
        .map(account -> ingestion.receiverOf(account).handshake(uri.getQueryParameters()))
        .flatMap(HandshakeResult::body)
        .map(body -> Response.ok(body, MediaType.TEXT_PLAIN).build())
        .orElseGet(() -> WebhookRequests.handshakeRefused(uri));
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Event delivery, verified over the raw body (X-Hub-Signature-256)")
  public Response deliver(
      @PathParam("channelId") String channelId,
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    IngestOutcome outcome =
        ingestion.ingestChannel(
            channelId, WebhookRequests.of("POST", bodies.read(body, headers), headers, uri));
    if (outcome.stored() > 0) {
      scheduler.wakeUp();
    }
    return WebhookRequests.answer(outcome, uri);
  }
}
