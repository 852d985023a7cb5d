package io.switchboard.engine.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper handles. A body that is not JSON (JSON-P's {@link JsonException}, or
 * the container's {@link ProcessingException} around it) is the caller's 400; anything else is our
 * 500, logged with an id the answer repeats, so an operator can find it. Only admins read the
 * exception's text; nobody reads a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context ResourceInfo resource;
  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    return problem(e).toResponse();
  }

  Problem problem(Throwable e) {
    boolean admin = Problems.toAdmin(resource);
    if (isUnreadableBody(e)) {
      Problem problem =
          Problem.of(400, "unreadable-body", "The request body is not valid JSON")
              .withInstance(Problems.instance(uri));
      return admin ? problem.withDetail(e.getMessage()) : problem;
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "unexpected failure " + id + " answering " + Problems.instance(uri), e);
    Problem problem =
        Problem.of(500, "internal-error", "Internal error")
            .withInstance(Problems.instance(uri))
            .with("errorId", id);
    return admin
        ? problem.withDetail(e.getClass().getSimpleName() + ": " + e.getMessage())
        : problem.withDetail("the server log has the details under errorId " + id);
  }

  private static boolean isUnreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
