package io.switchboard.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PluginOptionTest {

  @Test
  @DisplayName("every URL option requires the secrets again when it changes; others only if asked")
  void urlOptionsReenterSecrets() {
    assertThat(
            PluginOption.optional("baseUrl", OptionType.URL, "d", "https://x.example")
                .reentersSecrets())
        .isTrue();
    PluginOption plain = PluginOption.required("name", OptionType.STRING, "d");
    assertThat(plain.reentersSecrets()).isFalse();
    assertThat(plain.requiresSecretsOnChange().reentersSecrets()).isTrue();
  }

  @Test
  @DisplayName("allowed values and the plugin's validator are checked after the type")
  void allowedValuesAndValidator() {
    PluginOption mode =
        PluginOption.optional("mode", OptionType.STRING, "d", "api").oneOf("api", "mail");
    assertThat(mode.problemWith("fax")).contains("mode must be one of [api, mail]");
    assertThat(mode.problemWith("mail")).isEmpty();
    PluginOption digits =
        PluginOption.required("id", OptionType.STRING, "d")
            .validatedBy(
                v -> v.matches("[0-9]+") ? Optional.empty() : Optional.of("must be digits"));
    assertThat(digits.problemWith("+1 650")).contains("id must be digits");
    assertThat(digits.problemWith("106540352242922")).isEmpty();
  }

  @Test
  @DisplayName("a default that its own option refuses is a programming error")
  void badDefault() {
    assertThatThrownBy(
            () -> PluginOption.optional("mode", OptionType.STRING, "d", "fax").oneOf("api"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("labels default to the name")
  void labels() {
    assertThat(PluginOption.required("accessToken", OptionType.STRING, "d").label())
        .isEqualTo("accessToken");
    assertThat(
            PluginOption.required("accessToken", OptionType.STRING, "d")
                .labelled("Access token")
                .label())
        .isEqualTo("Access token");
  }
}
