package io.switchboard.sandbox.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's settings, from command-line flags ({@code --port=9090} or {@code --port 9090}) that
 * win over environment variables ({@code SANDBOX_PORT}) that win over the defaults.
 *
 * <p>Secrets are excluded from {@link #toString()}.
 */
public record SandboxConfig(
    String bindAddress,
    int port,
    URI webhookUrl,
    String appSecret,
    String accessToken,
    String phoneNumberId,
    String displayPhoneNumber,
    String wabaId,
    ReadReceipts readReceipts,
    int webhookAttempts,
    Duration webhookBackoff,
    Duration webhookTimeout,
    Duration statusDelay) {

  /** Demo-only app secret used when none is configured; the bridge must be set up with the same. */
  public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";

  /** Demo-only access token used when none is configured. */
  public static final String DEFAULT_ACCESS_TOKEN = "sandbox-access-token";

  /** When the simulated phone reports a business message as read. */
  public enum ReadReceipts {
    /** Shortly after delivered, whether or not the phone page is open. */
    AUTO,
    /** Only when the phone page shows the message while visible. */
    PAGE
  }

  /** One flag: its name, environment variable, default and description (drives {@link #usage}). */
  private record Flag(String name, String env, String defaultValue, String description) {}

  private static final List<Flag> FLAGS =
      List.of(
          new Flag("bind", "SANDBOX_BIND", "127.0.0.1", "address to listen on"),
          new Flag("port", "SANDBOX_PORT", "9090", "port to listen on (0 = any free port)"),
          new Flag(
              "webhook-url",
              "SANDBOX_WEBHOOK_URL",
              "http://127.0.0.1:8080/switchboard/api/channels/wa-demo/webhook",
              "the bridge's WhatsApp webhook URL"),
          new Flag(
              "app-secret",
              "SANDBOX_APP_SECRET",
              DEFAULT_APP_SECRET,
              "app secret that signs webhooks (X-Hub-Signature-256)"),
          new Flag(
              "access-token",
              "SANDBOX_ACCESS_TOKEN",
              DEFAULT_ACCESS_TOKEN,
              "bearer token the bridge must send to the Graph API"),
          new Flag(
              "phone-number-id",
              "SANDBOX_PHONE_NUMBER_ID",
              "106540352242922",
              "business phone number id (Graph path and webhook metadata)"),
          new Flag(
              "display-phone-number",
              "SANDBOX_DISPLAY_PHONE_NUMBER",
              "15550783881",
              "business display phone number (webhook metadata)"),
          new Flag(
              "waba-id",
              "SANDBOX_WABA_ID",
              "419561257915477",
              "WhatsApp Business Account id (webhook entry.id)"),
          new Flag(
              "read-receipts",
              "SANDBOX_READ_RECEIPTS",
              "auto",
              "auto: 'read' shortly after 'delivered'; page: only when the phone page shows it"),
          new Flag(
              "webhook-attempts",
              "SANDBOX_WEBHOOK_ATTEMPTS",
              "4",
              "attempts per webhook before giving up"),
          new Flag(
              "webhook-backoff-ms",
              "SANDBOX_WEBHOOK_BACKOFF_MS",
              "1000",
              "wait before the first retry, doubled for each further retry"),
          new Flag(
              "webhook-timeout-ms",
              "SANDBOX_WEBHOOK_TIMEOUT_MS",
              "5000",
              "how long one webhook attempt waits for the bridge"),
          new Flag(
              "status-delay-ms",
              "SANDBOX_STATUS_DELAY_MS",
              "700",
              "pause before each status webhook (sent, delivered, read)"));

  /**
   * Reads the configuration.
   *
   * @throws IllegalArgumentException naming the flag, for an unknown flag or an invalid value
   */
  public static SandboxConfig from(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Flag flag : FLAGS) {
      values.put(flag.name(), env.getOrDefault(flag.env(), flag.defaultValue()));
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + arg + "' (flags start --)");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Flag --" + name + " needs a value");
      }
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("Unknown flag --" + name + "\n" + usage());
      }
      values.put(name, value);
    }
    return fromValues(values);
  }

  private static SandboxConfig fromValues(Map<String, String> v) {
    return new SandboxConfig(
        required(v, "bind"),
        integer(v, "port", 0, 65535),
        webhookUrl(v.get("webhook-url")),
        required(v, "app-secret"),
        required(v, "access-token"),
        digits(v, "phone-number-id"),
        digits(v, "display-phone-number"),
        digits(v, "waba-id"),
        readReceipts(v.get("read-receipts")),
        integer(v, "webhook-attempts", 1, 20),
        Duration.ofMillis(integer(v, "webhook-backoff-ms", 0, 600_000)),
        Duration.ofMillis(integer(v, "webhook-timeout-ms", 100, 600_000)),
        Duration.ofMillis(integer(v, "status-delay-ms", 0, 600_000)));
  }

  /** The flags, their environment variables and defaults, for {@code --help}. */
  public static String usage() {
    StringBuilder out =
        new StringBuilder("Usage: java -jar whatsapp-sandbox.jar [--flag=value ...]\n");
    for (Flag flag : FLAGS) {
      String shown =
          flag.name().contains("secret") || flag.name().contains("token")
              ? "(demo value)"
              : flag.defaultValue();
      out.append(
          String.format(
              "  --%-22s %-30s %s [default: %s]%n",
              flag.name(), flag.env(), flag.description(), shown));
    }
    return out.toString();
  }

  /** Whether the app secret or access token is still the published demo value. */
  public boolean usesDemoSecrets() {
    return appSecret.equals(DEFAULT_APP_SECRET) || accessToken.equals(DEFAULT_ACCESS_TOKEN);
  }

  @Override
  public String toString() {
    return "SandboxConfig[bind="
        + bindAddress
        + ", port="
        + port
        + ", webhookUrl="
        + webhookUrl
        + ", phoneNumberId="
        + phoneNumberId
        + ", displayPhoneNumber="
        + displayPhoneNumber
        + ", readReceipts="
        + readReceipts
        + ", secrets=<hidden>]";
  }

  private static String required(Map<String, String> v, String name) {
    String value = v.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " must not be empty");
    }
    return value;
  }

  private static int integer(Map<String, String> v, String name, int min, int max) {
    String value = required(v, name).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            "--" + name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, got '" + value + "'");
    }
  }

  private static String digits(Map<String, String> v, String name) {
    String value = required(v, name).trim();
    if (!value.matches("[0-9]{1,20}")) {
      throw new IllegalArgumentException("--" + name + " must be digits only, got '" + value + "'");
    }
    return value;
  }

  private static URI webhookUrl(String value) {
    try {
      URI uri = URI.create(value.trim());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--webhook-url must be an absolute http(s) URL, got '" + value + "'");
    }
  }

  private static ReadReceipts readReceipts(String value) {
    try {
      return ReadReceipts.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--read-receipts must be auto or page, got '" + value + "'");
    }
  }
}
