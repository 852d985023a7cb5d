package io.switchboard.crm.requesttracker;

import io.switchboard.spi.crm.TicketState;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RT's default lifecycle in neutral words, both ways. RT has no "closed": {@code resolved} is its
 * end state (a reply reopens it), so {@link TicketState#CLOSED} is written as {@code resolved} and
 * read back as {@link TicketState#SOLVED}. A merge is no status in RT but a {@code MergedInto} link
 * (see {@link #mergedInto}).
 */
final class RequestTrackerStatuses {
  private static final Pattern TICKET_URI = Pattern.compile("/ticket/([0-9]+)$");

  private RequestTrackerStatuses() {}

  /** The neutral state of an RT status; empty for statuses of a custom lifecycle. */
  static Optional<TicketState> toState(String rtStatus) {
    if (rtStatus == null) {
      return Optional.empty();
    }
    return switch (rtStatus.toLowerCase(Locale.ROOT)) {
      case "new", "open" -> Optional.of(TicketState.OPEN);
      case "stalled" -> Optional.of(TicketState.PENDING);
      case "resolved" -> Optional.of(TicketState.SOLVED);
      case "rejected", "deleted" -> Optional.of(TicketState.DELETED);
      default -> Optional.empty();
    };
  }

  /**
   * The RT status to write for a state.
   *
   * @throws IllegalArgumentException for {@link TicketState#MERGED}, which only a merge makes
   */
  static String toRtStatus(TicketState state) {
    return switch (state) {
      case OPEN -> "open";
      case PENDING -> "stalled";
      case SOLVED, CLOSED -> "resolved";
      case DELETED -> "deleted";
      case MERGED ->
          throw new IllegalArgumentException(
              "a ticket is merged by merging it in RT, not by setting a status");
    };
  }

  /**
   * For an {@code AddLink} transaction of field {@code MergedInto} on a ticket: the surviving
   * ticket's id when this ticket is the one merged away. RT records the merge on both tickets with
   * the same field and the surviving ticket's URI as the new value, so the surviving ticket's own
   * record (whose URI names itself) gives nothing.
   */
  static Optional<String> mergedInto(String ticketId, String field, String linkTarget) {
    if (!"MergedInto".equals(field) || linkTarget == null) {
      return Optional.empty();
    }
    Matcher target = TICKET_URI.matcher(linkTarget.trim());
    if (!target.find() || target.group(1).equals(ticketId)) {
      return Optional.empty();
    }
    return Optional.of(target.group(1));
  }
}
