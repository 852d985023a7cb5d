package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginEnvironment;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmAdapterFactory;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.ReplyRecords;
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
            org.assertj.core.groups.Tuple.tuple("requestTimeout", false, false, "PT10S"),
            org.assertj.core.groups.Tuple.tuple("agentViewSecret", false, true, null),
            org.assertj.core.groups.Tuple.tuple("uiUrl", false, false, null));
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
  @DisplayName(
      "agentViewSecret shorter than 32 characters and a uiUrl that is no http(s) URL are refused")
  void signOnOptions() {
    assertThatThrownBy(
            () ->
                PluginConfig.of(
                    factory.options(),
                    Map.of("baseUrl", "http://rt", "token", "t", "agentViewSecret", "short")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("agentViewSecret must be at least 32 characters")
        .hasMessageNotContaining("short");
    assertThatThrownBy(
            () ->
                PluginConfig.of(
                    factory.options(),
                    Map.of("baseUrl", "http://rt", "token", "t", "uiUrl", "rt.example.com")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("uiUrl must be an absolute http(s) URL");
  }

  @Test
  @DisplayName(
      "AgentSignOn only with agentViewSecret (its ticket links and frame origin from uiUrl, else"
          + " baseUrl); ReplyRecords always")
  void signOnCapability() throws Exception {
    try (CrmAdapter without =
        factory.create(
            PluginConfig.of(factory.options(), Map.of("baseUrl", "http://rt:8092", "token", "t")),
            new PluginContext("rt", Clock.systemUTC()))) {
      assertThat(without.capability(AgentSignOn.class)).isEmpty();
      assertThat(without.capability(ReplyRecords.class)).isPresent();
    }
    String secret = "switchboard-rt-view-secret-0123456789abcdef";
    try (CrmAdapter onBase =
        factory.create(
            PluginConfig.of(
                factory.options(),
                Map.of(
                    "baseUrl", "http://127.0.0.1:8092/", "token", "t", "agentViewSecret", secret)),
            new PluginContext("rt", Clock.systemUTC()))) {
      AgentSignOn signOn = onBase.capability(AgentSignOn.class).orElseThrow();
      assertThat(signOn.frameOrigins()).containsExactly("http://127.0.0.1:8092");
      assertThat(signOn.ticketUrl("42"))
          .isEqualTo("http://127.0.0.1:8092/Ticket/Display.html?id=42");
    }
    try (CrmAdapter onUi =
        factory.create(
            PluginConfig.of(
                factory.options(),
                Map.of(
                    "baseUrl",
                    "http://rt-internal:8092",
                    "token",
                    "t",
                    "agentViewSecret",
                    secret,
                    "uiUrl",
                    "https://RT.example.com:443/rt/")),
            new PluginContext("rt", Clock.systemUTC()))) {
      AgentSignOn signOn = onUi.capability(AgentSignOn.class).orElseThrow();
      assertThat(signOn.frameOrigins()).containsExactly("https://rt.example.com");
      assertThat(signOn.ticketUrl("7"))
          .isEqualTo("https://RT.example.com:443/rt/Ticket/Display.html?id=7");
      assertThat(onUi.toString()).doesNotContain(secret);
    }
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

  private CrmAdapter unreachableRt(RequestTrackerCrmAdapterFactory f) throws Exception {
    return f.create(
        PluginConfig.of(
            f.options(),
            Map.of("baseUrl", "http://127.0.0.1:9", "token", "t", "requestTimeout", "PT1S")),
        new PluginContext("rt", Clock.systemUTC()));
  }

  @Test
  @DisplayName(
      "one HTTP pool per factory: init opens it, closing an adapter leaves it to the others,"
          + " closing the factory closes it")
  void sharedPool() throws Exception {
    RequestTrackerCrmAdapterFactory f = new RequestTrackerCrmAdapterFactory();
    f.init(new PluginEnvironment(Clock.systemUTC(), Map.of("max-connections", "3")));
    CrmAdapter first = unreachableRt(f);
    CrmAdapter second = unreachableRt(f);

    first.close();

    // The pool still works for the second adapter: it reaches the network (and finds no RT).
    assertThatThrownBy(second::checkReachable).isInstanceOf(RetryableException.class);
    f.close();
    assertThatThrownBy(() -> unreachableRt(f)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("create works without init (the pool opens lazily); bad max-connections are refused")
  void lazyPool() throws Exception {
    try (RequestTrackerCrmAdapterFactory f = new RequestTrackerCrmAdapterFactory()) {
      assertThatThrownBy(unreachableRt(f)::checkReachable).isInstanceOf(RetryableException.class);
    }
    try (RequestTrackerCrmAdapterFactory f = new RequestTrackerCrmAdapterFactory()) {
      assertThatThrownBy(
              () ->
                  f.init(new PluginEnvironment(Clock.systemUTC(), Map.of("max-connections", "0"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("max-connections");
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
