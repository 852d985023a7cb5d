package io.switchboard.sandbox.whatsapp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

  @Test
  @SuppressWarnings("unchecked")
  void readsObjectsArraysAndScalarsInDocumentOrder() {
    Map<String, Object> parsed =
        JsonReader.parseObject(
            " {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"s\": \"x\\ny\\u00e9\\\"\"}} ");

    assertThat(parsed).containsOnlyKeys("b", "a");
    assertThat(parsed.keySet()).containsExactly("b", "a");
    assertThat((List<Object>) parsed.get("b"))
        .containsExactly(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null);
    assertThat(((Map<?, ?>) parsed.get("a")).get("s")).isEqualTo("x\nyé\"");
  }

  @Test
  void keepsUnknownFieldsLeniently() {
    Map<String, Object> parsed =
        JsonReader.parseObject("{\"messaging_product\":\"whatsapp\",\"biz_opaque\":{\"x\":[]}}");

    assertThat(parsed).containsKey("biz_opaque");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "{\"a\":1,}",
        "[1 2]",
        "01",
        "\"unterminated",
        "{} {}",
        "tru",
        "\"\\x\"",
        "{'a':1}"
      })
  void refusesWhatIsNotJsonNamingTheOffset(String text) {
    assertThatThrownBy(() -> JsonReader.parse(text))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("offset");
  }

  @Test
  void refusesNonObjectsWhereAnObjectIsRequired() {
    assertThatThrownBy(() -> JsonReader.parseObject("[1]"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("object");
  }

  @Test
  void refusesAbsurdNesting() {
    assertThatThrownBy(() -> JsonReader.parse("[".repeat(100) + "]".repeat(100)))
        .hasMessageContaining("nesting");
  }
}
