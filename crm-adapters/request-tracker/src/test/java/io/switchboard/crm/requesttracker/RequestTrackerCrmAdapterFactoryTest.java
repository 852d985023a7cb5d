package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmAdapterFactory;
import io.switchboard.spi.crm.Requester;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestTrackerCrmAdapterFactoryTest {
  private final RequestTrackerCrmAdapterFactory factory = new RequestTrackerCrmAdapterFactory();

  @Test
  @DisplayName("the ServiceLoader finds the factory under the id request-tracker")
  void registered() {
    assertThat(ServiceLoader.load(CrmAdapterFactory.class).stream().map(p -> p.get().id()))
        .contains("request-tracker");
  }

  @Test
  @DisplayName("options: baseUrl and token required, secrets flagged, defaults given")
  void options() {
    assertThat(factory.options())
        .extracting(
            PluginOption::name,
            PluginOption::required,
            PluginOption::secret,
            PluginOption::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("baseUrl", true, false, null),
            org.assertj.core.groups.Tuple.tuple("token", true, true, null),
            org.assertj.core.groups.Tuple.tuple("queue", false, false, "Support"),
            org.assertj.core.groups.Tuple.tuple("webhookSecret", false, true, null),
            org.assertj.core.groups.Tuple.tuple("apiUser", false, false, "switchboard"),
            org.assertj.core.groups.Tuple.tuple("requestTimeout", false, false, "PT10S"));
  }

  @Test
  @DisplayName("bad configuration is refused naming the option")
  void badConfiguration() {
    assertThatThrownBy(() -> PluginConfig.of(factory.options(), Map.of("baseUrl", "ftp://rt")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("token is required");
    assertThatThrownBy(
            () ->
                factory.create(
                    PluginConfig.of(
                        factory.options(),
                        Map.of("baseUrl", "http://rt", "token", "t", "requestTimeout", "PT0S")),
                    new PluginContext("rt", Clock.systemUTC())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(
            () ->
                factory.create(
                    PluginConfig.of(
                        factory.options(), Map.of("baseUrl", "http://rt/REST/2.0", "token", "t")),
                    new PluginContext("rt", Clock.systemUTC())))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("without /REST/2.0");
  }

  @Test
  @DisplayName("the adapter's toString shows no secret")
  void noSecretsInToString() throws Exception {
    try (CrmAdapter rt =
        factory.create(
            PluginConfig.of(
                factory.options(),
                Map.of("baseUrl", "http://rt", "token", "tok-123", "webhookSecret", "hook-456")),
            new PluginContext("rt-main", Clock.systemUTC()))) {
      assertThat(rt.toString()).contains("rt-main").doesNotContain("tok-123", "hook-456");
    }
  }

  @Test
  @DisplayName(
      "requester names are deterministic: WhatsApp id, else phone, else channel, else customer")
  void requesterNames() {
    assertThat(name(Map.of("whatsapp", "16505551234"), "+16505551234")).isEqualTo("wa-16505551234");
    assertThat(name(Map.of(), "+1 (650) 555-1234")).isEqualTo("ph-16505551234");
    assertThat(name(Map.of("messenger", "PSID 77"), null)).isEqualTo("messenger-psid_77");
    assertThat(RequestTrackerRequesters.requesterName(new Requester("C-9", null, null, null, null)))
        .isEqualTo("sb-c-9");
  }

  private static String name(Map<String, String> channels, String phone) {
    return RequestTrackerRequesters.requesterName(new Requester("c", "n", phone, channels, null));
  }
}
