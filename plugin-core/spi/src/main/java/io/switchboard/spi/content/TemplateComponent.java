package io.switchboard.spi.content;

import java.util.List;
import java.util.Objects;

/**
 * The parameters of one part of a template: header, body, or one button (by index).
 *
 * <pre>{@code
 * TemplateComponent.body(TemplateParameter.text("Amal"), TemplateParameter.text("4567"))
 * TemplateComponent.urlButton(0, "4567")   // fills https://shop.example/track/{{1}}
 * }</pre>
 *
 * @param part which part
 * @param buttonIndex the button's position for {@link Part#BUTTON}, else {@code -1}
 * @param buttonKind {@code url}, {@code quick_reply}, {@code copy_code}, ... for buttons, else
 *     {@code null}
 * @param parameters the values, in placeholder order
 */
public record TemplateComponent(
    Part part, int buttonIndex, String buttonKind, List<TemplateParameter> parameters) {

  /** The parts of a template that take parameters. */
  public enum Part {
    HEADER,
    BODY,
    BUTTON
  }

  public TemplateComponent {
    Objects.requireNonNull(part, "part");
    parameters = List.copyOf(parameters);
  }

  public static TemplateComponent header(TemplateParameter parameter) {
    return new TemplateComponent(Part.HEADER, -1, null, List.of(parameter));
  }

  public static TemplateComponent body(TemplateParameter... parameters) {
    return new TemplateComponent(Part.BODY, -1, null, List.of(parameters));
  }

  /** The variable suffix of a URL button. */
  public static TemplateComponent urlButton(int index, String suffix) {
    return new TemplateComponent(
        Part.BUTTON, index, "url", List.of(TemplateParameter.text(suffix)));
  }
}
