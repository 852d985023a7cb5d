package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the one error model of every API answer ({@code
 * application/problem+json}). {@code type} is {@code urn:switchboard:problem:<kind>} (listed in
 * docs/operations.md) or {@code about:blank}; extension members (e.g. {@code problems} of an
 * invalid configuration) follow the standard ones.
 *
 * <p>{@code detail} is for people. Answers to anonymous callers (webhooks) carry no internal
 * detail: no hosts, exception texts or class names.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary that is the same for every occurrence of the type
 * @param status the HTTP status
 * @param detail what went wrong this time, or {@code null}
 * @param instance the request path this answers, or {@code null}
 * @param extensions further members, in order
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    Map<String, JsonValue> extensions) {
  /** {@code application/problem+json}. */
  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  private static final String TYPE_PREFIX = "urn:switchboard:problem:";

  public Problem {
    extensions = Map.copyOf(extensions);
  }

  /** A problem of a Switchboard kind, e.g. {@code of(413, "payload-too-large", "...")}. */
  public static Problem of(int status, String kind, String title) {
    return new Problem(TYPE_PREFIX + kind, title, status, null, null, Map.of());
  }

  /** A problem with no more meaning than its HTTP status ({@code about:blank}). */
  public static Problem ofStatus(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return new Problem("about:blank", title, status, null, null, Map.of());
  }

  public Problem withDetail(String detail) {
    return new Problem(type, title, status, detail, instance, extensions);
  }

  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, extensions);
  }

  public Problem with(String member, JsonValue value) {
    Map<String, JsonValue> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new Problem(type, title, status, detail, instance, more);
  }

  public Problem with(String member, String value) {
    return with(member, EngineJson.PROVIDER.createValue(value));
  }

  public JsonObject toJson() {
    JsonObjectBuilder b =
        EngineJson.PROVIDER
            .createObjectBuilder()
            .add("type", type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      b.add("detail", detail);
    }
    if (instance != null) {
      b.add("instance", instance);
    }
    extensions.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.add(e.getKey(), e.getValue()));
    return b.build();
  }

  /** The HTTP answer; the body is written as text so no JSON provider of the server is needed. */
  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson().toString()).build();
  }
}
