package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.orders.ShopAdmin;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.spi.InvalidConfigurationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/shops}: the shops that send orders. The API key is in the answer of the creation
 * and of a rotation only; the Shopify webhook secret is write-only.
 */
@Path("/admin/shops")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShopAdminResource {
  @Inject ShopAdmin shops;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Create a shop ({\"name\", \"kind\": \"rest\"|\"shopify\", \"webhookSecret\"});"
              + " answers its API key once")
  public Response create(JsonObject body) {
    try {
      var created =
          shops.create(
              body == null ? null : body.getString("name", null),
              body == null ? null : body.getString("kind", null),
              body == null ? null : body.getString("webhookSecret", null));
      return Response.status(201).entity(ShopView.of(created.shop(), created.apiKey())).build();
    } catch (InvalidConfigurationException e) {
      return AdminJson.invalid(e);
    } catch (ClassCastException e) {
      return AdminJson.invalid(
          new InvalidConfigurationException(
              java.util.List.of("name, kind and webhookSecret must be strings")));
    }
  }

  @GET
  @Operation(summary = "Shops, oldest first")
  public JsonArray list() {
    return AdminJson.array(shops.all(), s -> ShopView.of(s, null)).build();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return shops
        .find(id)
        .map(s -> Response.ok(ShopView.of(s, null)).build())
        .orElseGet(() -> AdminJson.notFound("no shop " + id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a shop; its orders stay in the customers' history")
  public Response delete(@PathParam("id") String id) {
    return shops.delete(id) ? Response.noContent().build() : AdminJson.notFound("no shop " + id);
  }

  @POST
  @Path("/{id}/api-key")
  @Operation(summary = "A new API key for the shop (answered once); the old one stops working")
  public Response rotate(@PathParam("id") String id) {
    return shops
        .rotateApiKey(id)
        .map(key -> Response.ok(ShopView.of(shops.find(id).orElseThrow(), key)).build())
        .orElseGet(() -> AdminJson.notFound("no shop " + id));
  }
}
