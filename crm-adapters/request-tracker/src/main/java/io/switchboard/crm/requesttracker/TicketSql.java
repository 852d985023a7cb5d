package io.switchboard.crm.requesttracker;

import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A TicketSQL (or TransactionSQL) search query, the language of REST2's {@code /tickets} and {@code
 * /transactions}, built from conditions so that a value never reaches the query raw: strings are
 * always single-quoted literals with backslashes and quotes escaped, numbers are written by Java,
 * and field names are checked against what RT accepts.
 *
 * <pre>{@code
 * String sql = TicketSql.is("Queue", queue)
 *     .and(TicketSql.is(TicketSql.customField("Conversation Id"), conversationId))
 *     .and(TicketSql.is("Status", "__Active__"))
 *     .toString(); // Queue = 'Support' AND CF.{Conversation Id} = 'conv-1' AND Status = '__Active__'
 * }</pre>
 */
final class TicketSql {
  /** A plain field ({@code Queue}, {@code ObjectType}) or a custom field ({@code CF.{Name}}). */
  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z][A-Za-z0-9_.]*|CF\\.\\{[^{}'\"\\\\\\r\\n]+\\}");

  private final String text;

  private TicketSql(String text) {
    this.text = text;
  }

  /** {@code field = 'value'}. */
  static TicketSql is(String field, String value) {
    return condition(field, "=", literal(value));
  }

  /** {@code field != 'value'}. */
  static TicketSql isNot(String field, String value) {
    return condition(field, "!=", literal(value));
  }

  /** {@code field = number}. */
  static TicketSql is(String field, long value) {
    return condition(field, "=", Long.toString(value));
  }

  /** {@code field != number}. */
  static TicketSql isNot(String field, long value) {
    return condition(field, "!=", Long.toString(value));
  }

  /** {@code field > number}. */
  static TicketSql greaterThan(String field, long value) {
    return condition(field, ">", Long.toString(value));
  }

  /** {@code (a OR b OR ...)}. */
  static TicketSql anyOf(TicketSql... alternatives) {
    return group(" OR ", alternatives);
  }

  /** {@code (a AND b AND ...)}. */
  static TicketSql allOf(TicketSql... conditions) {
    return group(" AND ", conditions);
  }

  private static TicketSql group(String operator, TicketSql... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("a group needs at least one condition");
    }
    StringJoiner joined = new StringJoiner(operator, "(", ")");
    for (TicketSql part : parts) {
      joined.add(part.text);
    }
    return new TicketSql(joined.toString());
  }

  /** {@code this AND other} ({@link #anyOf} and {@link #allOf} bring their own parentheses). */
  TicketSql and(TicketSql other) {
    return new TicketSql(text + " AND " + other.text);
  }

  /** The name of a custom field in a query: {@code CF.{name}}. */
  static String customField(String name) {
    String field = "CF.{" + Objects.requireNonNull(name, "name") + "}";
    requireField(field);
    return field;
  }

  /**
   * A TicketSQL string literal: single quotes around the value, with every backslash and single
   * quote in it escaped by a backslash (RT's parser unescapes {@code \x} to {@code x}).
   */
  static String literal(String value) {
    Objects.requireNonNull(value, "a TicketSQL value must not be null");
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\'') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('\'').toString();
  }

  private static TicketSql condition(String field, String operator, String value) {
    requireField(field);
    return new TicketSql(field + " " + operator + " " + value);
  }

  private static void requireField(String field) {
    if (field == null || !FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("not a TicketSQL field name: " + field);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
