package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.application.conversations.CustomerProfiles;
import io.switchboard.engine.application.orders.OrderBook;
import io.switchboard.engine.application.orders.OrderCustomers;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /admin/customers}: find customers, see where they are known, edit their profile. */
@Path("/admin/customers")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAdminResource {
  @Inject CustomerProfiles profiles;
  @Inject OrderBook book;
  @Inject OrderCustomers buyers;
  @Inject Workspace workspace;

  @GET
  @Operation(
      summary =
          "Customers whose name, phone or e-mail contains q, newest first; with phone= or email="
              + " instead, the one customer an order with that phone or e-mail would belong to")
  public Response search(
      @QueryParam("q") String q,
      @QueryParam("phone") String phone,
      @QueryParam("email") String email,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (phone != null || email != null) {
      OrderBuyer buyer =
          new OrderBuyer(
              PhoneNumberNormalizer.toE164(phone).orElse(null),
              email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT),
              null);
      return buyers
          .lookUp(workspace.id(), buyer)
          .map(c -> Response.ok(summary(c).build()).build())
          .orElseGet(() -> AdminJson.notFound("no customer with that phone or e-mail"));
    }
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    profiles.search(q, LedgerAdminResource.capped(limit)).forEach(c -> out.add(summary(c)));
    return Response.ok(AdminJson.object().add("customers", out).build()).build();
  }

  @GET
  @Path("/{id}/orders")
  @Operation(summary = "A customer's orders, newest first")
  public Response orders(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (buyers.customer(id).isEmpty()) {
      return AdminJson.notFound("no customer " + id);
    }
    return Response.ok(
            AdminJson.array(book.orders(id, LedgerAdminResource.capped(limit)), OrderView::of)
                .build())
        .build();
  }

  @GET
  @Path("/{id}/order-summary")
  @Operation(summary = "What the mapped order fields show: last order, count, lifetime value")
  public Response orderSummary(@PathParam("id") String id) {
    if (buyers.customer(id).isEmpty()) {
      return AdminJson.notFound("no customer " + id);
    }
    return book.summary(id)
        .map(s -> Response.ok(OrderView.summary(s)).build())
        .orElseGet(() -> AdminJson.notFound("customer " + id + " has no orders"));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A customer's profile, channel identities and CRM requesters")
  public Response get(@PathParam("id") String id) {
    return profiles
        .profile(id)
        .map(p -> Response.ok(profile(p)).build())
        .orElseGet(() -> AdminJson.notFound("no customer " + id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Edit name, phone, email or language (absent: kept; \"\" clears email or language);"
              + " mapped CRM fields follow")
  public Response edit(@PathParam("id") String id, JsonObject body) {
    if (body == null) {
      return Problem.of(400, "invalid-request", "Invalid request")
          .withDetail("send a JSON object with the fields to change")
          .toResponse();
    }
    try {
      return profiles
          .edit(
              id,
              AdminJson.text(body, "name"),
              AdminJson.text(body, "phone"),
              AdminJson.text(body, "email"),
              AdminJson.text(body, "language"))
          .map(p -> Response.ok(profile(p)).build())
          .orElseGet(() -> AdminJson.notFound("no customer " + id));
    } catch (CustomerProfiles.InvalidEditException e) {
      JsonArrayBuilder problems = EngineJson.PROVIDER.createArrayBuilder();
      e.problems().forEach(problems::add);
      return Problem.of(422, "invalid-profile", "The profile edit is refused")
          .withDetail(e.getMessage())
          .with("problems", problems.build())
          .toResponse();
    }
  }

  static JsonObjectBuilder summary(Customer c) {
    JsonObjectBuilder b = AdminJson.object().add("id", c.id());
    AdminJson.nullable(b, "name", c.displayName());
    AdminJson.nullable(b, "phone", c.phoneE164());
    AdminJson.nullable(b, "email", c.email());
    AdminJson.nullable(b, "language", c.language());
    return b;
  }

  private static JsonObject profile(CustomerProfiles.Profile p) {
    JsonArrayBuilder identities = EngineJson.PROVIDER.createArrayBuilder();
    p.identities()
        .forEach(
            i -> identities.add(AdminJson.object().add("kind", i.kind()).add("value", i.value())));
    JsonArrayBuilder requesters = EngineJson.PROVIDER.createArrayBuilder();
    p.requesters()
        .forEach(
            l ->
                requesters.add(
                    AdminJson.object()
                        .add("crmConnectionId", l.crmConnectionId())
                        .add("requesterId", l.requesterId())));
    JsonObjectBuilder b = summary(p.customer());
    AdminJson.nullable(b, "profileChangedAt", p.customer().profileChangedAt());
    return b.add("identities", identities).add("requesters", requesters).build();
  }
}
