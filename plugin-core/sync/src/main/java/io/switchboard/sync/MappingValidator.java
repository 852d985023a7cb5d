package io.switchboard.sync;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a mapping set against the CRM's real schema. */
public final class MappingValidator {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private MappingValidator() {}

  /**
   * @return every problem, empty when the set may be saved
   */
  public static List<MappingProblem> validate(MappingSet set, List<FieldDescriptor> schema) {
    List<MappingProblem> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<BridgeField, Integer> fromCrm = new HashMap<>();
    List<FieldMapping> ms = set.mappings();
    for (int i = 0; i < ms.size(); i++) {
      FieldMapping m = ms.get(i);
      Problems p = new Problems(out, i, m.crmField());
      Integer earlier = seen.putIfAbsent(m.key(), i);
      if (earlier != null) {
        p.add("crmField", "CRM field " + m.crmField() + " is already mapped by mapping " + earlier);
      }
      checkShape(m, p);
      if (m.direction().fromCrm() && m.bridgeField() != null) {
        Integer other = fromCrm.putIfAbsent(m.bridgeField(), i);
        if (other != null) {
          p.add(
              "bridgeField",
              m.bridgeField().key() + " is already brought from the CRM by mapping " + other);
        }
      }
      checkTransformParameters(m.transform(), p);
      FieldDescriptor field =
          schema.stream()
              .filter(f -> f.target() == m.target() && f.key().equals(m.crmField()))
              .findFirst()
              .orElse(null);
      if (field == null) {
        p.add("crmField", "the CRM has no " + targetName(m.target()) + " field " + m.crmField());
        continue;
      }
      if (m.direction().toCrm()) {
        checkAgainstField(m, field, p);
      }
    }
    return out;
  }

  private record Problems(List<MappingProblem> out, int index, String crmField) {
    void add(String property, String message) {
      out.add(new MappingProblem(index, crmField, property, message));
    }
  }

  private static String targetName(FieldTarget t) {
    return t.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean fixedValue(Transform t) {
    return t instanceof Transform.Constant || t instanceof Transform.TemplateString;
  }

  private static void checkShape(FieldMapping m, Problems p) {
    if (m.bridgeField() == null && !fixedValue(m.transform())) {
      p.add("bridgeField", "a bridge field is needed unless the transform is constant or template");
    }
    if (fixedValue(m.transform()) && m.direction() != Direction.TO_CRM) {
      p.add("direction", "a " + m.transform().type() + " transform only goes to the CRM");
    } else if (m.direction().fromCrm()) {
      if (m.bridgeField() != null && !m.bridgeField().crmWritable()) {
        p.add(
            "direction",
            m.bridgeField().key() + " is computed by the bridge and cannot come from the CRM");
      }
      if (!m.transform().invertible()) {
        p.add(
            "transform",
            "the " + m.transform().type() + " transform cannot be undone for values from the CRM");
      }
    }
    if (m.bridgeField() != null
        && m.bridgeField().scope() == BridgeField.Scope.CONVERSATION
        && m.target() == FieldTarget.REQUESTER) {
      p.add(
          "bridgeField",
          m.bridgeField().key() + " has one value per conversation and cannot go on the requester");
    }
  }

  private static void checkAgainstField(FieldMapping m, FieldDescriptor f, Problems p) {
    if (f.readOnly()) {
      p.add("direction", "the CRM field " + f.key() + " is read-only");
    }
    if (f.required()
        && m.bridgeField() != null
        && m.defaultValue() == null
        && !(m.transform() instanceof Transform.Constant)) {
      p.add("defaultValue", "the CRM field " + f.key() + " is required: give a default value");
    }
    if (m.defaultValue() != null
        && (f.type() == FieldType.ENUM || f.type() == FieldType.MULTI_ENUM)
        && !f.options().contains(m.defaultValue())) {
      p.add("defaultValue", "default '" + m.defaultValue() + "' is not one of " + f.options());
    }
    String typeProblem = typeProblem(m, f);
    if (typeProblem != null) {
      p.add("transform", typeProblem);
    }
  }

  /** The kind of value the mapping writes, or null for constant/enum/template output. */
  private static ValueKind writtenKind(FieldMapping m) {
    Transform t = m.transform();
    if (t instanceof Transform.NumberFormat n) {
      return n.withCurrency()
          ? ValueKind.TEXT
          : n.scale() == 0 ? ValueKind.INTEGER : ValueKind.DECIMAL;
    }
    if (t instanceof Transform.TemplateString) {
      return ValueKind.TEXT;
    }
    if (t instanceof Transform.Constant || t instanceof Transform.EnumMap) {
      return null;
    }
    return m.bridgeField() == null ? ValueKind.TEXT : m.bridgeField().kind();
  }

  private static Set<String> writtenValues(FieldMapping m) {
    Transform t = m.transform();
    if (t instanceof Transform.EnumMap e) {
      Set<String> v = new LinkedHashSet<>(e.values().values());
      if (e.otherwise() != null) {
        v.add(e.otherwise());
      }
      return v;
    }
    if (t instanceof Transform.Constant c) {
      return Set.of(c.value() == null ? "" : c.value());
    }
    if (m.bridgeField() != null
        && m.bridgeField().kind() == ValueKind.ENUM
        && t instanceof Transform.Identity) {
      return new LinkedHashSet<>(m.bridgeField().enumValues());
    }
    return null;
  }

  private static String typeProblem(FieldMapping m, FieldDescriptor f) {
    ValueKind kind = writtenKind(m);
    String what = m.bridgeField() == null ? m.transform().type() : m.bridgeField().key();
    String into = " cannot go into the " + f.type() + " field " + f.key();
    switch (f.type()) {
      case TEXT, LONG_TEXT:
        return null;
      case ENUM, MULTI_ENUM:
        {
          Set<String> values = writtenValues(m);
          if (values == null) {
            return what + into + ": map its values with an enum transform";
          }
          List<String> missing = values.stream().filter(v -> !f.options().contains(v)).toList();
          return missing.isEmpty() ? null : "values " + missing + " are not options of " + f.key();
        }
      case BOOLEAN:
        {
          Set<String> values = writtenValues(m);
          boolean ok =
              !(m.transform() instanceof Transform.Identity)
                  && values != null
                  && Set.of("true", "false").containsAll(values);
          return ok ? null : what + into + ": write true/false with an enum or constant transform";
        }
      default:
        break;
    }
    if (kind == null) {
      return m.transform() instanceof Transform.Constant ? null : what + into;
    }
    boolean ok =
        switch (f.type()) {
          case INTEGER -> kind == ValueKind.INTEGER;
          case DECIMAL -> kind == ValueKind.INTEGER || kind == ValueKind.DECIMAL;
          case DATE, DATE_TIME -> kind == ValueKind.DATE_TIME;
          case PHONE -> kind == ValueKind.PHONE || kind == ValueKind.TEXT;
          case EMAIL -> kind == ValueKind.EMAIL;
          case URL -> kind == ValueKind.URL;
          default -> true;
        };
    return ok ? null : what + " (" + kind + ")" + into;
  }

  private static void checkTransformParameters(Transform t, Problems p) {
    if (t instanceof Transform.DateTimeFormat d) {
      try {
        DateTimeFormatter.ofPattern(d.pattern());
      } catch (IllegalArgumentException | NullPointerException e) {
        p.add("transform", "'" + d.pattern() + "' is not a date-time pattern");
      }
      try {
        ZoneId.of(d.zone());
      } catch (DateTimeException | NullPointerException e) {
        p.add("transform", "'" + d.zone() + "' is not a time zone");
      }
    } else if (t instanceof Transform.PhoneFormat ph) {
      if (ph.defaultRegion() != null
          && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(ph.defaultRegion())) {
        p.add("transform", "'" + ph.defaultRegion() + "' is not a phone region");
      }
    } else if (t instanceof Transform.NumberFormat n) {
      if (n.scale() < 0 || n.scale() > 10) {
        p.add("transform", "scale " + n.scale() + " is not between 0 and 10");
      }
    } else if (t instanceof Transform.Truncate tr) {
      if (tr.maxLength() < 1) {
        p.add("transform", "maxLength must be at least 1");
      }
    } else if (t instanceof Transform.EnumMap e) {
      if (e.values().isEmpty()) {
        p.add("transform", "the enum transform maps no values");
      }
    } else if (t instanceof Transform.TemplateString ts) {
      Matcher matcher = PLACEHOLDER.matcher(ts.template().replace("{{", "").replace("}}", ""));
      while (matcher.find()) {
        if (BridgeField.byKey(matcher.group(1)).isEmpty()) {
          p.add("transform", "'" + matcher.group(1) + "' in the template is no bridge field");
        }
      }
    }
  }
}
