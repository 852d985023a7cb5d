package io.switchboard.connector.whatsapp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the WhatsApp Cloud API contract material bundled with this connector's tests (classpath
 * {@code /contracts/whatsapp-cloud/}): Meta's spec, real and constructed webhook bodies, signature
 * vectors and send cases. Origins are in {@code contracts/whatsapp-cloud/SOURCES.md}.
 *
 * <pre>{@code
 * byte[] body = WhatsAppContractSamples.webhook("inbound-text-message.json");
 * for (String name : WhatsAppContractSamples.webhookNames()) { ... }
 * }</pre>
 */
public final class WhatsAppContractSamples {

  private static final String ROOT = "/contracts/whatsapp-cloud/";

  private WhatsAppContractSamples() {}

  /** The file names in {@code webhooks/} (e.g. {@code status-read.json}), sorted. */
  public static List<String> webhookNames() {
    return Arrays.stream(text("webhooks/index.txt").split("\n"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .sorted()
        .toList();
  }

  /** The raw bytes of one webhook sample, e.g. {@code webhook("status-failed-131047.json")}. */
  public static byte[] webhook(String fileName) {
    return bytes("webhooks/" + fileName);
  }

  /** {@code signatures.json}: the {@code X-Hub-Signature-256} test vectors, as JSON text. */
  public static String signatureVectorsJson() {
    return text("signatures.json");
  }

  /** The rows of {@code send-cases.tsv}: expected HTTP status and the JSON body sent. */
  public static List<SendCase> sendCases() {
    return Arrays.stream(text("send-cases.tsv").split("\n"))
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              int tab = line.indexOf('\t');
              return new SendCase(
                  Integer.parseInt(line.substring(0, tab).trim()), line.substring(tab + 1).trim());
            })
        .toList();
  }

  /** Any bundled file, by path below {@code contracts/whatsapp-cloud/}. */
  public static byte[] bytes(String relativePath) {
    try (InputStream in = WhatsAppContractSamples.class.getResourceAsStream(ROOT + relativePath)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract sample " + ROOT + relativePath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any bundled file as UTF-8 text. */
  public static String text(String relativePath) {
    return new String(bytes(relativePath), StandardCharsets.UTF_8);
  }

  /**
   * One row of {@code send-cases.tsv}.
   *
   * @param expectedStatus the status Prism answers (200 valid, 422 invalid)
   * @param json the send-message request body
   */
  public record SendCase(int expectedStatus, String json) {}
}
