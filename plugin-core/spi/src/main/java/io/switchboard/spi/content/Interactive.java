package io.switchboard.spi.content;

import java.util.List;
import java.util.Objects;

/**
 * A message with reply buttons or a list to pick from.
 *
 * <pre>{@code
 * Interactive.buttons("Is this your address?", List.of(new Interactive.Option("yes", "Yes", null),
 *     new Interactive.Option("no", "No", null)))
 * }</pre>
 *
 * @param style buttons or a list
 * @param header a header line, or {@code null}
 * @param body the text, never {@code null}
 * @param footer a footer line, or {@code null}
 * @param listButton the label of the button that opens a list, or {@code null} for buttons
 * @param sections the options: one unnamed section for buttons, one or more for lists
 */
public record Interactive(
    Style style,
    String header,
    String body,
    String footer,
    String listButton,
    List<Section> sections)
    implements OutboundContent {

  /** Buttons or a list. */
  public enum Style {
    BUTTONS,
    LIST
  }

  /** A choice. @param id returned in the customer's {@link InteractiveReply#id()} */
  public record Option(String id, String title, String description) {
    public Option {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }

  /** A group of options; the title may be {@code null} for buttons. */
  public record Section(String title, List<Option> options) {
    public Section {
      options = List.copyOf(options);
    }
  }

  public Interactive {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(body, "body");
    sections = List.copyOf(sections);
  }

  /** Reply buttons. */
  public static Interactive buttons(String body, List<Option> options) {
    return new Interactive(
        Style.BUTTONS, null, body, null, null, List.of(new Section(null, options)));
  }

  /** All options of all sections. */
  public List<Option> options() {
    return sections.stream().flatMap(s -> s.options().stream()).toList();
  }

  @Override
  public String type() {
    return "interactive";
  }
}
