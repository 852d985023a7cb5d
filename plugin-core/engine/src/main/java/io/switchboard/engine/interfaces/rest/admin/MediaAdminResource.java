package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.media.MediaAdmin;
import io.switchboard.engine.application.media.MediaLinks;
import io.switchboard.engine.application.pipeline.PipelineScheduler;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/media/{id}}, {@code /admin/messages/{id}/media}: the files of customers' messages
 * (pending, stored with a fresh signed link, unavailable with the reason), and another try for an
 * unavailable one.
 */
@Path("/admin")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MediaAdminResource {
  @Inject MediaAdmin media;
  @Inject MediaLinks links;
  @Inject PipelineScheduler scheduler;

  @GET
  @Path("/media/{id}")
  @Operation(summary = "A file's status and metadata, with a fresh signed link when stored")
  public Response file(@PathParam("id") String id) {
    return media
        .find(id)
        .map(m -> Response.ok(MediaView.of(m, links).toJson()).build())
        .orElseGet(() -> AdminJson.notFound("no media " + id));
  }

  @GET
  @Path("/messages/{id}/media")
  @Operation(summary = "The files of a message, with their status and links")
  public Response ofMessage(@PathParam("id") String id) {
    return media
        .ofMessage(id)
        .map(
            list ->
                Response.ok(
                        AdminJson.array(
                                list.stream().map(m -> MediaView.of(m, links)).toList(),
                                MediaView::toJson)
                            .build())
                    .build())
        .orElseGet(() -> AdminJson.notFound("no message " + id));
  }

  @POST
  @Path("/media/{id}/retry")
  @Operation(summary = "Fetch an unavailable file again; it is attached in the CRM once stored")
  public Response retry(@PathParam("id") String id) {
    switch (media.retry(id)) {
      case NOT_FOUND:
        return AdminJson.notFound("no media " + id);
      case NOT_UNAVAILABLE:
        return Problem.of(409, "not-unavailable", "Not unavailable")
            .withDetail(
                "media "
                    + id
                    + " is "
                    + media.find(id).map(m -> m.status().name()).orElse("gone")
                    + ": only an unavailable file can be fetched again")
            .toResponse();
      default:
        scheduler.wakeUp();
        return Response.accepted(AdminJson.object().add("id", id).add("status", "pending").build())
            .build();
    }
  }
}
