package io.switchboard.testkit.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.UnreadableEvent;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every channel plugin must do, whatever the channel: its factory, the {@link
 * ChannelWebhookReceiver} of a channel app and the {@link ChannelConnector} of an account. A
 * connector module extends this class in a {@code *Test} (no network: nothing here needs the
 * channel) and supplies its factory, valid configurations and channel-specific sample requests; a
 * plugin is correct when this passes, together with its own tests of the channel's details.
 *
 * <pre>{@code
 * class WhatsAppCloudConnectorContractTest extends ChannelConnectorContractTest {
 *   protected ChannelConnectorFactory factory() { return new WhatsAppCloudConnectorFactory(); }
 *   ...
 * }
 * }</pre>
 */
public abstract class ChannelConnectorContractTest {

  /** A fixed clock handed to the plugin, so nothing depends on the wall clock. */
  protected static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2025-06-08T21:00:00Z"), ZoneOffset.UTC);

  private ChannelConnectorFactory factory;
  private ChannelWebhookReceiver receiver;
  private ChannelConnector connector;

  /** The factory under test, new instance. */
  protected abstract ChannelConnectorFactory factory();

  /** Raw values of {@link ChannelConnectorFactory#appOptions()} that make a working app. */
  protected abstract Map<String, String> validAppConfig();

  /** Raw values of {@link ChannelConnectorFactory#options()} that make a working account. */
  protected abstract Map<String, String> validAccountConfig();

  /** A webhook request for this body as the channel would send it: signed, with its headers. */
  protected abstract WebhookRequest authenticRequest(byte[] body);

  /** Handshake query parameters the channel sends, with the right or a wrong verify token. */
  protected abstract Map<String, List<String>> handshakeQuery(boolean withRightToken);

  /** The body {@link ChannelWebhookReceiver#handshake} must answer the right handshake with. */
  protected abstract String expectedHandshakeAnswer();

  /** Real or realistic webhook bodies of the channel, by name (e.g. its published samples). */
  protected abstract Map<String, byte[]> sampleBodies();

  /**
   * A body with exactly one customer text message to the account of {@link #validAccountConfig}.
   */
  protected abstract byte[] oneTextMessageBody();

  /** A body with exactly one delivery status of a message the account sent. */
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

  /**
   * A body with exactly one event that cannot be read (e.g. a message without id) among at least
   * two readable ones.
   */
  protected abstract byte[] batchWithOneUnreadableEvent();

  /** Bodies that are not the channel's envelope at all; subclasses may add their own. */
  protected List<String> nonsenseBodies() {
    return List.of("", "not json", "{\"entry\":", "[]", "42", "null", "\"text\"");
  }

  /**
   * How many calls the connector has made to the channel so far, when the test can tell (e.g. a
   * local stub behind the configured base URL); empty when it cannot.
   */
  protected Optional<Integer> channelCallsSoFar() {
    return Optional.empty();
  }

  /** The account's connector created from {@link #validAccountConfig()} for the current test. */
  protected final ChannelConnector connector() {
    return connector;
  }

  /** The app's receiver created from {@link #validAppConfig()} for the current test. */
  protected final ChannelWebhookReceiver receiver() {
    return receiver;
  }

  @BeforeEach
  void createPlugin() throws InvalidConfigurationException {
    factory = factory();
    PluginContext context = new PluginContext("contract-test", FIXED_CLOCK);
    receiver =
        factory.createReceiver(PluginConfig.of(factory.appOptions(), validAppConfig()), context);
    connector = factory.create(PluginConfig.of(factory.options(), validAccountConfig()), context);
  }

  @AfterEach
  void closePlugin() {
    if (connector != null) {
      connector.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (factory != null) {
      factory.close();
    }
  }

  // ---- factory and options

  @Test
  @DisplayName("the factory is registered for java.util.ServiceLoader")
  void factoryIsRegisteredForServiceLoader() {
    Set<String> registered =
        ServiceLoader.load(ChannelConnectorFactory.class).stream()
            .map(p -> p.type().getName())
            .collect(Collectors.toSet());
    assertThat(registered).contains(factory.getClass().getName());
  }

  @Test
  @DisplayName("the plugin id is a folder-style name and the display name is set")
  void pluginIdLooksLikeAModuleFolder() {
    assertThat(factory.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    assertThat(factory.displayName()).isNotBlank();
  }

  @Test
  @DisplayName("app and account options have unique camelCase names, labels and descriptions")
  void optionsDescribeThemselves() {
    assertThat(factory.options()).isNotEmpty();
    List<PluginOption> all = allOptions();
    assertThat(all)
        .as("an option is either the app's or the account's")
        .extracting(PluginOption::name)
        .doesNotHaveDuplicates();
    assertThat(all)
        .allSatisfy(
            o -> {
              assertThat(o.name()).matches("[a-z][A-Za-z0-9]*");
              assertThat(o.description()).isNotBlank();
              assertThat(o.label()).isNotBlank();
            });
  }

  @Test
  @DisplayName("options that hold credentials (token, secret, password, key) are flagged secret")
  void credentialOptionsAreSecret() {
    assertThat(allOptions())
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
  @DisplayName("configurations without any value name every required app and account option")
  void missingRequiredOptionsAreEachReported() {
    for (List<PluginOption> options : List.of(factory.options(), factory.appOptions())) {
      List<String> required =
          options.stream()
              .filter(o -> o.required() && o.defaultValue() == null)
              .map(PluginOption::name)
              .toList();
      assumeTrue(!options.isEmpty());
      if (required.isEmpty()) {
        assertThatCode(() -> PluginConfig.of(options, Map.of())).doesNotThrowAnyException();
        continue;
      }
      assertThatThrownBy(() -> PluginConfig.of(options, Map.of()))
          .isInstanceOfSatisfying(
              InvalidConfigurationException.class,
              e ->
                  assertThat(String.join("\n", e.problems()))
                      .contains(required.toArray(String[]::new)));
    }
  }

  @Test
  @DisplayName("secret option values never appear in the connector's or the receiver's toString")
  void secretsAreNotInToString() {
    Map<String, String> config = new HashMap<>(validAppConfig());
    config.putAll(validAccountConfig());
    List<String> secretValues =
        allOptions().stream()
            .filter(PluginOption::secret)
            .map(o -> config.get(o.name()))
            .filter(v -> v != null && !v.isBlank())
            .toList();
    assertThat(secretValues).as("the valid configs should give values to secrets").isNotEmpty();
    for (String secret : secretValues) {
      assertThat(connector.toString()).doesNotContain(secret);
      assertThat(receiver.toString()).doesNotContain(secret);
    }
  }

  @Test
  @DisplayName("the connector's account id is the one its configuration names")
  void accountIdIsSet() {
    assertThat(connector.accountId()).isNotBlank();
    assertThat(validAccountConfig()).containsValue(connector.accountId());
  }

  // ---- handshake

  @Test
  @DisplayName("the subscription handshake with the right token is answered with the challenge")
  void handshakeWithRightTokenIsAccepted() {
    assertThat(receiver.handshake(handshakeQuery(true)).body()).contains(expectedHandshakeAnswer());
  }

  @Test
  @DisplayName("the subscription handshake with a wrong token is rejected")
  void handshakeWithWrongTokenIsRejected() {
    assertThat(receiver.handshake(handshakeQuery(false)).body()).isEmpty();
  }

  @Test
  @DisplayName("a handshake without parameters is rejected, not an exception")
  void handshakeWithoutParametersIsRejected() {
    assertThat(receiver.handshake(Map.of()).body()).isEmpty();
  }

  // ---- authenticity

  @Test
  @DisplayName("a request signed as the channel signs it is authentic")
  void signedRequestIsAuthentic() {
    assertThat(receiver.isAuthentic(authenticRequest(oneTextMessageBody()))).isTrue();
  }

  @Test
  @DisplayName("a body changed by one byte after signing is not authentic")
  void tamperedBodyIsNotAuthentic() {
    byte[] body = oneTextMessageBody();
    WebhookRequest signed = authenticRequest(body);
    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 0x01;
    assertThat(receiver.isAuthentic(WebhookRequest.of(tampered, signed.headers(), Map.of())))
        .isFalse();
  }

  @Test
  @DisplayName("a request without headers is not authentic")
  void unsignedRequestIsNotAuthentic() {
    assertThat(receiver.isAuthentic(WebhookRequest.of(oneTextMessageBody(), Map.of(), Map.of())))
        .isFalse();
  }

  @Test
  @DisplayName("garbage in every header is 'not authentic', never an exception")
  void garbageSignatureHeadersAreNotAuthentic() {
    byte[] body = oneTextMessageBody();
    for (String garbage :
        List.of("", " ", "sha256=", "sha256=zz", "md5=abc", "sha256=" + "0".repeat(64))) {
      Map<String, List<String>> headers = new HashMap<>();
      authenticRequest(body).headers().keySet().forEach(k -> headers.put(k, List.of(garbage)));
      assertThatCode(
              () ->
                  assertThat(receiver.isAuthentic(WebhookRequest.of(body, headers, null)))
                      .isFalse())
          .as("header value '%s'", garbage)
          .doesNotThrowAnyException();
    }
  }

  // ---- parsing

  @Test
  @DisplayName("one text message gives one customer message with text, sender, account and JSON")
  void textMessageIsParsed() throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(oneTextMessageBody());
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    CustomerMessage message = (CustomerMessage) events.get(0);
    assertThat(message.content())
        .isInstanceOfSatisfying(Text.class, t -> assertThat(t.body()).isNotBlank());
    assertThat(message.from().channelUserId()).isNotBlank();
    assertThat(message.accountId()).isEqualTo(connector.accountId());
    assertThat(message.rawJson()).isNotBlank();
    assertThat(message.dedupeKey()).hasSizeLessThanOrEqualTo(255);
    assertThat(message.orderingKey()).isEqualTo(message.from().channelUserId());
  }

  @Test
  @DisplayName("one status gives one delivery update of the account")
  void deliveryStatusIsParsed() throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(oneDeliveryStatusBody());
    assertThat(events).hasSize(1).first().isInstanceOf(DeliveryUpdate.class);
    assertThat(events.get(0).accountId()).isEqualTo(connector.accountId());
    assertThat(events.get(0).dedupeKey()).hasSizeLessThanOrEqualTo(255);
  }

  @Test
  @DisplayName("every event of every sample names its account and has a short dedupe key")
  void everySampleEventHasAnAccount() throws MalformedPayloadException {
    assertThat(sampleBodies()).isNotEmpty();
    for (Map.Entry<String, byte[]> sample : sampleBodies().entrySet()) {
      for (InboundEvent event : receiver.parse(sample.getValue())) {
        assertThat(event.accountId()).as(sample.getKey()).isNotBlank();
        assertThat(event.dedupeKey()).as(sample.getKey()).isNotBlank().hasSizeLessThan(256);
        assertThat(event).as(sample.getKey()).isNotInstanceOf(UnreadableEvent.class);
      }
    }
  }

  @Test
  @DisplayName("parsing is pure: every sample gives equal events every time")
  void parsingIsRepeatable() throws MalformedPayloadException {
    for (Map.Entry<String, byte[]> sample : sampleBodies().entrySet()) {
      assertThat(receiver.parse(sample.getValue().clone()))
          .as(sample.getKey())
          .isEqualTo(receiver.parse(sample.getValue().clone()));
    }
  }

  @Test
  @DisplayName("within one body, different events have different dedupe keys")
  void dedupeKeysWithinABodyAreDistinct() throws MalformedPayloadException {
    for (Map.Entry<String, byte[]> sample : sampleBodies().entrySet()) {
      assertThat(receiver.parse(sample.getValue()))
          .as(sample.getKey())
          .extracting(InboundEvent::dedupeKey)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  @DisplayName("a well-formed body without events gives an empty list")
  void bodyWithoutEventsGivesNothing() throws MalformedPayloadException {
    assertThat(receiver.parse(bodyWithoutEvents())).isEmpty();
  }

  @Test
  @DisplayName("bodies that are not the channel's envelope are malformed, with a reason")
  void nonsenseIsMalformed() {
    for (String body : nonsenseBodies()) {
      assertThatThrownBy(() -> receiver.parse(body.getBytes(StandardCharsets.UTF_8)))
          .as("body '%s'", body)
          .isInstanceOf(MalformedPayloadException.class)
          .hasMessageFindingMatch("\\S");
    }
  }

  @Test
  @DisplayName("a message of an unknown type is kept as Unsupported with its raw JSON")
  void unknownMessageTypeIsKept() throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(oneUnknownTypeMessageBody());
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    CustomerMessage message = (CustomerMessage) events.get(0);
    assertThat(message.content())
        .isInstanceOfSatisfying(
            Unsupported.class,
            u -> {
              assertThat(u.channelType()).isEqualTo(unknownMessageType());
              assertThat(u.rawJson()).contains(unknownMessageType());
            });
    assertThat(message.content().summary()).contains(unknownMessageType());
  }

  @Test
  @DisplayName("one unreadable event in a batch is reported alone; the others still parse")
  void unreadableEventIsIsolated() throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(batchWithOneUnreadableEvent());
    List<UnreadableEvent> unreadable =
        events.stream()
            .filter(UnreadableEvent.class::isInstance)
            .map(UnreadableEvent.class::cast)
            .toList();
    assertThat(unreadable).hasSize(1);
    assertThat(unreadable.get(0).reason()).isNotBlank();
    assertThat(unreadable.get(0).dedupeKey()).isNotBlank().hasSizeLessThan(256);
    assertThat(events.size() - 1).as("readable events beside it").isGreaterThanOrEqualTo(2);
    assertThat(events).extracting(InboundEvent::dedupeKey).doesNotHaveDuplicates();
    assertThat(receiver.parse(batchWithOneUnreadableEvent()))
        .as("the unreadable event has a stable key, so a redelivery is a duplicate")
        .isEqualTo(events);
  }

  // ---- send policy and sending (only what needs no network)

  @Test
  @DisplayName("the send policy states text both ways, a positive rate, a pair gap and limits")
  void sendPolicyIsComplete() {
    SendPolicy policy = connector.sendPolicy();
    assertThat(policy.outboundTypes()).contains("text");
    assertThat(policy.inboundTypes()).contains("text");
    assertThat(policy.messagesPerSecond()).isPositive();
    assertThat(policy.samePairInterval()).isNotNull();
    assertThat(policy.samePairInterval().isNegative()).isFalse();
    assertThat(policy.maxTextLength()).isPositive();
  }

  @Test
  @DisplayName("text is allowed right after the customer wrote; too long a text is refused")
  void policyAllowsTextInWindowAndRefusesTooLong() {
    SendPolicy policy = connector.sendPolicy();
    Instant now = FIXED_CLOCK.instant();
    ConversationFacts justWrote = new ConversationFacts(now.minusSeconds(60), null, now);
    assertThat(policy.check(Text.of("Hello"), justWrote).allowed()).isTrue();
    SendDecision tooLong = policy.check(Text.of("x".repeat(policy.maxTextLength() + 1)), justWrote);
    assertThat(tooLong.allowed()).isFalse();
    assertThat(tooLong.reason()).isEqualTo(FailureReason.TOO_LARGE);
  }

  @Test
  @DisplayName("with windows, text long after the customer's last message is refused as closed")
  void policyRefusesTextOutsideWindows() {
    SendPolicy policy = connector.sendPolicy();
    assumeTrue(!policy.windows().isEmpty(), "the channel has no windows");
    Instant now = FIXED_CLOCK.instant();
    ConversationFacts longAgo = new ConversationFacts(now.minus(Duration.ofDays(30)), null, now);
    SendDecision decision = policy.check(Text.of("Hello"), longAgo);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(FailureReason.WINDOW_CLOSED);
  }

  @Test
  @DisplayName("content the policy does not list is refused, and send refuses it without a call")
  void unsupportedContentIsRefusedBeforeAnyCall() {
    SendPolicy policy = connector.sendPolicy();
    Optional<OutboundContent> unsupported =
        sampleOutboundContent().stream()
            .filter(c -> !policy.outboundTypes().contains(c.type()))
            .findFirst();
    assumeTrue(unsupported.isPresent(), "the connector sends every kind of content");
    Instant now = FIXED_CLOCK.instant();
    SendDecision decision =
        policy.check(unsupported.get(), new ConversationFacts(now.minusSeconds(60), null, now));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(FailureReason.UNSUPPORTED_CONTENT);
    Optional<Integer> callsBefore = channelCallsSoFar();
    OutboundMessage message =
        new OutboundMessage(
            "contract:1", "16505551234", "+16505551234", unsupported.get(), null, null);
    assertThatThrownBy(() -> connector.send(message))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e ->
                assertThat(e.reason())
                    .isIn(FailureReason.UNSUPPORTED_CONTENT, FailureReason.NOT_IMPLEMENTED))
        .hasMessageContaining(unsupported.get().type());
    assertThat(channelCallsSoFar()).isEqualTo(callsBefore);
  }

  @Test
  @DisplayName("fetching media from a reference the connector never produced fails permanently")
  void foreignMediaReferenceIsPermanent() {
    Media foreign = Media.byReference(MediaKind.DOCUMENT, "crm:42", "application/pdf", null);
    assertThatThrownBy(() -> connector.fetchMedia(foreign)).isInstanceOf(PermanentException.class);
  }

  @Test
  @DisplayName("closing connector and receiver twice is harmless")
  void closeIsIdempotent() {
    assertThatCode(
            () -> {
              connector.close();
              connector.close();
              receiver.close();
              receiver.close();
            })
        .doesNotThrowAnyException();
  }

  /** One of each kind of outbound content, for checks against the policy. */
  protected List<OutboundContent> sampleOutboundContent() {
    List<OutboundContent> contents = new ArrayList<>();
    contents.add(Text.of("Hello"));
    contents.add(Media.byLink(MediaKind.IMAGE, "https://shop.example/p/4567.jpg", "The blue one"));
    contents.add(new Location(new BigDecimal("25.2048"), new BigDecimal("55.2708"), "Mall", null));
    contents.add(
        new Contacts(
            List.of(
                new ContactCard(
                    "Amal Haddad",
                    List.of(new ContactCard.Entry("CELL", "+971501234567")),
                    List.of(),
                    List.of(),
                    null,
                    null))));
    contents.add(new Reaction("wamid.X", "👍"));
    contents.add(
        Interactive.buttons(
            "Is this your address?", List.of(new Interactive.Option("y", "Yes", null))));
    contents.add(
        new Template(
            "order_update",
            "en_US",
            List.of(TemplateComponent.body(TemplateParameter.text("4567")))));
    contents.add(new MarkRead("wamid.X", false));
    return contents;
  }

  private List<PluginOption> allOptions() {
    return Stream.concat(factory.appOptions().stream(), factory.options().stream()).toList();
  }
}
