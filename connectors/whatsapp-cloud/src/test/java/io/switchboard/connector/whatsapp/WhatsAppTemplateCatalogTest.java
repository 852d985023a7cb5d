package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading the business account's message templates, page by page, into definitions. */
class WhatsAppTemplateCatalogTest {

  /** The contract's example template (Fall Sale), with an id. */
  static final String FALL_SALE =
      "{\"category\":\"MARKETING\",\"components\":[{\"format\":\"TEXT\",\"text\":\"Fall Sale\","
          + "\"type\":\"HEADER\"},{\"example\":{\"body_text\":[[\"Mark\",\"FALL25\"]]},\"text\":"
          + "\"Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off every order"
          + " above $350!\",\"type\":\"BODY\"},{\"text\":\"Not interested in any of our sales? Tap"
          + " Stop Promotions\",\"type\":\"FOOTER\"},{\"buttons\":[{\"text\":\"Stop promotions\","
          + "\"type\":\"QUICK_REPLY\"}],\"type\":\"BUTTONS\"}],\"id\":\"920070352646140\","
          + "\"language\":\"en_US\",\"name\":\"2023_april_promo\",\"status\":\"APPROVED\"}";

  /** Named parameters, an image header, a URL button and a copy-code button (Meta's guides). */
  static final String ORDER_UPDATE =
      "{\"name\":\"order_update\",\"language\":\"ar\",\"status\":\"REJECTED\",\"category\":"
          + "\"UTILITY\",\"rejected_reason\":\"INVALID_FORMAT\",\"id\":\"1689556908129832\","
          + "\"parameter_format\":\"NAMED\",\"components\":[{\"type\":\"HEADER\",\"format\":"
          + "\"IMAGE\",\"example\":{\"header_handle\":[\"https://scontent.example/h.jpg\"]}},"
          + "{\"type\":\"BODY\",\"text\":\"Order {{order_id}} for {{first_name}} ships on"
          + " {{date}}; {{order_id}} again\",\"example\":{\"body_text_named_params\":["
          + "{\"param_name\":\"order_id\",\"example\":\"4567\"},{\"param_name\":\"first_name\","
          + "\"example\":\"Amal\"},{\"param_name\":\"date\",\"example\":\"Monday\"}]}},"
          + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\",\"url\":"
          + "\"https://shop.example/track/{{1}}\",\"example\":[\"https://shop.example/track/4567\"]},"
          + "{\"type\":\"COPY_CODE\",\"example\":\"25OFF\"},{\"type\":\"PHONE_NUMBER\",\"text\":"
          + "\"Call us\",\"phone_number\":\"+15550100\"}]}]}";

  private GraphApiStub graph;
  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    factory = new WhatsAppCloudConnectorFactory();
    connector =
        StubAccount.connect(
            factory, graph, Map.of("whatsAppBusinessAccountId", StubAccount.WABA_ID));
  }

  @AfterEach
  void stop() {
    connector.close();
    factory.close();
    graph.close();
  }

  private TemplateCatalog catalog() {
    return connector.capability(TemplateCatalog.class).orElseThrow();
  }

  @Test
  @DisplayName("250 templates come in 3 pages of at most 100, followed by the after cursor")
  void allPagesAreRead() throws Exception {
    for (int i = 0; i < 250; i++) {
      graph.templates().add(FALL_SALE.replace("2023_april_promo", "promo_" + i));
    }
    List<TemplateDefinition> all = catalog().templates();
    assertThat(all).hasSize(250);
    assertThat(all)
        .extracting(TemplateDefinition::name)
        .startsWith("promo_0")
        .endsWith("promo_249");
    List<GraphApiStub.Received> pages =
        graph.received("GET", "/v23\\.0/" + StubAccount.WABA_ID + "/message_templates");
    assertThat(pages).hasSize(3);
    String first = URLDecoder.decode(pages.get(0).query(), StandardCharsets.UTF_8);
    assertThat(first)
        .isEqualTo("fields=id,name,language,status,category,components,rejected_reason&limit=100");
    assertThat(pages.get(1).query()).contains("&after=");
  }

  @Test
  @DisplayName(
      "the contract's example: positional body with 2 parameters and examples, buttons by index")
  void positionalTemplate() throws Exception {
    graph.templates().add(FALL_SALE);
    TemplateDefinition t = catalog().templates().get(0);
    assertThat(t.id()).isEqualTo("920070352646140");
    assertThat(t.approved()).isTrue();
    assertThat(t.category()).isEqualTo("MARKETING");
    assertThat(t.parts())
        .containsExactly(
            new TemplateDefinition.Part("HEADER", "TEXT", "Fall Sale", 0, List.of(), List.of(), -1),
            new TemplateDefinition.Part(
                "BODY",
                null,
                "Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off every"
                    + " order above $350!",
                2,
                List.of("Mark", "FALL25"),
                List.of(),
                -1),
            new TemplateDefinition.Part(
                "FOOTER",
                null,
                "Not interested in any of our sales? Tap Stop Promotions",
                0,
                List.of(),
                List.of(),
                -1),
            new TemplateDefinition.Part(
                "BUTTON", "QUICK_REPLY", "Stop promotions", 0, List.of(), List.of(), 0));
  }

  @Test
  @DisplayName(
      "named parameters counted once each, a media header takes 1, URL and copy-code buttons 1")
  void namedTemplate() throws Exception {
    graph.templates().add(ORDER_UPDATE);
    TemplateDefinition t = catalog().templates().get(0);
    assertThat(t.status()).isEqualTo("REJECTED");
    assertThat(t.statusReason()).isEqualTo("INVALID_FORMAT");
    assertThat(t.parts()).hasSize(5);
    assertThat(t.parts().get(0))
        .isEqualTo(
            new TemplateDefinition.Part(
                "HEADER",
                "IMAGE",
                null,
                1,
                List.of("https://scontent.example/h.jpg"),
                List.of(),
                -1));
    assertThat(t.parts().get(1).parameterCount()).isEqualTo(3);
    assertThat(t.parts().get(1).parameterNames()).containsExactly("order_id", "first_name", "date");
    assertThat(t.parts().get(1).examples()).containsExactly("4567", "Amal", "Monday");
    assertThat(t.parts().get(2))
        .isEqualTo(
            new TemplateDefinition.Part(
                "BUTTON",
                "URL",
                "https://shop.example/track/{{1}}",
                1,
                List.of("https://shop.example/track/4567"),
                List.of(),
                0));
    assertThat(t.parts().get(3))
        .isEqualTo(
            new TemplateDefinition.Part(
                "BUTTON", "COPY_CODE", null, 1, List.of("25OFF"), List.of(), 1));
    assertThat(t.parts().get(4).parameterCount()).isZero();
    assertThat(t.parts().get(4).buttonIndex()).isEqualTo(2);
  }

  @Test
  @DisplayName("without whatsAppBusinessAccountId the number offers no template catalog")
  void noBusinessAccountNoCatalog() throws Exception {
    try (ChannelConnector plain = StubAccount.connect(factory, graph, Map.of())) {
      assertThat(plain.capability(TemplateCatalog.class)).isEmpty();
    }
    assertThat(connector.capability(String.class)).isEmpty();
  }

  @Test
  @DisplayName("an expired token while reading templates is permanent AUTH_FAILED")
  void failures() {
    graph.override(
        "GET",
        ".*/message_templates",
        400,
        GraphApiStub.metaError(190, "OAuthException", "Error validating access token", ""));
    assertThatThrownBy(() -> catalog().templates())
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED))
        .hasMessageContaining("reading the message templates");
  }

  @Test
  @DisplayName("a next page without a new cursor is retryable, not an endless loop")
  void stuckCursor() {
    for (int i = 0; i < 150; i++) {
      graph.templates().add(FALL_SALE);
    }
    graph.templates().stuckCursor();
    assertThatThrownBy(() -> catalog().templates())
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("no new 'after' cursor");
    assertThat(graph.received()).hasSize(2);
  }
}
