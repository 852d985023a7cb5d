package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.pipeline.IngestOutcome;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.WebhookRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns JAX-RS requests into SPI webhook requests, and ingest outcomes into HTTP answers. Webhook
 * callers are anonymous: refusals are problem details that name the kind of refusal only, never a
 * plugin's reason (which may quote a parser or a host).
 */
final class WebhookRequests {
  private WebhookRequests() {}

  /** The request with its method and full URI (some CRMs sign them with the body). */
  static WebhookRequest of(String method, byte[] body, HttpHeaders headers, UriInfo uri) {
    return new WebhookRequest(
        method,
        uri.getRequestUri().toString(),
        body,
        headers.getRequestHeaders(),
        uri.getQueryParameters());
  }

  static Response answer(IngestOutcome outcome, UriInfo uri) {
    String result = outcome.result().name().toLowerCase();
    return switch (outcome.result()) {
      case ACCEPTED ->
          json(
              EngineJson.PROVIDER
                  .createObjectBuilder()
                  .add("result", result)
                  .add("stored", outcome.stored())
                  .add("duplicates", outcome.duplicates())
                  .build()
                  .toString());
      case QUARANTINED ->
          // 200 so the sender does not resend; the reason is for operators (admin quarantine)
          json(
              EngineJson.PROVIDER
                  .createObjectBuilder()
                  .add("result", result)
                  .add("reason", "the payload could not be understood; it was kept for an operator")
                  .build()
                  .toString());
      case UNAUTHENTIC, UNKNOWN_SOURCE -> refusal(outcome, uri).toResponse();
    };
  }

  /** The problem detail of a refused delivery. */
  static Problem refusal(IngestOutcome outcome, UriInfo uri) {
    Problem problem =
        switch (outcome.result()) {
          case UNAUTHENTIC ->
              Problem.of(401, "unauthentic-webhook", "Webhook signature missing or not valid");
          case UNKNOWN_SOURCE ->
              Problem.of(404, "unknown-source", "No channel account or CRM connection at this URL");
          case ACCEPTED, QUARANTINED ->
              throw new IllegalArgumentException(outcome.result() + " is no refusal");
        };
    return problem
        .withInstance(Problems.instance(uri))
        .with("result", outcome.result().name().toLowerCase());
  }

  /** The handshake of a channel that does not exist, or with a wrong verify token. */
  static Response handshakeRefused(UriInfo uri) {
    return Problem.of(403, "handshake-refused", "Webhook subscription handshake refused")
        .withInstance(Problems.instance(uri))
        .toResponse();
  }

  private static Response json(String body) {
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }
}
