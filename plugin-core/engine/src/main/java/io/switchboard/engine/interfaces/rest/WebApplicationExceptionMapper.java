package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The container's own refusals (no such resource 404, wrong method 405, unsupported media type 415,
 * unreadable parameters 400) as problem details. Headers the refusal set (e.g. {@code Allow}) are
 * kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context ResourceInfo resource;
  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    Response.ResponseBuilder answer =
        Response.fromResponse(
            problem(original == null ? 500 : original.getStatus(), e.getMessage()).toResponse());
    if (original != null) {
      original
          .getStringHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")
                    && !name.equalsIgnoreCase("Content-Length")) {
                  values.forEach(v -> answer.header(name, v));
                }
              });
    }
    return answer.build();
  }

  Problem problem(int status, String message) {
    Problem problem = Problem.ofStatus(status).withInstance(Problems.instance(uri));
    return Problems.toAdmin(resource) && message != null ? problem.withDetail(message) : problem;
  }
}
