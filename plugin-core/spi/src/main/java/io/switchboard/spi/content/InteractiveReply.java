package io.switchboard.spi.content;

import java.util.Objects;

/**
 * The customer tapped a button or picked a list row (of an interactive message or a template's
 * quick-reply button), or submitted a flow.
 *
 * <pre>{@code
 * new InteractiveReply(InteractiveReply.Kind.BUTTON, "track-order", "Track my order", null, null)
 * }</pre>
 *
 * @param kind what was answered
 * @param id the id we gave the button or row (the payload for template buttons), or {@code null}
 * @param title the text the customer saw
 * @param description a list row's description, or {@code null}
 * @param responseJson a flow's submitted data as JSON, or {@code null}
 */
public record InteractiveReply(
    Kind kind, String id, String title, String description, String responseJson)
    implements InboundContent {

  /** What was answered. */
  public enum Kind {
    BUTTON,
    LIST,
    TEMPLATE_BUTTON,
    FLOW
  }

  public InteractiveReply {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String type() {
    return "interactive";
  }

  @Override
  public String summary() {
    String shown = title == null ? "Interactive reply (" + kind.name().toLowerCase() + ")" : title;
    return description == null ? shown : shown + ": " + description;
  }
}
