package io.switchboard.sandbox.whatsapp.json;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON: {@code Map} (keys as strings, in iteration order),
 * {@code List}, {@code CharSequence}, {@code Number}, {@code Boolean} and {@code null}.
 *
 * <p>Like Meta's webhooks, every non-ASCII character is written as a {@code \\uXXXX} escape, so a
 * signature over the bytes has to cope with the escaped form. Example: {@code
 * JsonWriter.write(Map.of("name", "Zoë"))} gives {@code {"name":"Zo\u00eb"}}.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /**
   * Writes a value as JSON.
   *
   * @throws IllegalArgumentException for a value of an unsupported type or a non-finite number
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    writeValue(value, out);
    return out.toString();
  }

  private static void writeValue(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      writeString(text.toString(), out);
    } else if (value instanceof Boolean flag) {
      out.append(flag.booleanValue());
    } else if (value instanceof Number number) {
      writeNumber(number, out);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out);
    } else if (value instanceof List<?> list) {
      writeArray(list, out);
    } else {
      throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON");
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      writeString(String.valueOf(entry.getKey()), out);
      out.append(':');
      writeValue(entry.getValue(), out);
      if (entries.hasNext()) {
        out.append(',');
      }
    }
    out.append('}');
  }

  private static void writeArray(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeValue(list.get(i), out);
    }
    out.append(']');
  }

  private static void writeNumber(Number number, StringBuilder out) {
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no representation for " + d);
      }
      out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
    } else if (number instanceof BigDecimal decimal) {
      out.append(decimal.toString());
    } else {
      out.append(number.toString());
    }
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
