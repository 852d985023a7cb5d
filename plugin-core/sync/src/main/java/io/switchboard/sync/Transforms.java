package io.switchboard.sync;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

/** The work behind {@link Transform}'s records. */
final class Transforms {
  private static final Pattern CURRENCY_AROUND =
      Pattern.compile("^\\s*(?:[A-Za-z]{3}\\s*)?(.*?)(?:\\s*[A-Za-z]{3})?\\s*$");

  private Transforms() {}

  static String phoneToCrm(Transform.PhoneFormat t, String value) {
    PhoneNumber number = parsePhone(value, t.defaultRegion());
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    return switch (t.style()) {
      case E164 -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      case INTERNATIONAL -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
      case NATIONAL -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
      case RFC3966 -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.RFC3966);
    };
  }

  static String phoneFromCrm(Transform.PhoneFormat t, String value) {
    return PhoneNumberUtil.getInstance()
        .format(parsePhone(value, t.defaultRegion()), PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  private static PhoneNumber parsePhone(String value, String region) {
    try {
      return PhoneNumberUtil.getInstance().parse(value, region == null ? "ZZ" : region);
    } catch (NumberParseException e) {
      throw new TransformException(
          "'" + value + "' is not a phone number (" + e.getMessage() + ")", e);
    }
  }

  static String dateTimeToCrm(Transform.DateTimeFormat t, String value) {
    DateTimeFormatter f = formatter(t);
    try {
      return f.format(Instant.parse(value));
    } catch (DateTimeException e) {
      throw new TransformException(
          "'" + value + "' is not an ISO-8601 instant or cannot be formatted: " + e.getMessage(),
          e);
    }
  }

  static String dateTimeFromCrm(Transform.DateTimeFormat t, String value) {
    DateTimeFormatter f = formatter(t);
    try {
      TemporalAccessor parsed = f.parse(value);
      ZoneId zone = f.getZone();
      if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
        return LocalDate.from(parsed).atStartOfDay(zone).toInstant().toString();
      }
      return LocalDateTime.from(parsed).atZone(zone).toInstant().toString();
    } catch (DateTimeException e) {
      throw new TransformException(
          "'" + value + "' does not match the pattern '" + t.pattern() + "'", e);
    }
  }

  private static DateTimeFormatter formatter(Transform.DateTimeFormat t) {
    try {
      return DateTimeFormatter.ofPattern(t.pattern()).withZone(ZoneId.of(t.zone()));
    } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
      throw new TransformException(
          "invalid date-time pattern '" + t.pattern() + "' or zone '" + t.zone() + "'", e);
    }
  }

  static String enumToCrm(Transform.EnumMap t, String value) {
    String mapped = t.values().get(value);
    if (mapped != null) {
      return mapped;
    }
    if (t.otherwise() != null) {
      return t.otherwise();
    }
    throw new TransformException("'" + value + "' has no value in the enum mapping " + t.values());
  }

  static String enumFromCrm(Transform.EnumMap t, String value) {
    for (Map.Entry<String, String> e : t.values().entrySet()) {
      if (e.getValue().equals(value)) {
        return e.getKey();
      }
    }
    throw new TransformException(
        "'" + value + "' is not one of the CRM values " + t.values().values());
  }

  static boolean enumInvertible(Transform.EnumMap t) {
    return t.otherwise() == null && new HashSet<>(t.values().values()).size() == t.values().size();
  }

  static String numberToCrm(Transform.NumberFormat t, String value, BridgeValues context) {
    String number = parseNumber(value).setScale(t.scale(), RoundingMode.HALF_EVEN).toPlainString();
    if (t.withCurrency()) {
      return context.get(BridgeField.LAST_ORDER_CURRENCY).map(c -> number + " " + c).orElse(number);
    }
    return number;
  }

  static String numberFromCrm(Transform.NumberFormat t, String value) {
    var m = CURRENCY_AROUND.matcher(value);
    String core = m.matches() ? m.group(1) : value;
    return parseNumber(core.strip()).toPlainString();
  }

  private static BigDecimal parseNumber(String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new TransformException("'" + value + "' is not a number", e);
    }
  }

  static String truncate(String value, int maxLength) {
    if (value.codePointCount(0, value.length()) <= maxLength) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, Math.max(0, maxLength)));
  }

  static String template(String template, BridgeValues context) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && template.startsWith("{{", i)) {
        out.append('{');
        i += 2;
      } else if (c == '}' && template.startsWith("}}", i)) {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw new TransformException("unclosed '{' at position " + i + " in the template");
        }
        String key = template.substring(i + 1, end);
        BridgeField field =
            BridgeField.byKey(key)
                .orElseThrow(
                    () ->
                        new TransformException("'" + key + "' in the template is no bridge field"));
        out.append(context.get(field).orElse(""));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
