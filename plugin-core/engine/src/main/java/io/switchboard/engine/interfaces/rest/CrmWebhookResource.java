package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.application.pipeline.WebhookIngestion;
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

/** The webhook a CRM calls when agents act (e.g. Request Tracker's Switchboard scrip). */
@Path("/crm/{connectionId}/webhook")
@RequestScoped
public class CrmWebhookResource {
  @Inject WebhookIngestion ingestion;
  @Inject PipelineScheduler scheduler;
  @Inject RequestBodies bodies;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "CRM change notification, verified by the adapter (e.g. X-RT-Signature)")
  public Response deliver(
      @PathParam("connectionId") String connectionId,
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    IngestOutcome outcome =
        ingestion.ingestCrm(
            connectionId, WebhookRequests.of("POST", bodies.read(body, headers), headers, uri));
    if (outcome.stored() > 0) {
      scheduler.wakeUp();
    }
    return WebhookRequests.answer(outcome, uri);
  }
}
