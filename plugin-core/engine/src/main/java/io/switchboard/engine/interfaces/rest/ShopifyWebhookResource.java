package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.orders.ShopIngestion;
import io.switchboard.engine.application.orders.ShopifySignature;
import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
 * The URL a Shopify shop's order webhooks go to: verified over the raw body ({@code
 * X-Shopify-Hmac-Sha256}), stored, then answered 200 (Shopify resends anything else).
 */
@Path("/shops/{shopId}/webhook")
@RequestScoped
public class ShopifyWebhookResource {
  static final String TOPIC = "X-Shopify-Topic";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";

  @Inject ShopIngestion ingestion;
  @Inject PipelineScheduler scheduler;
  @Inject RequestBodies bodies;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Shopify webhook (orders/create, orders/updated), X-Shopify-Hmac-Sha256")
  public Response deliver(
      @PathParam("shopId") String shopId,
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    IngestOutcome outcome =
        ingestion.shopify(
            shopId,
            bodies.read(body, headers),
            headers.getHeaderString(ShopifySignature.HEADER),
            headers.getHeaderString(TOPIC),
            headers.getHeaderString(WEBHOOK_ID));
    if (outcome.result() == IngestOutcome.Result.UNKNOWN_SOURCE) {
      return Problem.of(404, "unknown-source", "No Shopify shop at this URL")
          .withInstance(Problems.instance(uri))
          .toResponse();
    }
    if (outcome.stored() > 0) {
      scheduler.wakeUp();
    }
    return WebhookRequests.answer(outcome, uri);
  }
}
