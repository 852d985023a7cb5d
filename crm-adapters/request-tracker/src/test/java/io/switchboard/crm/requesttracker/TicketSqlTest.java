package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketSqlTest {

  @Test
  @DisplayName("conditions join with AND; groups bring their own parentheses")
  void builds() {
    TicketSql sql =
        TicketSql.is("Queue", "Support")
            .and(TicketSql.is(TicketSql.customField("Conversation Id"), "conv-1"))
            .and(
                TicketSql.anyOf(
                    TicketSql.is("Type", "Correspond"),
                    TicketSql.allOf(TicketSql.is("Type", "Set"), TicketSql.is("Field", "Owner"))))
            .and(TicketSql.greaterThan("id", 53))
            .and(TicketSql.isNot("Status", "resolved"));

    assertThat(sql.toString())
        .isEqualTo(
            "Queue = 'Support' AND CF.{Conversation Id} = 'conv-1' AND (Type = 'Correspond' OR"
                + " (Type = 'Set' AND Field = 'Owner')) AND id > 53 AND Status != 'resolved'");
  }

  @Test
  @DisplayName("quotes and backslashes in values are escaped")
  void escapes() {
    assertThat(TicketSql.literal("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(TicketSql.literal("C:\\temp")).isEqualTo("'C:\\\\temp'");
    assertThat(TicketSql.literal("\\'")).isEqualTo("'\\\\\\''");
    assertThat(TicketSql.literal("")).isEqualTo("''");
    assertThat(TicketSql.literal("شكراً \"hi\"")).isEqualTo("'شكراً \"hi\"'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "' OR id > 0 OR Subject = '",
        "x' OR 'a' = 'a",
        "\\' OR 1=1 --",
        "\\",
        "\\\\'",
        "'; DROP TABLE Tickets; --",
        "}' OR CF.{Channel} LIKE '",
        "line\nbreak' OR Status = 'resolved",
        "conv-1') OR (id > 0",
        "'''",
        "مرحبا' OR 'x",
      })
  @DisplayName("a hostile value stays one literal: the query parses to the same single condition")
  void hostileValuesStayLiterals(String hostile) {
    String sql =
        TicketSql.is("Queue", "Support")
            .and(TicketSql.is(TicketSql.customField("Conversation Id"), hostile))
            .toString();

    assertThat(tokens(sql))
        .containsExactly(
            "Queue", "=", "'Support", "AND", "CF.{Conversation Id}", "=", "'" + hostile);
  }

  @Test
  @DisplayName("field names are checked; null values are refused")
  void fieldNames() {
    assertThatThrownBy(() -> TicketSql.is("Queue = 'x' OR id", "y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TicketSql.customField("Channel} OR id > 0 OR CF.{x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TicketSql.customField("it's"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TicketSql.is("Queue", (String) null))
        .isInstanceOf(NullPointerException.class);
    assertThat(TicketSql.customField("Switchboard Key")).isEqualTo("CF.{Switchboard Key}");
  }

  /**
   * Splits a query the way RT's TicketSQL parser does: quoted strings with backslash escapes
   * (returned unescaped, with their opening quote as a marker), parentheses, words and operators.
   */
  private static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '\'') {
        StringBuilder value = new StringBuilder("'");
        i++;
        while (sql.charAt(i) != '\'') {
          if (sql.charAt(i) == '\\') {
            i++;
          }
          value.append(sql.charAt(i++));
        }
        i++;
        tokens.add(value.toString());
      } else if (sql.startsWith("CF.{", i)) {
        int end = sql.indexOf('}', i) + 1;
        tokens.add(sql.substring(i, end));
        i = end;
      } else {
        int end = i;
        while (end < sql.length() && sql.charAt(end) != ' ' && sql.charAt(end) != '\'') {
          end++;
        }
        tokens.add(sql.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }
}
