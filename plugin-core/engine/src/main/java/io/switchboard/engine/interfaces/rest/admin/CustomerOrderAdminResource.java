package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Workspace;
import io.switchboard.engine.application.orders.OrderBook;
import io.switchboard.engine.application.orders.OrderCustomers;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.engine.interfaces.rest.AdminApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/customers}: a customer found by phone or e-mail (as an order would find them), and
 * their orders and order summary.
 */
@Path("/admin/customers")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerOrderAdminResource {
  @Inject OrderBook book;
  @Inject OrderCustomers customers;
  @Inject Workspace workspace;

  @GET
  @Operation(summary = "The customer with this phone (E.164) or e-mail")
  public Response find(@QueryParam("phone") String phone, @QueryParam("email") String email) {
    OrderBuyer buyer =
        new OrderBuyer(
            PhoneNumberNormalizer.toE164(phone).orElse(null),
            email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT),
            null);
    return customers
        .lookUp(workspace.id(), buyer)
        .map(c -> Response.ok(json(c)).build())
        .orElseGet(() -> AdminJson.notFound("no customer with that phone or e-mail"));
  }

  @GET
  @Path("/{id}/orders")
  @Operation(summary = "A customer's orders, newest first")
  public Response orders(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
    if (customers.customer(id).isEmpty()) {
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
  public Response summary(@PathParam("id") String id) {
    if (customers.customer(id).isEmpty()) {
      return AdminJson.notFound("no customer " + id);
    }
    return book.summary(id)
        .map(s -> Response.ok(OrderView.summary(s)).build())
        .orElseGet(() -> AdminJson.notFound("customer " + id + " has no orders"));
  }

  private static JsonObject json(Customer c) {
    var b = AdminJson.object().add("id", c.id());
    AdminJson.nullable(b, "name", c.displayName());
    AdminJson.nullable(b, "phone", c.phoneE164());
    AdminJson.nullable(b, "email", c.email());
    return b.build();
  }
}
