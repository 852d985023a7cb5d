package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
    switch (new AdminToken(token).check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
      case ACCEPTED -> {}
      case DISABLED ->
          request.abortWith(
              problem(
                  503,
                  "the admin API is disabled: set switchboard.admin.token (env"
                      + " SWITCHBOARD_ADMIN_TOKEN)"));
      case REFUSED ->
          request.abortWith(
              Response.fromResponse(problem(401, "missing or wrong bearer token"))
                  .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard-admin\"")
                  .build());
    }
  }

  static Response problem(int status, String detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(
            EngineJson.PROVIDER
                .createObjectBuilder()
                .add("status", status)
                .add("detail", detail)
                .build())
        .build();
  }
}
