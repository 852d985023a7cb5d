package io.switchboard.spi.content;

import java.util.Objects;

/**
 * Something the channel itself reports about the customer, e.g. that they changed their number.
 *
 * <pre>{@code
 * new SystemNotice(SystemNotice.Kind.USER_ID_CHANGED, "User A changed to B", "US.123", "US.456")
 * }</pre>
 *
 * @param kind what happened
 * @param text the channel's own words
 * @param previousId the id before the change, or {@code null}
 * @param newId the id after the change, or {@code null}
 */
public record SystemNotice(Kind kind, String text, String previousId, String newId)
    implements InboundContent {

  /** What happened. */
  public enum Kind {
    /** The customer moved to a new phone number (and a new phone-based id). */
    NUMBER_CHANGED,
    /** The channel gave the same person a new user id. */
    USER_ID_CHANGED,
    OTHER
  }

  public SystemNotice {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String type() {
    return "system";
  }

  @Override
  public String summary() {
    return text != null ? text : kind.name().toLowerCase().replace('_', ' ');
  }
}
