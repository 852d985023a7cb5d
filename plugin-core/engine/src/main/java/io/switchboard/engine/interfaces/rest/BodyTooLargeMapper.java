package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body over {@code switchboard.http.max-body-bytes}: 413, and the connection is not reused. */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(BodyTooLargeException e) {
    return Response.fromResponse(problem(e).toResponse()).header("Connection", "close").build();
  }

  Problem problem(BodyTooLargeException e) {
    return Problem.of(413, "payload-too-large", "Request body too large")
        .withDetail(
            "the request body is larger than the " + e.limit() + " bytes this server accepts")
        .withInstance(Problems.instance(uri));
  }
}
