package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.orders.FieldProblem;
import io.switchboard.engine.application.orders.ShopIngestion;
import io.switchboard.engine.application.orders.ShopIngestion.PushOutcome;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a shop pushes its orders and their status changes ({@code Authorization: Bearer <the shop's
 * API key>}). A valid order is answered 202 once it is stored; the order book follows.
 */
@Path("/shops/{shopId}/orders")
@RequestScoped
public class ShopOrderResource {
  @Inject ShopIngestion ingestion;
  @Inject PipelineScheduler scheduler;
  @Inject RequestBodies bodies;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Push an order or its update (JSON, docs/orders.md); idempotent by order")
  public Response push(
      @PathParam("shopId") String shopId,
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    PushOutcome outcome =
        ingestion.push(
            shopId, headers.getHeaderString(HttpHeaders.AUTHORIZATION), bodies.read(body, headers));
    String instance = Problems.instance(uri);
    return switch (outcome.result()) {
      case ACCEPTED, DUPLICATE -> {
        if (outcome.result() == PushOutcome.Result.ACCEPTED) {
          scheduler.wakeUp();
        }
        yield Response.accepted(
                EngineJson.PROVIDER
                    .createObjectBuilder()
                    .add("result", outcome.result().name().toLowerCase())
                    .add("orderId", outcome.orderId())
                    .build()
                    .toString())
            .type(MediaType.APPLICATION_JSON)
            .build();
      }
      case INVALID -> invalid(outcome, instance);
      case UNAUTHENTIC ->
          Response.fromResponse(
                  Problem.of(401, "unauthorized-shop", "Shop API key required")
                      .withDetail("missing or wrong bearer token (the shop's API key)")
                      .withInstance(instance)
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-shop\"")
              .build();
      case UNKNOWN_SHOP ->
          Problem.of(404, "unknown-source", "No shop at this URL")
              .withInstance(instance)
              .toResponse();
    };
  }

  private static Response invalid(PushOutcome outcome, String instance) {
    JsonArrayBuilder problems = EngineJson.PROVIDER.createArrayBuilder();
    for (FieldProblem p : outcome.problems()) {
      problems.add(
          EngineJson.PROVIDER
              .createObjectBuilder()
              .add("field", p.field())
              .add("problem", p.problem()));
    }
    return Problem.of(422, "invalid-order", "Order not valid")
        .withDetail(
            outcome.problems().stream()
                .map(p -> (p.field().isEmpty() ? "" : p.field() + " ") + p.problem())
                .collect(Collectors.joining("; ")))
        .withInstance(instance)
        .with("problems", problems.build())
        .toResponse();
  }
}
