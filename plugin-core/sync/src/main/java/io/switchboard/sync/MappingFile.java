package io.switchboard.sync;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The import/export file of a mapping set, JSON or YAML (same structure), also the form versions
 * are stored in:
 *
 * <pre>
 * format: switchboard-mapping/1
 * mappings:
 *   - bridge: customer.name
 *     target: requester
 *     crm: requester.RealName
 *     direction: both
 *     conflict: newest-wins
 *   - bridge: order.last.total
 *     target: ticket
 *     crm: cf.Last Order Total
 *     direction: to-crm
 *     transform: {type: number, scale: 2, withCurrency: true}
 * </pre>
 *
 * Reading checks the file's structure only (names, types, known keys); {@link MappingValidator}
 * checks it against the CRM.
 */
public final class MappingFile {
  public enum Format {
    JSON,
    YAML
  }

  static final String FORMAT = "switchboard-mapping/1";

  private MappingFile() {}

  /** Reads JSON or YAML (told apart by content). */
  public static MappingSet read(String text) throws MappingFileException {
    if (text == null || text.isBlank()) {
      throw new MappingFileException(List.of("the file is empty"));
    }
    Object root;
    if (text.strip().startsWith("{")) {
      try {
        root = plain(JsonProvider.provider().createReader(new StringReader(text)).readValue());
      } catch (RuntimeException e) {
        throw new MappingFileException(List.of("not valid JSON: " + e.getMessage()));
      }
    } else {
      try {
        root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      } catch (RuntimeException e) {
        throw new MappingFileException(List.of("not valid YAML: " + e.getMessage()));
      }
    }
    List<String> problems = new ArrayList<>();
    MappingSet set = MappingFileParser.convert(root, problems);
    if (!problems.isEmpty()) {
      throw new MappingFileException(problems);
    }
    return set;
  }

  public static String write(MappingSet set, Format format) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    List<Object> mappings = new ArrayList<>();
    set.mappings().forEach(m -> mappings.add(toMap(m)));
    root.put("mappings", mappings);
    if (format == Format.JSON) {
      JsonProvider provider = JsonProvider.provider();
      StringWriter out = new StringWriter();
      try (var writer =
          provider
              .createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
              .createWriter(out)) {
        writer.writeObject(provider.createObjectBuilder(root).build());
      }
      return out.toString().strip() + "\n";
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(new Representer(options), options).dump(root);
  }

  private static Map<String, Object> toMap(FieldMapping m) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m.bridgeField() != null) {
      out.put("bridge", m.bridgeField().key());
    }
    out.put("target", m.target().name().toLowerCase(Locale.ROOT));
    out.put("crm", m.crmField());
    out.put("direction", m.direction().key());
    out.put("conflict", m.conflict().key());
    if (m.defaultValue() != null) {
      out.put("default", m.defaultValue());
    }
    if (!(m.transform() instanceof Transform.Identity)) {
      out.put("transform", transformMap(m.transform()));
    }
    return out;
  }

  private static Map<String, Object> transformMap(Transform t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", t.type());
    if (t instanceof Transform.PhoneFormat p) {
      out.put("style", p.style().name().toLowerCase(Locale.ROOT));
      if (p.defaultRegion() != null) {
        out.put("region", p.defaultRegion());
      }
    } else if (t instanceof Transform.DateTimeFormat d) {
      out.put("pattern", d.pattern());
      out.put("zone", d.zone());
    } else if (t instanceof Transform.EnumMap e) {
      out.put("values", new TreeMap<>(e.values()));
      if (e.otherwise() != null) {
        out.put("otherwise", e.otherwise());
      }
    } else if (t instanceof Transform.NumberFormat n) {
      out.put("scale", n.scale());
      out.put("withCurrency", n.withCurrency());
    } else if (t instanceof Transform.Truncate tr) {
      out.put("maxLength", tr.maxLength());
    } else if (t instanceof Transform.Constant c) {
      out.put("value", c.value());
    } else if (t instanceof Transform.TemplateString ts) {
      out.put("template", ts.template());
    }
    return out;
  }

  private static Object plain(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        ((JsonObject) v).forEach((k, x) -> m.put(k, plain(x)));
        yield m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>();
        ((JsonArray) v).forEach(x -> l.add(plain(x)));
        yield l;
      }
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}
