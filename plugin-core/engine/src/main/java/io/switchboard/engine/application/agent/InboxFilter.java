package io.switchboard.engine.application.agent;

/**
 * What an agent asks the inbox list for.
 *
 * @param view {@code mine}, {@code unassigned}, {@code team} or {@code all}
 * @param team one of the session's teams, or {@code null} for all of them
 * @param channel a channel account id, or {@code null}
 * @param label a label, or {@code null}
 * @param status {@code open}, {@code closed} or {@code any}
 * @param q text searched in customer name, phone, channel user id, order number and message text
 *     (case-insensitive substring), or {@code null}
 * @param limit at most this many (1 to 200)
 */
public record InboxFilter(
    String view, String team, String channel, String label, String status, String q, int limit) {
  public static final int MAX_LIMIT = 200;

  public InboxFilter {
    view = view == null || view.isBlank() ? "all" : view;
    status = status == null || status.isBlank() ? "open" : status;
    team = blankToNull(team);
    channel = blankToNull(channel);
    label = blankToNull(label);
    q = blankToNull(q);
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
  }

  /** Every open conversation the session sees, 50 at most. */
  public static InboxFilter all() {
    return new InboxFilter(null, null, null, null, null, null, 50);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
