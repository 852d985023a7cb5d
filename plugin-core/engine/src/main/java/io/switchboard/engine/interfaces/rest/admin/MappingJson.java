package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.sync.DryRun;
import io.switchboard.engine.application.sync.StoredMapping;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.sync.BridgeField;
import io.switchboard.sync.ConflictRule;
import io.switchboard.sync.Direction;
import io.switchboard.sync.FieldMapping;
import io.switchboard.sync.MappingChange;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingFileException;
import io.switchboard.sync.MappingProblem;
import io.switchboard.sync.MappingSet;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON forms of the mapping admin API (the mapping set itself is the mapping file's JSON). */
final class MappingJson {
  private static final Pattern INDEXED = Pattern.compile("^mappings\\[(\\d+)\\]");

  /** Transform types and their parameters, as the mapping file names them. */
  static final Map<String, List<String>> TRANSFORMS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "none", List.of(),
              "phone", List.of("style", "region"),
              "date-time", List.of("pattern", "zone"),
              "enum", List.of("values", "otherwise"),
              "number", List.of("scale", "withCurrency"),
              "truncate", List.of("maxLength"),
              "constant", List.of("value"),
              "template", List.of("template")));

  private MappingJson() {}

  static JsonObject set(MappingSet set) {
    return AdminJson.parse(MappingFile.write(set, MappingFile.Format.JSON));
  }

  /** Reads a mapping set from the API's JSON; file problems become mapping problems. */
  static MappingSet read(JsonValue mapping) throws MappingFileException {
    if (mapping == null || mapping.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MappingFileException(
          List.of("the request has no \"mapping\" object (the mapping file's JSON)"));
    }
    return MappingFile.read(mapping.toString());
  }

  static List<MappingProblem> problems(MappingFileException e) {
    return e.problems().stream()
        .map(
            p -> {
              Matcher m = INDEXED.matcher(p);
              return new MappingProblem(
                  m.find() ? Integer.parseInt(m.group(1)) : -1, null, "file", p);
            })
        .toList();
  }

  static JsonArrayBuilder problemsJson(List<MappingProblem> problems) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    for (MappingProblem p : problems) {
      JsonObjectBuilder b = AdminJson.object();
      if (p.index() >= 0) {
        b.add("index", p.index());
      } else {
        b.addNull("index");
      }
      AdminJson.nullable(b, "crmField", p.crmField());
      AdminJson.nullable(b, "property", p.property());
      out.add(b.add("message", p.message()));
    }
    return out;
  }

  static JsonObject version(StoredMapping v, boolean withMapping) {
    JsonObjectBuilder b = AdminJson.object().add("version", v.version());
    AdminJson.nullable(b, "author", v.author());
    AdminJson.nullable(b, "createdAt", v.createdAt());
    AdminJson.nullable(b, "comment", v.comment());
    b.add("added", v.added()).add("removed", v.removed()).add("changed", v.changed());
    if (withMapping) {
      b.add("mapping", set(v.set()));
    }
    return b.build();
  }

  static JsonObject change(MappingChange c) {
    return AdminJson.object()
        .add("kind", c.kind().name().toLowerCase(Locale.ROOT))
        .add("key", c.key())
        .add("before", mapping(c.before()))
        .add("after", mapping(c.after()))
        .build();
  }

  private static JsonValue mapping(FieldMapping m) {
    if (m == null) {
      return JsonValue.NULL;
    }
    return set(new MappingSet(List.of(m))).getJsonArray("mappings").get(0);
  }

  static JsonObject schema(List<FieldDescriptor> crmFields) {
    JsonArrayBuilder bridge = EngineJson.PROVIDER.createArrayBuilder();
    for (BridgeField f : BridgeField.values()) {
      JsonArrayBuilder values = EngineJson.PROVIDER.createArrayBuilder();
      f.enumValues().forEach(values::add);
      bridge.add(
          AdminJson.object()
              .add("key", f.key())
              .add("kind", f.kind().name())
              .add("scope", f.scope().name())
              .add("crmWritable", f.crmWritable())
              .add("enumValues", values));
    }
    JsonArrayBuilder crm = EngineJson.PROVIDER.createArrayBuilder();
    for (FieldDescriptor d : crmFields) {
      JsonArrayBuilder options = EngineJson.PROVIDER.createArrayBuilder();
      d.options().forEach(options::add);
      crm.add(
          AdminJson.object()
              .add("key", d.key())
              .add("label", d.label())
              .add("type", d.type().name())
              .add("options", options)
              .add("required", d.required())
              .add("readOnly", d.readOnly())
              .add("target", d.target().name()));
    }
    JsonArrayBuilder transforms = EngineJson.PROVIDER.createArrayBuilder();
    TRANSFORMS.forEach(
        (type, params) ->
            transforms.add(
                AdminJson.object()
                    .add("type", type)
                    .add("parameters", EngineJson.PROVIDER.createArrayBuilder(params))));
    JsonArrayBuilder directions = EngineJson.PROVIDER.createArrayBuilder();
    for (Direction d : Direction.values()) {
      directions.add(d.key());
    }
    JsonArrayBuilder rules = EngineJson.PROVIDER.createArrayBuilder();
    for (ConflictRule r : ConflictRule.values()) {
      rules.add(r.key());
    }
    return AdminJson.object()
        .add("bridgeFields", bridge)
        .add("crmFields", crm)
        .add("transforms", transforms)
        .add("directions", directions)
        .add("conflictRules", rules)
        .build();
  }

  static JsonObject dryRun(DryRun.Result r) {
    JsonArrayBuilder writes = EngineJson.PROVIDER.createArrayBuilder();
    for (DryRun.Line l : r.lines()) {
      JsonObjectBuilder b = AdminJson.object().add("target", l.target().name());
      AdminJson.nullable(b, "objectId", l.objectId());
      b.add("crmField", l.crmField());
      AdminJson.nullable(b, "bridgeField", l.bridgeField());
      AdminJson.nullable(b, "current", l.current());
      writes.add(b.add("value", l.value()).add("changes", l.changes()));
    }
    JsonArrayBuilder problems = EngineJson.PROVIDER.createArrayBuilder();
    r.problems()
        .forEach(
            (field, why) ->
                problems.add(AdminJson.object().add("crmField", field).add("message", why)));
    return AdminJson.object()
        .add("writes", writes)
        .add("problems", problems)
        .add("notes", EngineJson.PROVIDER.createArrayBuilder(r.notes()))
        .build();
  }
}
