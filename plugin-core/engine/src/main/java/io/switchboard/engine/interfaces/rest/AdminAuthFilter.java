package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards {@code /api/admin/*} with a bearer token ({@code switchboard.admin.token}), compared in
 * constant time. Without a configured token the admin API is off (503), never open.
 */
@Provider
public class AdminAuthFilter implements ContainerRequestFilter {
  @Inject
  @ConfigProperty(name = "switchboard.admin.token")
  Optional<String> token;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("admin") && !path.startsWith("/admin")) {
      return;
    }
    if (token.isEmpty() || token.get().isBlank()) {
      request.abortWith(
          problem(
              503,
              "the admin API is disabled: set switchboard.admin.token (env"
                  + " SWITCHBOARD_ADMIN_TOKEN)"));
      return;
    }
    String header = request.getHeaderString("Authorization");
    String expected = "Bearer " + token.get();
    if (header == null
        || !MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(problem(401, "missing or wrong bearer token"));
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
