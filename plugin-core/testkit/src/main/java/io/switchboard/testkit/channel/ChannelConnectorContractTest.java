package io.switchboard.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelCapabilities;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.MessageContent;
import io.switchboard.spi.channel.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChannelConnector} must do, whatever the channel. A connector module extends
 * this class in a {@code *Test} (no network: nothing here reaches the channel) and supplies its
 * factory, a valid configuration and channel-specific sample requests; a connector is correct when
 * this passes, together with its own tests of the channel's details.
 *
 * <pre>{@code
 * class WhatsAppCloudConnectorContractTest extends ChannelConnectorContractTest {
 *   protected ChannelConnectorFactory factory() { return new WhatsAppCloudConnectorFactory(); }
 *   ...
 * }
 * }</pre>
 */
public abstract class ChannelConnectorContractTest {

  /** A fixed clock handed to the connector, so nothing depends on the wall clock. */
  protected static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2025-06-08T21:00:00Z"), ZoneOffset.UTC);

  private ChannelConnector connector;

  /** The factory under test, new instance. */
  protected abstract ChannelConnectorFactory factory();

  /** Raw option values that make a working configuration (secrets may be test values). */
  protected abstract Map<String, String> validConfig();

  /** A webhook request for this body as the channel would send it: signed, with its headers. */
  protected abstract WebhookRequest authenticRequest(byte[] body);

  /** Handshake query parameters the channel sends, with the right verify token. */
  protected abstract Map<String, List<String>> handshakeQuery(boolean withRightToken);

  /** The body {@link ChannelConnector#handshake} must answer the right handshake with. */
  protected abstract String expectedHandshakeAnswer();

  /** A real-looking authentic body carrying exactly one customer text message. */
  protected abstract byte[] oneTextMessageBody();

  /** A real-looking body carrying exactly one delivery status of a message we sent. */
  protected abstract byte[] oneDeliveryStatusBody();

  /** A well-formed body of the channel's envelope that carries no events. */
  protected abstract byte[] bodyWithoutEvents();

  /**
   * A body with exactly one customer message of a type the connector does not know (e.g. one the
   * channel may add next year), named {@link #unknownMessageType()}.
   */
  protected abstract byte[] oneUnknownTypeMessageBody();

  /** The type name used in {@link #oneUnknownTypeMessageBody()}. */
  protected abstract String unknownMessageType();

  /** The connector created from {@link #validConfig()} for the current test. */
  protected final ChannelConnector connector() {
    return connector;
  }

  @BeforeEach
  void createConnector() throws InvalidConfigurationException {
    connector = createFrom(validConfig());
  }

  @AfterEach
  void closeConnector() {
    if (connector != null) {
      connector.close();
    }
  }

  private ChannelConnector createFrom(Map<String, String> raw)
      throws InvalidConfigurationException {
    ChannelConnectorFactory factory = factory();
    PluginConfig config = PluginConfig.of(factory.options(), raw);
    return factory.create(config, new PluginContext("contract-test", FIXED_CLOCK));
  }

  // ---- factory and options

  @Test
  @DisplayName("the factory is registered for java.util.ServiceLoader")
  void factoryIsRegisteredForServiceLoader() {
    Set<String> registered =
        ServiceLoader.load(ChannelConnectorFactory.class).stream()
            .map(p -> p.type().getName())
            .collect(Collectors.toSet());
    assertThat(registered).contains(factory().getClass().getName());
  }

  @Test
  @DisplayName("the plugin id is a folder-style name and the display name is set")
  void pluginIdLooksLikeAModuleFolder() {
    assertThat(factory().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    assertThat(factory().displayName()).isNotBlank();
  }

  @Test
  @DisplayName("options have unique camelCase names and a description each")
  void optionsDescribeThemselves() {
    List<PluginOption> options = factory().options();
    assertThat(options).isNotEmpty();
    assertThat(options).extracting(PluginOption::name).doesNotHaveDuplicates();
    assertThat(options)
        .allSatisfy(
            o -> {
              assertThat(o.name()).matches("[a-z][A-Za-z0-9]*");
              assertThat(o.description()).isNotBlank();
            });
  }

  @Test
  @DisplayName("options that hold credentials (token, secret, password, key) are flagged secret")
  void credentialOptionsAreSecret() {
    assertThat(factory().options())
        .filteredOn(
            o -> {
              String n = o.name().toLowerCase(Locale.ROOT);
              return n.contains("token")
                  || n.contains("secret")
                  || n.contains("password")
                  || n.endsWith("key");
            })
        .allSatisfy(o -> assertThat(o.secret()).as(o.name() + " is secret").isTrue());
  }

  @Test
  @DisplayName("a configuration without any value names every required option")
  void missingRequiredOptionsAreEachReported() {
    List<String> required =
        factory().options().stream()
            .filter(o -> o.required() && o.defaultValue() == null)
            .map(PluginOption::name)
            .toList();
    assertThatThrownBy(() -> PluginConfig.of(factory().options(), Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(String.join("\n", e.problems()))
                    .contains(required.toArray(String[]::new)));
  }

  @Test
  @DisplayName("secret option values never appear in the connector's toString")
  void secretsAreNotInToString() {
    Map<String, String> config = validConfig();
    List<String> secretValues =
        factory().options().stream()
            .filter(PluginOption::secret)
            .map(o -> config.get(o.name()))
            .filter(v -> v != null && !v.isBlank())
            .toList();
    assertThat(secretValues).as("validConfig() should give values to secret options").isNotEmpty();
    for (String secret : secretValues) {
      assertThat(connector.toString()).doesNotContain(secret);
    }
  }

  // ---- capabilities

  @Test
  @DisplayName("capabilities state outbound types including text, a positive rate and a pair gap")
  void capabilitiesAreComplete() {
    ChannelCapabilities capabilities = connector.capabilities();
    assertThat(capabilities.outboundTypes()).contains("text");
    assertThat(capabilities.inboundTypes()).contains("text");
    assertThat(capabilities.messagesPerSecond()).isPositive();
    assertThat(capabilities.samePairInterval()).isNotNull();
    assertThat(capabilities.samePairInterval().isNegative()).isFalse();
  }

  // ---- handshake

  @Test
  @DisplayName("the subscription handshake with the right token is answered with the challenge")
  void handshakeWithRightTokenIsAccepted() {
    assertThat(connector.handshake(handshakeQuery(true)).body())
        .contains(expectedHandshakeAnswer());
  }

  @Test
  @DisplayName("the subscription handshake with a wrong token is rejected")
  void handshakeWithWrongTokenIsRejected() {
    assertThat(connector.handshake(handshakeQuery(false)).body()).isEmpty();
  }

  @Test
  @DisplayName("a handshake without parameters is rejected, not an exception")
  void handshakeWithoutParametersIsRejected() {
    assertThat(connector.handshake(Map.of()).body()).isEmpty();
  }

  // ---- authenticity

  @Test
  @DisplayName("a request signed as the channel signs it is authentic")
  void signedRequestIsAuthentic() {
    assertThat(connector.isAuthentic(authenticRequest(oneTextMessageBody()))).isTrue();
  }

  @Test
  @DisplayName("a body changed by one byte after signing is not authentic")
  void tamperedBodyIsNotAuthentic() {
    byte[] body = oneTextMessageBody();
    WebhookRequest signed = authenticRequest(body);
    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 0x01;
    assertThat(connector.isAuthentic(new WebhookRequest(tampered, signed.headers(), Map.of())))
        .isFalse();
  }

  @Test
  @DisplayName("a request without headers is not authentic")
  void unsignedRequestIsNotAuthentic() {
    assertThat(connector.isAuthentic(WebhookRequest.of(oneTextMessageBody(), Map.of(), Map.of())))
        .isFalse();
  }

  @Test
  @DisplayName("garbage in every header is 'not authentic', never an exception")
  void garbageSignatureHeadersAreNotAuthentic() {
    byte[] body = oneTextMessageBody();
    for (String garbage :
        List.of("", "sha256=", "sha256=zz", "md5=abc", "sha256=" + "0".repeat(64))) {
      Map<String, List<String>> headers = new HashMap<>();
      authenticRequest(body).headers().keySet().forEach(k -> headers.put(k, List.of(garbage)));
      assertThatCode(
              () ->
                  assertThat(connector.isAuthentic(WebhookRequest.of(body, headers, null)))
                      .isFalse())
          .as("header value '%s'", garbage)
          .doesNotThrowAnyException();
    }
  }

  // ---- parsing

  @Test
  @DisplayName("a body with one text message gives one customer message with its text and sender")
  void textMessageIsParsed() throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(oneTextMessageBody());
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    CustomerMessage message = (CustomerMessage) events.get(0);
    assertThat(message.content().type()).isEqualTo("text");
    assertThat(message.content().text()).isNotBlank();
    assertThat(message.from().channelUserId()).isNotBlank();
    assertThat(message.dedupeKey()).hasSizeLessThanOrEqualTo(255);
    assertThat(message.orderingKey()).isEqualTo(message.from().channelUserId());
  }

  @Test
  @DisplayName("a body with one status gives one delivery update")
  void deliveryStatusIsParsed() throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(oneDeliveryStatusBody());
    assertThat(events).hasSize(1).first().isInstanceOf(DeliveryUpdate.class);
    assertThat(events.get(0).dedupeKey()).hasSizeLessThanOrEqualTo(255);
  }

  @Test
  @DisplayName("parsing is pure: the same body gives equal events every time")
  void parsingIsRepeatable() throws MalformedPayloadException {
    assertThat(connector.parse(oneTextMessageBody()))
        .isEqualTo(connector.parse(oneTextMessageBody()));
    assertThat(connector.parse(oneDeliveryStatusBody()))
        .isEqualTo(connector.parse(oneDeliveryStatusBody()));
  }

  @Test
  @DisplayName("a well-formed body without events gives an empty list")
  void bodyWithoutEventsGivesNothing() throws MalformedPayloadException {
    assertThat(connector.parse(bodyWithoutEvents())).isEmpty();
  }

  @Test
  @DisplayName("bodies that are not the channel's envelope are malformed, with a reason")
  void nonsenseIsMalformed() {
    List<String> nonsense =
        List.of("", "not json", "{\"entry\":", "[]", "42", "{\"object\":\"something_else\"}");
    for (String body : nonsense) {
      assertThatThrownBy(() -> connector.parse(body.getBytes(StandardCharsets.UTF_8)))
          .as("body '%s'", body)
          .isInstanceOf(MalformedPayloadException.class)
          .hasMessageFindingMatch("\\S");
    }
  }

  @Test
  @DisplayName("the same body delivered twice gives the same dedupe keys (so the ledger drops it)")
  void redeliveredBodyHasSameDedupeKeys() throws MalformedPayloadException {
    byte[] first = oneTextMessageBody();
    byte[] redelivered = first.clone();
    assertThat(connector.parse(redelivered))
        .extracting(InboundEvent::dedupeKey)
        .containsExactlyElementsOf(
            connector.parse(first).stream().map(InboundEvent::dedupeKey).toList());
  }

  @Test
  @DisplayName("a message of an unknown type is kept with its type name and raw JSON, not dropped")
  void unknownMessageTypeIsKept() throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(oneUnknownTypeMessageBody());
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    MessageContent content = ((CustomerMessage) events.get(0)).content();
    assertThat(content.type()).isEqualTo(unknownMessageType());
    assertThat(content.rawJson()).contains(unknownMessageType());
  }

  @Test
  @DisplayName("dedupe keys of different events in the samples differ")
  void dedupeKeysAreDistinct() throws MalformedPayloadException {
    Set<String> keys = new HashSet<>();
    connector.parse(oneTextMessageBody()).forEach(e -> keys.add(e.dedupeKey()));
    connector.parse(oneDeliveryStatusBody()).forEach(e -> keys.add(e.dedupeKey()));
    assertThat(keys).hasSize(2);
  }

  // ---- sending and media (only what needs no network)

  @Test
  @DisplayName("sending a message type the channel does not offer fails permanently, naming it")
  void unsupportedOutboundTypeIsPermanent() {
    String type = "hologram";
    assertThat(connector.capabilities().outboundTypes()).doesNotContain(type);
    OutboundMessage message =
        new OutboundMessage(
            "contract:1",
            "16505551234",
            "+16505551234",
            new MessageContent(type, "beam me up", List.of(), null),
            null);
    assertThatThrownBy(() -> connector.send(message))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining(type);
  }

  @Test
  @DisplayName("fetching media from a reference the connector never produced fails permanently")
  void foreignMediaReferenceIsPermanent() {
    Attachment foreign = new Attachment("x.bin", "application/octet-stream", -1, "crm:42", null);
    assertThatThrownBy(() -> connector.fetchMedia(foreign)).isInstanceOf(PermanentException.class);
  }

  @Test
  @DisplayName("closing twice is harmless")
  void closeIsIdempotent() {
    assertThatCode(
            () -> {
              connector.close();
              connector.close();
            })
        .doesNotThrowAnyException();
  }
}
