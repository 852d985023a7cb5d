package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.IngestOutcome;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.WebhookRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns JAX-RS requests into SPI webhook requests, and ingest outcomes into HTTP answers. */
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

  static Response answer(IngestOutcome outcome) {
    var json =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("result", outcome.result().name().toLowerCase());
    switch (outcome.result()) {
      case ACCEPTED -> json.add("stored", outcome.stored()).add("duplicates", outcome.duplicates());
      case QUARANTINED, UNAUTHENTIC, UNKNOWN_SOURCE -> json.add("reason", outcome.reason());
    }
    int status =
        switch (outcome.result()) {
          case ACCEPTED, QUARANTINED -> 200;
          case UNAUTHENTIC -> 401;
          case UNKNOWN_SOURCE -> 404;
        };
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(json.build().toString())
        .build();
  }
}
