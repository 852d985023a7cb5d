package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.media.MediaFiles;
import io.switchboard.engine.application.media.MediaLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /media/{id}?exp=..&sig=..}: a stored file through a signed, expiring link ({@link
 * MediaLinks}), without admin credentials. Answered as a download of the type detected from its
 * bytes, never sniffed or run by the browser ({@code nosniff}, a sandboxing CSP), cached only
 * privately and not beyond the link's expiry. A missing, wrong or expired signature is 403 whether
 * the file exists or not.
 */
@Path("/media/{id}")
@RequestScoped
public class MediaResource {
  @Inject MediaLinks links;
  @Inject MediaFiles files;
  @Inject Clock clock;

  @GET
  @Operation(summary = "A customer's file, through a signed link from the admin API")
  public Response file(
      @PathParam("id") String id, @QueryParam("exp") Long exp, @QueryParam("sig") String sig) {
    if (exp == null || !links.verify(id, exp, sig)) {
      return Problem.of(403, "forbidden", "Link not valid")
          .withDetail("the link is expired or not signed by this bridge: ask for a fresh one")
          .toResponse();
    }
    return files
        .stored(id)
        .map(
            f ->
                Response.ok(f.bytes(), f.media().detectedType())
                    .header("Content-Disposition", disposition(f.media().fileName()))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox; default-src 'none'")
                    .header("Referrer-Policy", "no-referrer")
                    .header(
                        "Cache-Control",
                        "private, max-age=" + Math.max(0, exp - clock.instant().getEpochSecond()))
                    .build())
        .orElseGet(
            () ->
                Problem.of(404, "not-found", "No such file")
                    .withDetail("media " + id + " is not stored (pending, unavailable or expired)")
                    .toResponse());
  }

  /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form. */
  static String disposition(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName;
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\;]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
