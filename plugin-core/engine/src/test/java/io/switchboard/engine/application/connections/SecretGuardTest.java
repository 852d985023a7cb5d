package io.switchboard.engine.application.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.OptionType;
import io.switchboard.spi.PluginOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretGuardTest {
  static final List<PluginOption> OPTIONS =
      List.of(
          PluginOption.optional("baseUrl", OptionType.URL, "where", "https://graph.example/v1"),
          PluginOption.required("token", OptionType.STRING, "secret").asSecret(),
          PluginOption.optional("timeout", OptionType.DURATION, "t", "PT10S"));

  @Test
  @DisplayName("changing a URL option is a change that requires the secrets again")
  void urlChangeNeedsSecrets() {
    Map<String, String> stored = Map.of("baseUrl", "https://graph.example/v1", "token", "t0k");
    assertThat(
            ConnectionAdmin.secretGuardsChanged(
                OPTIONS, Map.of("baseUrl", "https://evil.example"), stored))
        .containsExactly("baseUrl");
  }

  @Test
  @DisplayName("the same URL, or the default written out, or another option changing, is no change")
  void sameUrlIsNoChange() {
    Map<String, String> stored = Map.of("token", "t0k");
    assertThat(
            ConnectionAdmin.secretGuardsChanged(
                OPTIONS, Map.of("baseUrl", "https://graph.example/v1", "timeout", "PT5S"), stored))
        .isEmpty();
    assertThat(ConnectionAdmin.secretGuardsChanged(OPTIONS, Map.of(), stored)).isEmpty();
  }

  @Test
  @DisplayName("dropping a stored URL back to the default is a change too")
  void backToDefault() {
    Map<String, String> stored = Map.of("baseUrl", "https://rt.internal/", "token", "t0k");
    assertThat(ConnectionAdmin.secretGuardsChanged(OPTIONS, Map.of(), stored))
        .containsExactly("baseUrl");
  }
}
