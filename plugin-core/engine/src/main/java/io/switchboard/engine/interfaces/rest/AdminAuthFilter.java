package io.switchboard.engine.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the admin API with a bearer token ({@code switchboard.admin.token}). Bound by {@link
 * AdminApi} to the admin resources themselves, after JAX-RS matched the request, so no spelling of
 * the path can reach them unguarded. Without a configured token the admin API is off (503), never
 * open.
 */
@Provider
@AdminApi
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
  @Inject
  @ConfigProperty(name = "switchboard.admin.token")
  Optional<String> token;

  @Override
  public void filter(ContainerRequestContext request) {
    String instance = Problems.instance(request.getUriInfo());
    switch (new AdminToken(token).check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      case ACCEPTED -> {}
      case DISABLED ->
          request.abortWith(
              Problem.of(503, "admin-disabled", "The admin API is disabled")
                  .withDetail("set switchboard.admin.token (env SWITCHBOARD_ADMIN_TOKEN)")
                  .withInstance(instance)
                  .toResponse());
      case REFUSED ->
          request.abortWith(
              Response.fromResponse(
                      Problem.of(401, "unauthorized", "Admin token required")
                          .withDetail("missing or wrong bearer token")
                          .withInstance(instance)
                          .toResponse())
                  .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-admin\"")
                  .build());
    }
  }
}
