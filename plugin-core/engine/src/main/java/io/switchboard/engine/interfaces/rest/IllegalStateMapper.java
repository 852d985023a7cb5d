package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A configuration the engine cannot work with (missing secrets key, a plugin not installed):
 * answered 503 instead of a bare 500. Admins read the reason; anonymous callers only learn that the
 * service cannot take the request now.
 */
@Provider
public class IllegalStateMapper implements ExceptionMapper<IllegalStateException> {
  private static final Logger LOG = Logger.getLogger(IllegalStateMapper.class.getName());

  @Context ResourceInfo resource;
  @Context UriInfo uri;

  @Override
  public Response toResponse(IllegalStateException e) {
    LOG.log(Level.WARNING, "request refused: " + e.getMessage(), e);
    return problem(e).toResponse();
  }

  Problem problem(IllegalStateException e) {
    Problem problem =
        Problem.of(503, "not-configured", "Switchboard is not configured for this request")
            .withInstance(Problems.instance(uri));
    return Problems.toAdmin(resource) ? problem.withDetail(e.getMessage()) : problem;
  }
}
