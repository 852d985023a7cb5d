package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the plain maps and lists of a JSON or YAML mapping file into a {@link MappingSet},
 * collecting every problem with its path in the file ({@code mappings[2].direction: ...}).
 */
final class MappingFileParser {
  private static final Set<String> MAPPING_KEYS =
      Set.of("bridge", "target", "crm", "direction", "conflict", "default", "transform");

  private MappingFileParser() {}

  static MappingSet convert(Object root, List<String> problems) {
    if (!(root instanceof Map<?, ?> top)) {
      problems.add("the file must be an object with 'format' and 'mappings'");
      return MappingSet.EMPTY;
    }
    Object format = top.get("format");
    if (!MappingFile.FORMAT.equals(format)) {
      problems.add(
          format == null
              ? "format: missing, expected '" + MappingFile.FORMAT + "'"
              : "format: '" + format + "' is not '" + MappingFile.FORMAT + "'");
    }
    for (Object k : top.keySet()) {
      if (!"format".equals(k) && !"mappings".equals(k)) {
        problems.add(k + ": unknown key");
      }
    }
    Object list = top.get("mappings");
    if (list == null) {
      return MappingSet.EMPTY;
    }
    if (!(list instanceof List<?> items)) {
      problems.add("mappings: must be a list");
      return MappingSet.EMPTY;
    }
    List<FieldMapping> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FieldMapping m = mapping(items.get(i), "mappings[" + i + "]", problems);
      if (m != null) {
        out.add(m);
      }
    }
    return new MappingSet(out);
  }

  private static FieldMapping mapping(Object item, String path, List<String> problems) {
    if (!(item instanceof Map<?, ?> m)) {
      problems.add(path + ": must be an object");
      return null;
    }
    int before = problems.size();
    for (Object k : m.keySet()) {
      if (!MAPPING_KEYS.contains(k)) {
        problems.add(path + "." + k + ": unknown key");
      }
    }
    BridgeField bridge = null;
    String bridgeKey = text(m, "bridge", path, false, problems);
    if (bridgeKey != null) {
      bridge = BridgeField.byKey(bridgeKey).orElse(null);
      if (bridge == null) {
        problems.add(path + ".bridge: '" + bridgeKey + "' is not a bridge field");
      }
    }
    FieldTarget target = null;
    String t = text(m, "target", path, true, problems);
    if (t != null) {
      target =
          switch (t) {
            case "ticket" -> FieldTarget.TICKET;
            case "requester" -> FieldTarget.REQUESTER;
            default -> {
              problems.add(path + ".target: '" + t + "' is not one of ticket, requester");
              yield null;
            }
          };
    }
    String crm = text(m, "crm", path, true, problems);
    if (crm != null && crm.isBlank()) {
      problems.add(path + ".crm: must not be empty");
    }
    Direction direction = null;
    String d = text(m, "direction", path, true, problems);
    if (d != null) {
      direction = Direction.byKey(d).orElse(null);
      if (direction == null) {
        problems.add(path + ".direction: '" + d + "' is not one of to-crm, from-crm, both");
      }
    }
    ConflictRule conflict = null;
    String c = text(m, "conflict", path, false, problems);
    if (c != null) {
      conflict = ConflictRule.byKey(c).orElse(null);
      if (conflict == null) {
        problems.add(
            path + ".conflict: '" + c + "' is not one of crm-wins, bridge-wins, newest-wins");
      }
    }
    String dflt = scalar(m.get("default"), path + ".default", problems);
    Transform transform = null;
    if (m.get("transform") != null) {
      transform = transform(m.get("transform"), path + ".transform", problems);
    }
    if (problems.size() > before) {
      return null;
    }
    return new FieldMapping(bridge, target, crm, direction, transform, conflict, dflt);
  }

  private static Transform transform(Object o, String path, List<String> problems) {
    if (!(o instanceof Map<?, ?> m)) {
      problems.add(path + ": must be an object with a 'type'");
      return null;
    }
    String type = text(m, "type", path, true, problems);
    if (type == null) {
      return null;
    }
    Set<String> allowed;
    Transform out;
    switch (type) {
      case "none" -> {
        allowed = Set.of();
        out = new Transform.Identity();
      }
      case "phone" -> {
        allowed = Set.of("style", "region");
        String style = text(m, "style", path, true, problems);
        String region = text(m, "region", path, false, problems);
        Transform.PhoneFormat.Style s = null;
        if (style != null) {
          try {
            s = Transform.PhoneFormat.Style.valueOf(style.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            problems.add(
                path
                    + ".style: '"
                    + style
                    + "' is not one of e164, international, national, rfc3966");
          }
        }
        out = s == null ? null : new Transform.PhoneFormat(s, region);
      }
      case "date-time" -> {
        allowed = Set.of("pattern", "zone");
        String pattern = text(m, "pattern", path, true, problems);
        String zone = text(m, "zone", path, true, problems);
        out = new Transform.DateTimeFormat(pattern, zone);
      }
      case "enum" -> {
        allowed = Set.of("values", "otherwise");
        Map<String, String> values = new LinkedHashMap<>();
        Object v = m.get("values");
        if (v == null) {
          problems.add(path + ".values: missing");
        } else if (!(v instanceof Map<?, ?> vm)) {
          problems.add(path + ".values: must be an object");
        } else {
          vm.forEach(
              (k, x) -> {
                String val = scalar(x, path + ".values." + k, problems);
                if (val == null) {
                  problems.add(path + ".values." + k + ": missing value");
                } else {
                  values.put(String.valueOf(k), val);
                }
              });
        }
        out =
            new Transform.EnumMap(
                values, scalar(m.get("otherwise"), path + ".otherwise", problems));
      }
      case "number" -> {
        allowed = Set.of("scale", "withCurrency");
        Integer scale = integer(m, "scale", path, problems);
        Object wc = m.get("withCurrency");
        boolean withCurrency = false;
        if (wc instanceof Boolean b) {
          withCurrency = b;
        } else if (wc != null) {
          problems.add(path + ".withCurrency: must be true or false");
        }
        out = scale == null ? null : new Transform.NumberFormat(scale, withCurrency);
      }
      case "truncate" -> {
        allowed = Set.of("maxLength");
        Integer max = integer(m, "maxLength", path, problems);
        out = max == null ? null : new Transform.Truncate(max);
      }
      case "constant" -> {
        allowed = Set.of("value");
        String value = scalar(m.get("value"), path + ".value", problems);
        if (value == null) {
          problems.add(path + ".value: missing");
        }
        out = new Transform.Constant(value);
      }
      case "template" -> {
        allowed = Set.of("template");
        out = new Transform.TemplateString(text(m, "template", path, true, problems));
      }
      default -> {
        problems.add(
            path
                + ".type: '"
                + type
                + "' is not one of none, phone, date-time, enum, number, truncate, constant,"
                + " template");
        return null;
      }
    }
    for (Object k : m.keySet()) {
      if (!"type".equals(k) && !allowed.contains(k)) {
        problems.add(path + "." + k + ": unknown key for a " + type + " transform");
      }
    }
    return out;
  }

  private static String text(
      Map<?, ?> m, String key, String path, boolean required, List<String> problems) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        problems.add(path + "." + key + ": missing");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      problems.add(path + "." + key + ": must be text");
      return null;
    }
    return s;
  }

  /** Text, or a number or boolean written without quotes, as text. */
  private static String scalar(Object v, String path, List<String> problems) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    problems.add(path + ": must be text");
    return null;
  }

  private static Integer integer(Map<?, ?> m, String key, String path, List<String> problems) {
    Object v = m.get(key);
    if (v == null) {
      problems.add(path + "." + key + ": missing");
      return null;
    }
    try {
      if (v instanceof Integer i) {
        return i;
      }
      if (v instanceof BigDecimal b) {
        return b.intValueExact();
      }
      if (v instanceof Long l) {
        return Math.toIntExact(l);
      }
    } catch (ArithmeticException e) {
      // falls through to the problem below
    }
    problems.add(path + "." + key + ": must be a whole number");
    return null;
  }
}
