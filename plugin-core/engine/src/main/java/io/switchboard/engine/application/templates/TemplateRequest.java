package io.switchboard.engine.application.templates;

import io.switchboard.spi.content.TemplateParameter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A template someone wants to send, before it is checked against the synced definition.
 *
 * <pre>{@code
 * new TemplateRequest("order_update", "en_US", List.of(),
 *     List.of(TemplateParameter.text("4567"), TemplateParameter.text("Monday")), Map.of())
 * }</pre>
 *
 * @param name the template name
 * @param language the language code, or {@code null} to choose one (only from the {@code /template}
 *     command: the only language, else the customer's)
 * @param header the header's parameters (a text value, or media for an image/video/document header)
 * @param body the body's parameters, in placeholder order
 * @param buttons the parameters per button index (URL suffix, coupon code)
 */
public record TemplateRequest(
    String name,
    String language,
    List<TemplateParameter> header,
    List<TemplateParameter> body,
    Map<Integer, List<TemplateParameter>> buttons) {
  public TemplateRequest {
    Objects.requireNonNull(name, "name");
    header = header == null ? List.of() : List.copyOf(header);
    body = body == null ? List.of() : List.copyOf(body);
    buttons =
        buttons == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(buttons));
  }

  /** The same request in a given language. */
  public TemplateRequest inLanguage(String chosen) {
    return new TemplateRequest(name, chosen, header, body, buttons);
  }
}
