package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A configuration the engine cannot work with (missing secrets key, a plugin not installed):
 * answered 503 with the reason instead of a bare 500.
 */
@Provider
public class IllegalStateMapper implements ExceptionMapper<IllegalStateException> {
  @Override
  public Response toResponse(IllegalStateException e) {
    return AdminAuthFilter.problem(503, e.getMessage());
  }
}
