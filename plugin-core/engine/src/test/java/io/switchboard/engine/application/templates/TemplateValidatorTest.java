package io.switchboard.engine.application.templates;

import static io.switchboard.engine.application.templates.TestTemplates.orderUpdate;
import static io.switchboard.engine.application.templates.TestTemplates.orderUpdateArabic;
import static io.switchboard.engine.application.templates.TestTemplates.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A template send is checked against the synced definition before it goes out: every problem Meta
 * would refuse with 132000/132001/132012/132015/132018 is reported first, one reason each.
 */
class TemplateValidatorTest {
  private static final TemplateParameter IMAGE =
      TemplateParameter.media(Media.byLink(MediaKind.IMAGE, "https://shop.example/4567.jpg", null));
  private static final List<ChannelTemplate> ORDER_UPDATE =
      List.of(stored(orderUpdateArabic()), stored(orderUpdate()));

  private static TemplateRequest full(String language) {
    return new TemplateRequest(
        "order_update",
        language,
        List.of(IMAGE),
        List.of(TemplateParameter.text("4567"), TemplateParameter.text("Monday")),
        Map.of(0, List.of(TemplateParameter.text("4567"))));
  }

  private static List<String> reasons(TemplateValidator.Checked c) {
    return c.problems().stream().map(p -> p.reason() + "@" + p.part()).toList();
  }

  @Test
  @DisplayName("a valid send becomes the template with its header, body and URL button")
  void valid() {
    TemplateValidator.Checked c = TemplateValidator.check(full("en_US"), ORDER_UPDATE, null);

    assertThat(c.problems()).isEmpty();
    assertThat(c.content().language()).isEqualTo("en_US");
    assertThat(c.content().components())
        .extracting(TemplateComponent::part)
        .containsExactly(
            TemplateComponent.Part.HEADER,
            TemplateComponent.Part.BODY,
            TemplateComponent.Part.BUTTON);
    TemplateComponent button = c.content().components().get(2);
    assertThat(button.buttonIndex()).isZero();
    assertThat(button.buttonKind()).isEqualTo("url");
    assertThat(c.rendered())
        .isEqualTo("[Image]\nOrder 4567 ships on Monday.\nThank you for shopping with us");
  }

  @Test
  @DisplayName("currency and date_time values are accepted in the body and shown by their fallback")
  void typedBodyValues() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "ar",
            List.of(),
            List.of(
                TemplateParameter.currency(new BigDecimal("99.80"), "AED", "AED 99.80"),
                new TemplateParameter.DateTimeValue(
                    null, OffsetDateTime.parse("2026-12-07T10:00:00+04:00"), "الاثنين")),
            Map.of());

    TemplateValidator.Checked c = TemplateValidator.check(request, ORDER_UPDATE, null);

    assertThat(c.problems()).isEmpty();
    assertThat(c.rendered()).isEqualTo("طلبك AED 99.80 يُشحن يوم الاثنين.");
  }

  @Test
  @DisplayName("an unknown template is refused")
  void unknownTemplate() {
    TemplateValidator.Checked c =
        TemplateValidator.check(
            new TemplateRequest("order_updat", "en_US", null, null, null),
            ORDER_UPDATE.subList(0, 0),
            null);
    assertThat(reasons(c)).containsExactly("unknown-template@template");
    assertThat(c.problems().get(0).detail()).contains("order_updat").contains("templates/sync");
  }

  @Test
  @DisplayName("a language the template does not have is refused, naming the ones it has")
  void wrongLanguage() {
    TemplateValidator.Checked c = TemplateValidator.check(full("de"), ORDER_UPDATE, null);
    assertThat(reasons(c)).containsExactly("language-missing@template");
    assertThat(c.problems().get(0).detail()).contains("no de version").contains("ar, en_US");
  }

  @Test
  @DisplayName(
      "without a language: the only one, else the customer's, else the caller must name it")
  void chosenLanguage() {
    TemplateRequest noLanguage =
        new TemplateRequest(
            "order_update",
            null,
            null,
            List.of(TemplateParameter.text("1"), TemplateParameter.text("2")),
            null);
    assertThat(TemplateValidator.check(noLanguage, ORDER_UPDATE, "ar-AE").content().language())
        .isEqualTo("ar");
    assertThat(
            TemplateValidator.check(noLanguage, List.of(stored(orderUpdateArabic())), null)
                .content()
                .language())
        .isEqualTo("ar");
    assertThat(reasons(TemplateValidator.check(noLanguage, ORDER_UPDATE, "fr")))
        .containsExactly("language-required@template");
  }

  @Test
  @DisplayName(
      "a template that is not APPROVED is refused with its status and the channel's reason")
  void notApproved() {
    TemplateValidator.Checked c =
        TemplateValidator.check(
            new TemplateRequest("promo", "en_US", null, null, null),
            List.of(stored(TestTemplates.pausedPromo())),
            null);
    assertThat(reasons(c)).containsExactly("not-approved@template");
    assertThat(c.problems().get(0).detail()).contains("PAUSED (low quality)");
  }

  @Test
  @DisplayName("a wrong number of values for a part is refused with both counts")
  void wrongCount() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "en_US",
            List.of(IMAGE),
            List.of(TemplateParameter.text("4567")),
            Map.of(0, List.of(TemplateParameter.text("4567"))));
    TemplateValidator.Checked c = TemplateValidator.check(request, ORDER_UPDATE, null);
    assertThat(reasons(c)).containsExactly("parameter-count@body");
    assertThat(c.problems().get(0).detail()).isEqualTo("the body takes 2 parameters, got 1");
  }

  @Test
  @DisplayName(
      "a value of the wrong type for its part is refused: text for an image header, media in the body, currency on a button")
  void wrongTypes() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "en_US",
            List.of(TemplateParameter.text("banner")),
            List.of(IMAGE, TemplateParameter.text("Monday")),
            Map.of(0, List.of(TemplateParameter.currency(BigDecimal.ONE, "USD", "$1"))));
    TemplateValidator.Checked c = TemplateValidator.check(request, ORDER_UPDATE, null);
    assertThat(reasons(c))
        .containsExactly("parameter-type@header", "parameter-type@body", "parameter-type@button 0");
    assertThat(c.problems().get(0).detail())
        .contains("the header is an image")
        .contains("not text");
  }

  @Test
  @DisplayName("values for a part the template does not have are refused")
  void unknownParts() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "ar",
            List.of(TemplateParameter.text("x")),
            List.of(TemplateParameter.text("1"), TemplateParameter.text("2")),
            Map.of(3, List.of(TemplateParameter.text("4567"))));
    assertThat(reasons(TemplateValidator.check(request, ORDER_UPDATE, null)))
        .containsExactly("unknown-part@header", "unknown-part@button 3");
  }

  @Test
  @DisplayName("a button that needs its URL suffix and gets none is refused")
  void missingButtonValue() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "en_US",
            List.of(IMAGE),
            List.of(TemplateParameter.text("1"), TemplateParameter.text("2")),
            Map.of());
    TemplateValidator.Checked c = TemplateValidator.check(request, ORDER_UPDATE, null);
    assertThat(reasons(c)).containsExactly("parameter-count@button 0");
  }

  @Test
  @DisplayName("empty values and values with line breaks, tabs or five spaces are refused")
  void valueText() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "ar",
            null,
            List.of(TemplateParameter.text(" "), TemplateParameter.text("Monday\nmorning")),
            null);
    assertThat(reasons(TemplateValidator.check(request, ORDER_UPDATE, null)))
        .containsExactly("parameter-empty@body", "parameter-format@body");
    TemplateRequest spaces =
        new TemplateRequest(
            "order_update",
            "ar",
            null,
            List.of(TemplateParameter.text("a     b"), TemplateParameter.text("tab\there")),
            null);
    assertThat(reasons(TemplateValidator.check(spaces, ORDER_UPDATE, null)))
        .containsExactly("parameter-format@body", "parameter-format@body");
  }

  @Test
  @DisplayName(
      "named parameters: positional values get the part's names, unknown names are refused")
  void namedParameters() {
    List<ChannelTemplate> welcome = List.of(stored(TestTemplates.welcome()));
    TemplateValidator.Checked ok =
        TemplateValidator.check(
            new TemplateRequest(
                "welcome", "en_US", null, List.of(TemplateParameter.text("Amal")), null),
            welcome,
            null);
    assertThat(ok.content().components().get(0).parameters().get(0).name()).isEqualTo("first_name");
    assertThat(ok.rendered()).isEqualTo("Hello Amal, welcome back!");

    TemplateValidator.Checked wrong =
        TemplateValidator.check(
            new TemplateRequest(
                "welcome",
                "en_US",
                null,
                List.of(new TemplateParameter.TextValue("name", "Amal")),
                null),
            welcome,
            null);
    assertThat(reasons(wrong)).containsExactly("parameter-name@body");
  }

  @Test
  @DisplayName("every problem of a send is reported at once, not only the first")
  void everyProblem() {
    TemplateRequest request =
        new TemplateRequest(
            "order_update",
            "en_US",
            List.of(),
            List.of(IMAGE, TemplateParameter.text("")),
            Map.of());
    assertThat(reasons(TemplateValidator.check(request, ORDER_UPDATE, null)))
        .containsExactly(
            "parameter-count@header",
            "parameter-type@body",
            "parameter-empty@body",
            "parameter-count@button 0");
  }
}
