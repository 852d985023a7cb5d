package io.switchboard.sandbox.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's settings, from command-line flags ({@code --port=9090} or {@code --port 9090}) that
 * win over environment variables ({@code SANDBOX_PORT}) that win over the defaults, or from a
 * {@link #builder()} in tests.
 *
 * <p>Example: {@code SandboxConfig.builder().port(0).webhookUrl(uri).flag("pair-burst",
 * "1").build()}. Secrets are excluded from {@link #toString()}.
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
    Duration statusDelay,
    Duration mediaUrlTtl,
    SendLimitSettings limits) {

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

  /**
   * Reads the configuration.
   *
   * @throws IllegalArgumentException naming the flag, for an unknown flag or an invalid value
   */
  public static SandboxConfig from(String[] args, Map<String, String> env) {
    return fromValues(SandboxFlags.parse(args, env));
  }

  /** A builder starting from the defaults (environment variables are ignored). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a configuration flag by flag, for tests and embedding. */
  public static final class Builder {
    private final Map<String, String> values = SandboxFlags.defaults(Map.of());

    private Builder() {}

    /** Sets any flag by its name without the dashes, e.g. {@code flag("pair-burst", "1")}. */
    public Builder flag(String name, String value) {
      SandboxFlags.set(values, name, value);
      return this;
    }

    /** The port to bind; 0 picks a free one. */
    public Builder port(int port) {
      return flag("port", Integer.toString(port));
    }

    /** Where webhooks go. */
    public Builder webhookUrl(URI url) {
      return flag("webhook-url", url.toString());
    }

    /** The app secret that signs webhooks. */
    public Builder appSecret(String secret) {
      return flag("app-secret", secret);
    }

    /** The bearer token the Graph API expects. */
    public Builder accessToken(String token) {
      return flag("access-token", token);
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException naming the flag of an invalid value
     */
    public SandboxConfig build() {
      return fromValues(values);
    }
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
        Duration.ofMillis(integer(v, "status-delay-ms", 0, 600_000)),
        Duration.ofMillis(integer(v, "media-url-ttl-ms", 1, 86_400_000)),
        new SendLimitSettings(
            integer(v, "messages-per-second", 1, 100_000),
            integer(v, "throughput-burst-percent", 0, 100),
            Duration.ofMillis(integer(v, "pair-interval-ms", 0, 3_600_000)),
            integer(v, "pair-burst", 1, 1000),
            Duration.ofHours(integer(v, "service-window-hours", 0, 24 * 365)),
            windowErrorMode(v.get("window-error"))));
  }

  /** The flags, their environment variables and defaults, for {@code --help}. */
  public static String usage() {
    return SandboxFlags.usage();
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
        + ", limits="
        + limits
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

  private static SendLimitSettings.WindowErrorMode windowErrorMode(String value) {
    try {
      return SendLimitSettings.WindowErrorMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--window-error must be webhook or sync, got '" + value + "'");
    }
  }
}
