package io.switchboard.spi.content;

import java.util.List;
import java.util.Objects;

/**
 * A pre-approved message template, the only thing WhatsApp lets a business send outside the
 * customer service window.
 *
 * <pre>{@code
 * new Template("order_update", "ar", List.of(TemplateComponent.body(TemplateParameter.text("4567"))))
 * }</pre>
 *
 * @param name the template's name as approved
 * @param language its language code, e.g. {@code en_US} or {@code ar}
 * @param components the parameters, per part
 */
public record Template(String name, String language, List<TemplateComponent> components)
    implements OutboundContent {
  public Template {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    components = List.copyOf(components);
  }

  @Override
  public String type() {
    return "template";
  }
}
