package io.switchboard.spi.channel.capability;

import java.util.List;
import java.util.Objects;

/**
 * One message template as the channel holds it: what it is called, in which language, whether it
 * may be sent, and what parameters each part takes.
 *
 * <pre>{@code
 * new TemplateDefinition("1234567890", "order_update", "en_US", "UTILITY", "APPROVED", null,
 *     List.of(new TemplateDefinition.Part("BODY", null, "Order {{1}} ships on {{2}}.", 2,
 *         List.of("4567", "Monday"), null, -1)))
 * }</pre>
 *
 * @param id the channel's id of the template, or {@code null}
 * @param name the template name
 * @param language the language code, e.g. {@code en_US}
 * @param category the channel's category ({@code MARKETING}, {@code UTILITY}, {@code
 *     AUTHENTICATION})
 * @param status the channel's status ({@code APPROVED}, {@code PENDING}, {@code REJECTED}, {@code
 *     PAUSED}, {@code DISABLED}, ...); only {@code APPROVED} ones can be sent
 * @param statusReason why it is not approved, or {@code null}
 * @param parts the header, body, footer and buttons, in the template's order
 * @since 2.2.0
 */
public record TemplateDefinition(
    String id,
    String name,
    String language,
    String category,
    String status,
    String statusReason,
    List<Part> parts) {

  /**
   * One part of a template.
   *
   * @param type {@code HEADER}, {@code BODY}, {@code FOOTER} or {@code BUTTON}
   * @param format the header's format ({@code TEXT}, {@code IMAGE}, {@code VIDEO}, {@code
   *     DOCUMENT}, {@code LOCATION}), the button's type ({@code QUICK_REPLY}, {@code URL}, {@code
   *     PHONE_NUMBER}, {@code COPY_CODE}, {@code CATALOG}, ...), else {@code null}
   * @param text the text with its {@code {{1}}} or {@code {{name}}} placeholders, or {@code null}
   * @param parameterCount how many parameters the part takes (a media header takes one)
   * @param examples the example values the template was approved with, in order
   * @param parameterNames the names of named parameters ({@code {{order_id}}}), else empty
   * @param buttonIndex the button's position (0-based) for {@code BUTTON}, else {@code -1}
   */
  public record Part(
      String type,
      String format,
      String text,
      int parameterCount,
      List<String> examples,
      List<String> parameterNames,
      int buttonIndex) {
    public Part {
      Objects.requireNonNull(type, "type");
      examples = examples == null ? List.of() : List.copyOf(examples);
      parameterNames = parameterNames == null ? List.of() : List.copyOf(parameterNames);
    }
  }

  public TemplateDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(status, "status");
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** Whether the channel lets it be sent now. */
  public boolean approved() {
    return "APPROVED".equals(status);
  }
}
