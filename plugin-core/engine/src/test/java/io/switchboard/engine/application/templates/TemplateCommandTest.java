package io.switchboard.engine.application.templates;

import static io.switchboard.engine.application.templates.TestTemplates.orderUpdate;
import static io.switchboard.engine.application.templates.TestTemplates.orderUpdateArabic;
import static io.switchboard.engine.application.templates.TestTemplates.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code /template <name> [<language>] <value> | <value>} command agents type in the CRM. */
class TemplateCommandTest {
  private static final List<ChannelTemplate> BOTH =
      List.of(stored(orderUpdateArabic()), stored(orderUpdate()));

  private static TemplateCommand parse(String text) {
    return TemplateCommand.parse(text).orElseThrow();
  }

  private static List<String> texts(TemplateComponent c) {
    return c.parameters().stream().map(p -> ((TemplateParameter.TextValue) p).text()).toList();
  }

  @Test
  @DisplayName("only a reply that starts with /template and a word is a command")
  void recognised() {
    assertThat(TemplateCommand.isCommand("  /template order_update 1 | 2\n")).isTrue();
    assertThat(TemplateCommand.isCommand("/template")).isTrue();
    assertThat(TemplateCommand.parse("/template")).isEmpty();
    assertThat(TemplateCommand.isCommand("/templates order_update")).isFalse();
    assertThat(TemplateCommand.isCommand("Use /template order_update")).isFalse();
    assertThat(TemplateCommand.isCommand(null)).isFalse();
  }

  @Test
  @DisplayName("values are split at |, trimmed; \\| is a bar inside a value and \\\\ a backslash")
  void splitting() {
    assertThat(TemplateCommand.split("4567 |  Monday ")).containsExactly("4567", "Monday");
    assertThat(TemplateCommand.split("a \\| b | c\\\\d | ")).containsExactly("a | b", "c\\d", "");
    assertThat(TemplateCommand.split("   ")).isEmpty();
    assertThat(TemplateCommand.split("C:\\path")).containsExactly("C:\\path");
  }

  @Test
  @DisplayName("the second word is the language when the template exists in it")
  void arabic() {
    TemplateCommand c = parse("/template order_update ar ٤٥٦٧ | يوم الاثنين ");
    TemplateValidator.Checked checked = c.checkAgainst(BOTH, null);

    assertThat(checked.problems()).isEmpty();
    assertThat(checked.content().language()).isEqualTo("ar");
    assertThat(texts(checked.content().components().get(0))).containsExactly("٤٥٦٧", "يوم الاثنين");
    assertThat(checked.rendered()).isEqualTo("طلبك ٤٥٦٧ يُشحن يوم يوم الاثنين.");
  }

  @Test
  @DisplayName("a second word that is no language of the template starts the first value")
  void secondWordIsAValue() {
    List<ChannelTemplate> arabicOnly = List.of(stored(orderUpdateArabic()));
    TemplateValidator.Checked checked =
        parse("/template order_update de Luxe | Monday").checkAgainst(arabicOnly, null);
    assertThat(checked.problems()).isEmpty();
    assertThat(texts(checked.content().components().get(0))).containsExactly("de Luxe", "Monday");
  }

  @Test
  @DisplayName("without a language, the customer's is used when the template has several")
  void customersLanguage() {
    TemplateValidator.Checked checked =
        parse("/template order_update 4567 | Monday").checkAgainst(BOTH, "ar");
    assertThat(checked.content().language()).isEqualTo("ar");
    assertThat(parse("/template order_update 4567 | Monday").checkAgainst(BOTH, null).problems())
        .extracting(TemplateProblem::reason)
        .containsExactly("language-required");
  }

  @Test
  @DisplayName("values fill the header (a link for an image), then the body, then the URL button")
  void partsInOrder() {
    TemplateValidator.Checked checked =
        parse("/template order_update en_US https://shop.example/4567.jpg | 4567 | Monday | 4567")
            .checkAgainst(BOTH, null);

    assertThat(checked.problems()).isEmpty();
    List<TemplateComponent> parts = checked.content().components();
    assertThat(((TemplateParameter.MediaValue) parts.get(0).parameters().get(0)).media())
        .extracting(Media::link)
        .isEqualTo("https://shop.example/4567.jpg");
    assertThat(texts(parts.get(1))).containsExactly("4567", "Monday");
    assertThat(parts.get(2).buttonIndex()).isZero();
    assertThat(texts(parts.get(2))).containsExactly("4567");
  }

  @Test
  @DisplayName("too few or too many values are refused by the same checks as the API")
  void wrongCounts() {
    assertThat(parse("/template order_update ar 4567").checkAgainst(BOTH, null).problems())
        .extracting(TemplateProblem::reason, TemplateProblem::part)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("parameter-count", "body"));
    assertThat(parse("/template order_update ar 1 | 2 | 3").checkAgainst(BOTH, null).problems())
        .extracting(TemplateProblem::detail)
        .containsExactly("the body takes 2 parameters, got 3");
    assertThat(parse("/template nope 1").checkAgainst(List.of(), null).problems())
        .extracting(TemplateProblem::reason)
        .containsExactly("unknown-template");
  }

  @Test
  @DisplayName("the usage line shows the template's values in order, with its examples")
  void usage() {
    assertThat(
            TemplateCommand.usage(
                "order_update", "en_US", TemplatePartsJson.partsOf(stored(orderUpdate()))))
        .isEqualTo(
            "/template order_update en_US https://shop.example/p.jpg | 4567 | Monday | 4567");
    assertThat(
            TemplateCommand.usage(
                "order_update", "ar", TemplatePartsJson.partsOf(stored(orderUpdateArabic()))))
        .isEqualTo("/template order_update ar <body 1> | <body 2>");
  }
}
