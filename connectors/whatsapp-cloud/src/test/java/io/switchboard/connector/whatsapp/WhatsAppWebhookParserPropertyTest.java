package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.spi.MalformedPayloadException;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.assertj.core.api.Assertions;

/** Whatever arrives, the parser answers with events or a MalformedPayloadException, never else. */
class WhatsAppWebhookParserPropertyTest {

  private final WhatsAppWebhookParser parser =
      new WhatsAppWebhookParser(JsonProvider.provider().createReaderFactory(Map.of()));

  @Property(tries = 300)
  void randomBytesNeverThrowAnythingElse(@ForAll byte[] body) {
    parsesOrIsMalformed(body);
  }

  @Property(tries = 500)
  void mutatedSamplesNeverThrowAnythingElse(@ForAll("mutatedSamples") byte[] body) {
    parsesOrIsMalformed(body);
  }

  @Property(tries = 500)
  void samplesWithValuesSwappedNeverThrowAnythingElse(@ForAll("swappedValues") String body) {
    parsesOrIsMalformed(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void randomValuesOfEveryReadFieldNeverThrowAnythingElse(
      @ForAll("readFields") String field, @ForAll("jsonValues") String value) {
    parsesOrIsMalformed(
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"time\":2,"
                + "\"changes\":[{\"field\":\""
                + field
                + "\",\"value\":"
                + value
                + "}]}]}")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> readFields() {
    return Arbitraries.of(
        "messages",
        "smb_message_echoes",
        "history",
        "message_template_status_update",
        "template_category_update",
        "message_template_quality_update",
        "smb_app_state_sync");
  }

  /**
   * JSON values shaped like the new fields' values: objects with their keys (message_echoes,
   * history, threads, messages, event, new_category, ...) holding random JSON.
   */
  @Provide
  Arbitrary<String> jsonValues() {
    Arbitrary<String> leaf =
        Arbitraries.of(
            "null",
            "0",
            "-7",
            "1.5",
            "true",
            "\"\"",
            "\"x\"",
            "\"16505551234\"",
            "\"wamid.A\"",
            "{}",
            "[]");
    Arbitrary<String> keys =
        Arbitraries.of(
            "metadata",
            "phone_number_id",
            "message_echoes",
            "history",
            "threads",
            "messages",
            "id",
            "from",
            "to",
            "timestamp",
            "type",
            "text",
            "body",
            "history_context",
            "errors",
            "event",
            "message_template_id",
            "message_template_name",
            "new_category",
            "correct_category",
            "new_quality_score",
            "reason",
            "rejection_info",
            "image");
    return Arbitraries.lazyOf(
        () -> leaf,
        () -> leaf,
        () ->
            net.jqwik.api.Combinators.combine(keys, jsonValues())
                .as((k, v) -> "\"" + k + "\":" + v)
                .list()
                .ofMaxSize(4)
                .map(pairs -> "{" + String.join(",", pairs) + "}"),
        () -> jsonValues().list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
  }

  private void parsesOrIsMalformed(byte[] body) {
    try {
      Assertions.assertThat(parser.parse(body)).isNotNull();
    } catch (MalformedPayloadException expected) {
      Assertions.assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static List<byte[]> samples() {
    return WhatsAppContractSamples.webhookNames().stream()
        .map(WhatsAppContractSamples::webhook)
        .toList();
  }

  /** A sample with a few bytes flipped, cut short, or a slice removed. */
  @Provide
  Arbitrary<byte[]> mutatedSamples() {
    return Arbitraries.of(samples())
        .flatMap(
            sample ->
                Arbitraries.integers()
                    .between(0, sample.length - 1)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(4)
                    .flatMap(
                        positions ->
                            Arbitraries.integers()
                                .between(0, 2)
                                .map(how -> mutate(sample, positions, how))));
  }

  private static byte[] mutate(byte[] sample, List<Integer> positions, int how) {
    byte[] copy = sample.clone();
    int at = positions.get(0);
    switch (how) {
      case 0 -> positions.forEach(p -> copy[p] = (byte) (copy[p] ^ (1 << (p % 8))));
      case 1 -> {
        return java.util.Arrays.copyOf(copy, at);
      }
      default -> {
        int end = Math.min(copy.length, at + 1 + positions.size() * 7);
        byte[] shorter = new byte[copy.length - (end - at)];
        System.arraycopy(copy, 0, shorter, 0, at);
        System.arraycopy(copy, end, shorter, at, copy.length - end);
        return shorter;
      }
    }
    return copy;
  }

  /** A sample whose string values are replaced by JSON values of other kinds. */
  @Provide
  Arbitrary<String> swappedValues() {
    Arbitrary<String> replacements =
        Arbitraries.of("null", "42", "-1.5e300", "true", "[]", "{}", "[{}]", "\"\"", "\"x\"");
    return Arbitraries.of(samples())
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .flatMap(
            sample ->
                Arbitraries.integers()
                    .between(0, 40)
                    .flatMap(nth -> replacements.map(r -> Tuple.of(sample, nth, r))))
        .map(t -> replaceNthString(t.get1(), t.get2(), t.get3()));
  }

  private static String replaceNthString(String json, int nth, String replacement) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|\\{|\\[)")
            .matcher(json);
    int count = 0;
    while (m.find()) {
      if (count++ == nth) {
        String value = m.group(1);
        if (value.equals("{") || value.equals("[")) {
          return json.substring(0, m.start(1))
              + replacement
              + ","
              + "\"_\":"
              + json.substring(m.start(1));
        }
        return json.substring(0, m.start(1)) + replacement + json.substring(m.end(1));
      }
    }
    return json;
  }
}
