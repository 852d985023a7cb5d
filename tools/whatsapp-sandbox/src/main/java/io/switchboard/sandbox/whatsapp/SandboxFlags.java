package io.switchboard.sandbox.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line flags, their environment variables and defaults, declared once: parsing, {@code
 * --help} and the README table all follow this list.
 */
final class SandboxFlags {
  private SandboxFlags() {}

  /** One flag: its name, environment variable, default and description. */
  record Flag(String name, String env, String defaultValue, String description) {
    boolean secret() {
      return name.contains("secret") || name.contains("token");
    }
  }

  static final List<Flag> ALL =
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
              SandboxConfig.DEFAULT_APP_SECRET,
              "app secret that signs webhooks (X-Hub-Signature-256)"),
          new Flag(
              "access-token",
              "SANDBOX_ACCESS_TOKEN",
              SandboxConfig.DEFAULT_ACCESS_TOKEN,
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
              "WhatsApp Business Account id (webhook entry.id, templates path)"),
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
              "pause before each status webhook (sent, delivered, read)"),
          new Flag(
              "media-url-ttl-ms",
              "SANDBOX_MEDIA_URL_TTL_MS",
              "300000",
              "how long a media download URL from GET /{media-id} stays valid"),
          new Flag(
              "messages-per-second",
              "SANDBOX_MESSAGES_PER_SECOND",
              "80",
              "throughput of the business number (error 130429 above it)"),
          new Flag(
              "throughput-burst-percent",
              "SANDBOX_THROUGHPUT_BURST_PERCENT",
              "5",
              "sends tolerated above messages-per-second in any 1 s window, in percent"),
          new Flag(
              "pair-interval-ms",
              "SANDBOX_PAIR_INTERVAL_MS",
              "6000",
              "pair rate limit: one message per this interval to one customer (error 131056)"),
          new Flag(
              "pair-burst",
              "SANDBOX_PAIR_BURST",
              "45",
              "messages to one customer tolerated in a burst before the pair limit bites"),
          new Flag(
              "service-window-hours",
              "SANDBOX_SERVICE_WINDOW_HOURS",
              "24",
              "customer service window for non-template messages (0 = not enforced)"),
          new Flag(
              "window-error",
              "SANDBOX_WINDOW_ERROR",
              "webhook",
              "webhook: 131047 as a failed status after a 200 (as Cloud API does); sync: a 400"));

  /** The defaults overridden by the environment, then by the arguments. */
  static Map<String, String> parse(String[] args, Map<String, String> env) {
    Map<String, String> values = defaults(env);
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
      set(values, name, value);
    }
    return values;
  }

  /** Every flag's default, or its environment variable where set. */
  static Map<String, String> defaults(Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Flag flag : ALL) {
      values.put(flag.name(), env.getOrDefault(flag.env(), flag.defaultValue()));
    }
    return values;
  }

  /** Sets one flag's value, refusing a name that is not a flag. */
  static void set(Map<String, String> values, String name, String value) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("Unknown flag --" + name + "\n" + usage());
    }
    values.put(name, value);
  }

  /** The flags, their environment variables and defaults, for {@code --help}. */
  static String usage() {
    StringBuilder out =
        new StringBuilder("Usage: java -jar whatsapp-sandbox.jar [--flag=value ...]\n");
    for (Flag flag : ALL) {
      out.append(
          String.format(
              "  --%-26s %-34s %s [default: %s]%n",
              flag.name(),
              flag.env(),
              flag.description(),
              flag.secret() ? "(demo value)" : flag.defaultValue()));
    }
    return out.toString();
  }
}
