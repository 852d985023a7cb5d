package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sandbox configuration: flags win over environment variables, which win over defaults")
class SandboxConfigTest {

  @Test
  void defaultsMatchTheDemo() {
    SandboxConfig config = SandboxConfig.from(new String[0], Map.of());

    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.webhookUrl())
        .hasToString("http://127.0.0.1:8080/switchboard/api/channels/wa-demo/webhook");
    assertThat(config.phoneNumberId()).isEqualTo("106540352242922");
    assertThat(config.readReceipts()).isEqualTo(SandboxConfig.ReadReceipts.AUTO);
    assertThat(config.usesDemoSecrets()).isTrue();
  }

  @Test
  void environmentOverridesDefaultsAndFlagsOverrideEnvironment() {
    SandboxConfig config =
        SandboxConfig.from(
            new String[] {"--port", "9191", "--app-secret=from-flag"},
            Map.of(
                "SANDBOX_PORT",
                "9999",
                "SANDBOX_APP_SECRET",
                "from-env",
                "SANDBOX_ACCESS_TOKEN",
                "token-from-env",
                "SANDBOX_STATUS_DELAY_MS",
                "5"));

    assertThat(config.port()).isEqualTo(9191);
    assertThat(config.appSecret()).isEqualTo("from-flag");
    assertThat(config.accessToken()).isEqualTo("token-from-env");
    assertThat(config.statusDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.usesDemoSecrets()).isFalse();
  }

  @Test
  void secretsAreNotInToString() {
    SandboxConfig config =
        SandboxConfig.from(new String[] {"--app-secret=s3cr3t", "--access-token=t0k3n"}, Map.of());

    assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("t0k3n");
  }

  @Test
  void badValuesAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> SandboxConfig.from(new String[] {"--port=http"}, Map.of()))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> SandboxConfig.from(new String[] {"--webhook-url=ftp://x"}, Map.of()))
        .hasMessageContaining("--webhook-url");
    assertThatThrownBy(() -> SandboxConfig.from(new String[] {"--read-receipts=never"}, Map.of()))
        .hasMessageContaining("auto or page");
    assertThatThrownBy(() -> SandboxConfig.from(new String[] {"--colour=red"}, Map.of()))
        .hasMessageContaining("Unknown flag --colour");
    assertThatThrownBy(() -> SandboxConfig.from(new String[] {"--port"}, Map.of()))
        .hasMessageContaining("needs a value");
  }

  @Test
  void limitsDefaultToMetasAndTheBuilderSetsAnyFlag() {
    SandboxConfig defaults = SandboxConfig.from(new String[0], Map.of());
    SandboxConfig built =
        SandboxConfig.builder()
            .port(0)
            .webhookUrl(java.net.URI.create("http://127.0.0.1:1/hook"))
            .flag("messages-per-second", "1000")
            .flag("window-error", "sync")
            .build();

    assertThat(defaults.mediaUrlTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.limits().messagesPerSecond()).isEqualTo(80);
    assertThat(defaults.limits().sendsPerWindow()).isEqualTo(84);
    assertThat(defaults.limits().pairInterval()).isEqualTo(Duration.ofSeconds(6));
    assertThat(defaults.limits().serviceWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.limits().windowErrorMode())
        .isEqualTo(SendLimitSettings.WindowErrorMode.WEBHOOK);
    assertThat(built.port()).isZero();
    assertThat(built.limits().messagesPerSecond()).isEqualTo(1000);
    assertThat(built.limits().windowErrorMode()).isEqualTo(SendLimitSettings.WindowErrorMode.SYNC);
    assertThatThrownBy(() -> SandboxConfig.builder().flag("colour", "red"))
        .hasMessageContaining("Unknown flag --colour");
    assertThatThrownBy(() -> SandboxConfig.builder().flag("window-error", "never").build())
        .hasMessageContaining("webhook or sync");
  }
}
