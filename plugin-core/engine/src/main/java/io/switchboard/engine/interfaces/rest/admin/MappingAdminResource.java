package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.sync.DryRun;
import io.switchboard.engine.application.sync.MappingAdmin;
import io.switchboard.engine.application.sync.MappingRefusedException;
import io.switchboard.engine.application.sync.MappingStore;
import io.switchboard.engine.application.sync.StoredMapping;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.AdminApi;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.sync.MappingDiff;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingFileException;
import io.switchboard.sync.MappingProblem;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /admin/crm-connections/{id}/mapping}: a CRM connection's field mapping, the CRM schema it
 * maps onto, versions with diff and rollback, export and import, dry run. A refused mapping is a
 * 422 problem with a reason per field ({@code problems}); nothing is half-applied.
 */
@Path("/admin/crm-connections/{id}/mapping")
@AdminApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MappingAdminResource {
  static final String ACTOR = "X-Switchboard-Actor";

  @Inject Connections connections;
  @Inject MappingAdmin admin;
  @Inject MappingStore store;
  @Inject DryRun dryRun;

  @GET
  @Path("/schema")
  @Operation(summary = "The bridge fields and the CRM's fields (read from the CRM) a mapping uses")
  public Response schema(@PathParam("id") String id) {
    return withConnection(id, c -> Response.ok(MappingJson.schema(admin.schema(c))).build());
  }

  @GET
  @Operation(summary = "The mapping in force (version 0 and no mappings when never mapped)")
  public Response current(@PathParam("id") String id) {
    return withConnection(
        id, c -> Response.ok(MappingJson.version(store.current(c.id()), true)).build());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save a new version: {comment, baseVersion, mapping}")
  public Response save(
      @PathParam("id") String id, @HeaderParam(ACTOR) String actor, JsonObject body) {
    return withConnection(
        id,
        c -> {
          MappingSet set;
          try {
            set = MappingJson.read(body == null ? null : body.get("mapping"));
          } catch (MappingFileException e) {
            return refused(MappingJson.problems(e));
          }
          Integer base =
              body.get("baseVersion") instanceof JsonNumber n
                  ? Integer.valueOf(n.intValue())
                  : null;
          return saved(c, set, actor, body.getString("comment", null), base);
        });
  }

  @POST
  @Path("/validate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Check a mapping against the CRM's schema without saving it")
  public Response validate(@PathParam("id") String id, JsonObject body) {
    return withConnection(
        id,
        c -> {
          List<MappingProblem> problems;
          try {
            problems =
                admin.validate(c, MappingJson.read(body == null ? null : body.get("mapping")));
          } catch (MappingFileException e) {
            problems = MappingJson.problems(e);
          }
          return Response.ok(
                  AdminJson.object()
                      .add("valid", problems.isEmpty())
                      .add("problems", MappingJson.problemsJson(problems))
                      .build())
              .build();
        });
  }

  @GET
  @Path("/versions")
  @Operation(summary = "Versions, newest first: who, when, why, how much changed")
  public Response versions(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
    return withConnection(
        id,
        c -> {
          JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
          store
              .versions(c.id(), LedgerAdminResource.capped(limit))
              .forEach(v -> out.add(MappingJson.version(v, false)));
          return Response.ok(AdminJson.object().add("versions", out).build()).build();
        });
  }

  @GET
  @Path("/versions/{version}")
  @Operation(summary = "One version with its mappings")
  public Response version(@PathParam("id") String id, @PathParam("version") int version) {
    return withConnection(
        id,
        c ->
            store
                .version(c.id(), version)
                .map(v -> Response.ok(MappingJson.version(v, true)).build())
                .orElseGet(
                    () -> AdminJson.notFound("no mapping version " + version + " of " + id)));
  }

  @GET
  @Path("/diff")
  @Operation(summary = "What changed between two versions (added, removed, changed mappings)")
  public Response diff(
      @PathParam("id") String id, @QueryParam("from") int from, @QueryParam("to") Integer to) {
    return withConnection(
        id,
        c -> {
          Optional<StoredMapping> a = store.version(c.id(), from);
          Optional<StoredMapping> b =
              to == null ? Optional.of(store.current(c.id())) : store.version(c.id(), to);
          if (a.isEmpty() || b.isEmpty()) {
            return AdminJson.notFound("no mapping version " + (a.isEmpty() ? from : to));
          }
          JsonArrayBuilder changes = EngineJson.PROVIDER.createArrayBuilder();
          MappingDiff.between(a.get().set(), b.get().set())
              .forEach(ch -> changes.add(MappingJson.change(ch)));
          return Response.ok(
                  AdminJson.object()
                      .add("from", a.get().version())
                      .add("to", b.get().version())
                      .add("changes", changes)
                      .build())
              .build();
        });
  }

  @POST
  @Path("/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "A new version with the mappings of an old one: {version, comment}")
  public Response rollback(
      @PathParam("id") String id, @HeaderParam(ACTOR) String actor, JsonObject body) {
    return withConnection(
        id,
        c -> {
          if (body == null || !(body.get("version") instanceof JsonNumber v)) {
            return Problem.of(400, "invalid-request", "Invalid request")
                .withDetail("the body names the version to roll back to: {\"version\": 2}")
                .toResponse();
          }
          try {
            return admin
                .rollback(c, v.intValue(), author(actor), body.getString("comment", null))
                .map(s -> Response.ok(MappingJson.version(s, true)).build())
                .orElseGet(() -> AdminJson.notFound("no mapping version " + v.intValue()));
          } catch (MappingRefusedException e) {
            return refused(e.problems());
          }
        });
  }

  @GET
  @Path("/export")
  @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
  @Operation(summary = "The mapping in force as a file (format=json or yaml)")
  public Response export(
      @PathParam("id") String id, @QueryParam("format") @DefaultValue("json") String format) {
    return withConnection(
        id,
        c -> {
          boolean yaml = "yaml".equalsIgnoreCase(format) || "yml".equalsIgnoreCase(format);
          String file =
              MappingFile.write(
                  store.current(c.id()).set(),
                  yaml ? MappingFile.Format.YAML : MappingFile.Format.JSON);
          return Response.ok(file, yaml ? "application/yaml" : MediaType.APPLICATION_JSON)
              .header(
                  "Content-Disposition",
                  "attachment; filename=\"mapping-" + c.id() + (yaml ? ".yaml\"" : ".json\""))
              .build();
        });
  }

  @POST
  @Path("/import")
  @Consumes({MediaType.APPLICATION_JSON, "application/yaml", MediaType.TEXT_PLAIN})
  @Operation(summary = "Save a mapping file (JSON or YAML) as a new version, validated first")
  public Response importFile(
      @PathParam("id") String id,
      @HeaderParam(ACTOR) String actor,
      @HeaderParam("X-Switchboard-Comment") String comment,
      String file) {
    return withConnection(
        id,
        c -> {
          MappingSet set;
          try {
            set = MappingFile.read(file);
          } catch (MappingFileException e) {
            return refused(MappingJson.problems(e));
          }
          return saved(
              c, set, actor, comment == null ? "imported from a file" : header(comment), null);
        });
  }

  @POST
  @Path("/dry-run")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "What would be written where for a customer or conversation, without writing:"
              + " {customerId | conversationId, mapping?}")
  public Response dryRun(@PathParam("id") String id, JsonObject body) {
    return withConnection(
        id,
        c -> {
          if (body == null) {
            return AdminJson.notFound("name a customerId or conversationId");
          }
          MappingSet set = store.current(c.id()).set();
          if (body.get("mapping") != null && body.get("mapping").getValueType() != NULL) {
            try {
              set = MappingJson.read(body.get("mapping"));
            } catch (MappingFileException e) {
              return refused(MappingJson.problems(e));
            }
          }
          String customer = body.getString("customerId", null);
          String conversation = body.getString("conversationId", null);
          return dryRun
              .run(c, customer, conversation, set)
              .map(r -> Response.ok(MappingJson.dryRun(r)).build())
              .orElseGet(
                  () ->
                      AdminJson.notFound(
                          "no customer or conversation "
                              + (conversation != null ? conversation : customer)
                              + " on CRM connection "
                              + c.id()));
        });
  }

  private static final jakarta.json.JsonValue.ValueType NULL =
      jakarta.json.JsonValue.ValueType.NULL;

  private Response saved(
      CrmConnection c, MappingSet set, String actor, String comment, Integer base)
      throws RetryableException, PermanentException {
    try {
      return Response.ok(
              MappingJson.version(admin.save(c, set, author(actor), comment, base), true))
          .build();
    } catch (MappingRefusedException e) {
      return refused(e.problems());
    } catch (MappingStore.VersionConflictException e) {
      return Problem.of(409, "version-conflict", "The mapping changed meanwhile")
          .withDetail(e.getMessage())
          .toResponse();
    }
  }

  static Response refused(List<MappingProblem> problems) {
    return Problem.of(422, "mapping-refused", "The mapping is refused")
        .withDetail(
            problems.size()
                + " problem"
                + (problems.size() == 1 ? "" : "s")
                + ": "
                + String.join("; ", problems.stream().map(MappingProblem::message).toList()))
        .with("problems", MappingJson.problemsJson(problems).build())
        .toResponse();
  }

  static String author(String actor) {
    String decoded = header(actor);
    return decoded == null || decoded.isBlank() ? "admin-api" : decoded.strip();
  }

  /**
   * A header value as sent: headers carry Latin-1 only, so a name in Arabic comes RFC 8187-encoded
   * ({@code UTF-8''%D8%A3%D9%85%D9%84}) and is decoded here.
   */
  static String header(String value) {
    if (value == null || !value.regionMatches(true, 0, "UTF-8''", 0, 7)) {
      return value;
    }
    try {
      return java.net.URLDecoder.decode(
          value.substring(7).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** Work on one CRM connection that may call the CRM. */
  interface CrmWork {
    Response on(CrmConnection connection) throws RetryableException, PermanentException;
  }

  private Response withConnection(String id, CrmWork work) {
    connections.invalidate(id);
    Optional<CrmConnection> c = connections.crm(id);
    if (c.isEmpty()) {
      return AdminJson.notFound("no CRM connection " + id);
    }
    return CrmCalls.answer(id, () -> work.on(c.get()));
  }
}
