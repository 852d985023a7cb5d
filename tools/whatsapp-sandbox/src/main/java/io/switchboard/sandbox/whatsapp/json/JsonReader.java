package io.switchboard.sandbox.whatsapp.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses RFC 8259 JSON into plain Java values: objects become {@code Map<String, Object>} (in
 * document order), arrays {@code List<Object>}, strings {@code String}, numbers {@code BigDecimal},
 * {@code true}/{@code false} {@code Boolean} and {@code null} {@code null}.
 *
 * <p>Example: {@code JsonReader.parse("{\"a\":[1,true]}")} gives {@code {a=[1, true]}}.
 */
public final class JsonReader {
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Parses one complete JSON text.
   *
   * @throws JsonSyntaxException if the text is not exactly one JSON value (whitespace aside)
   */
  public static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.readValue();
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("unexpected content after the JSON value");
    }
    return value;
  }

  /** Parses a JSON text that must be an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonSyntaxException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private Object readValue() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return readString();
      case 't':
        return readLiteral("true", Boolean.TRUE);
      case 'f':
        return readLiteral("false", Boolean.FALSE);
      case 'n':
        return readLiteral("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return readNumber();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> readObject() {
    enter();
    pos++;
    Map<String, Object> object = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = readString();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      object.put(name, readValue());
      skipWhitespace();
      char c = next();
      if (c == '}') {
        depth--;
        return object;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> readArray() {
    enter();
    pos++;
    List<Object> array = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return array;
    }
    while (true) {
      skipWhitespace();
      array.add(readValue());
      skipWhitespace();
      char c = next();
      if (c == ']') {
        depth--;
        return array;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String readString() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("unescaped control character in string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(readUnicodeEscape());
        default -> throw error("invalid escape '\\" + e + "'");
      }
    }
  }

  private char readUnicodeEscape() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos++), 16);
      if (digit < 0) {
        throw error("invalid hex digit in \\u escape");
      }
      code = code * 16 + digit;
    }
    return (char) code;
  }

  private BigDecimal readNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      requireDigits();
    }
    if (peek() == '.') {
      pos++;
      requireDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigits();
    }
    return new BigDecimal(text.substring(start, pos));
  }

  private void requireDigits() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("expected a digit");
    }
  }

  private Object readLiteral(String literal, Object value) {
    if (!text.startsWith(literal, pos)) {
      throw error("invalid literal");
    }
    pos += literal.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private void expect(char expected) {
    if (next() != expected) {
      throw error("expected '" + expected + "'");
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos++);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonSyntaxException error(String what) {
    return new JsonSyntaxException("Invalid JSON at offset " + pos + ": " + what);
  }
}
