package io.switchboard.bench.baseline;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /baseline/api/ingest}: parse the body, insert one row, answer 200. No signature check
 * and no deduplication: the floor Switchboard's webhook is measured against.
 */
@Path("/ingest")
@RequestScoped
public class IngestResource {
  @Inject BaselineStore store;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response ingest(byte[] body) {
    WebhookMessageSummary message;
    try {
      message = WebhookMessageSummary.parse(body);
    } catch (IllegalArgumentException e) {
      return Response.status(400)
          .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString())
          .build();
    }
    store.store(message, body);
    return Response.ok("{\"result\":\"accepted\",\"stored\":1}").build();
  }

  /** Rows stored so far; also the readiness probe of the benchmark script. */
  @GET
  @Path("/count")
  @Produces(MediaType.APPLICATION_JSON)
  public Response count() {
    return Response.ok("{\"rows\":" + store.count() + "}").build();
  }
}
