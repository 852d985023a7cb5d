package io.switchboard.sandbox.whatsapp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void writesCompactJsonInInsertionOrder() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", 1);
    value.put("a", List.of(true, "x"));
    value.put("n", null);

    assertThat(JsonWriter.write(value)).isEqualTo("{\"z\":1,\"a\":[true,\"x\"],\"n\":null}");
  }

  @Test
  void escapesNonAsciiAndControlCharactersLikeMeta() {
    String written = JsonWriter.write(Map.of("s", "Zoë \"q\" \\ \n\t\u0001 📦"));

    assertThat(written)
        .isEqualTo("{\"s\":\"Zo\\u00eb \\\"q\\\" \\\\ \\n\\t\\u0001 \\ud83d\\udce6\"}");
    assertThat(written.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void whatItWritesAnIndependentParserReadsBackUnchanged() {
    String text = "Zoë \"q\" \\ \n 📦 مرحبا";
    JsonObject parsed =
        Json.createReader(new StringReader(JsonWriter.write(Map.of("s", text, "n", 12.5))))
            .readObject();

    assertThat(parsed.getString("s")).isEqualTo(text);
    assertThat(parsed.getJsonNumber("n").doubleValue()).isEqualTo(12.5);
    assertThat(JsonReader.parseObject(JsonWriter.write(Map.of("s", text))).get("s"))
        .isEqualTo(text);
  }

  @Test
  void refusesWhatJsonCannotRepresent() {
    assertThatThrownBy(() -> JsonWriter.write(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonWriter.write(Arrays.asList(new Object())))
        .hasMessageContaining("Cannot write");
  }
}
