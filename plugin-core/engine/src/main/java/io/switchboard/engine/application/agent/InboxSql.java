package io.switchboard.engine.application.agent;

import io.switchboard.engine.domain.Message;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inbox list's SQL, one text for PostgreSQL and H2 (MODE=PostgreSQL): the conditions the
 * session and the filter put on conversations, and the waiting time.
 *
 * <p>{@code waitingSince} is the time of the customer's oldest message after the business's last
 * one (a failed send does not count as having answered); null when the business spoke last. It is
 * computed in the database with two index lookups per conversation ({@code
 * message_conversation_direction}), so sorting 10,000 conversations by it needs no message scan.
 */
final class InboxSql {
  static final String WAITING =
      "(select min(i.created_at) from message i where i.conversation_id = c.id"
          + " and i.direction = '"
          + Message.IN
          + "' and i.created_at > coalesce((select max(o.created_at) from message o"
          + " where o.conversation_id = c.id and o.direction = '"
          + Message.OUT
          + "' and o.status <> 'FAILED'), timestamp '1970-01-01 00:00:00'))";

  private final StringBuilder where = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  private InboxSql() {}

  /**
   * The conditions of the session (CRM connection, teams) and the filter except its view.
   *
   * @return null when the session can see nothing (no teams, or a team that is not its own)
   */
  static InboxSql of(AgentSession session, InboxFilter filter) {
    List<String> teams =
        filter.team() == null
            ? session.teams()
            : session.teams().contains(filter.team()) ? List.of(filter.team()) : List.of();
    if (teams.isEmpty()) {
      return null;
    }
    InboxSql sql = new InboxSql();
    sql.and("c.crm_connection_id = ?", session.crm());
    sql.where.append(" and c.assigned_group in (");
    for (int i = 0; i < teams.size(); i++) {
      sql.where.append(i == 0 ? "" : ", ").append('?').append(sql.next());
      sql.parameters.add(teams.get(i));
    }
    sql.where.append(')');
    switch (filter.status().toLowerCase(Locale.ROOT)) {
      case "closed" -> sql.and("c.status = ?", "CLOSED");
      case "any" -> {}
      default -> sql.and("c.status = ?", "OPEN");
    }
    if (filter.channel() != null) {
      sql.and("c.channel_id = ?", filter.channel());
    }
    if (filter.label() != null) {
      sql.and(
          "(',' || coalesce(c.labels, '') || ',') like ? escape '\\'",
          "%," + escaped(filter.label()) + ",%");
    }
    if (filter.q() != null) {
      String like = "%" + escaped(filter.q().toLowerCase(Locale.ROOT)) + "%";
      int p = sql.next();
      sql.parameters.add(like);
      String q = "?" + p;
      sql.where
          .append(" and (lower(cu.display_name) like ")
          .append(q)
          .append(" escape '\\' or cu.phone_e164 like ")
          .append(q)
          .append(" escape '\\' or lower(c.channel_user_id) like ")
          .append(q)
          .append(" escape '\\' or exists (select 1 from customer_order co where co.customer_id")
          .append(" = c.customer_id and lower(co.order_number) like ")
          .append(q)
          .append(" escape '\\') or exists (select 1 from message mq where mq.conversation_id")
          .append(" = c.id and lower(mq.body) like ")
          .append(q)
          .append(" escape '\\'))");
    }
    return sql;
  }

  /** The view's condition ({@code mine}, {@code unassigned}, {@code team}/{@code all}: none). */
  InboxSql view(String view, String login) {
    switch (view.toLowerCase(Locale.ROOT)) {
      case "mine" -> and("c.assignee = ?", login);
      case "unassigned" -> where.append(" and c.assignee is null");
      default -> {}
    }
    return this;
  }

  /** Ids and waiting times, waiting ones first (longest first), then by last activity. */
  String page() {
    return "select x.id, x.waiting from (select c.id as id, c.updated_at as updated_at, "
        + WAITING
        + " as waiting from conversation c left join customer cu on cu.id = c.customer_id"
        + " where 1 = 1"
        + where
        + ") x order by case when x.waiting is null then 1 else 0 end, x.waiting asc,"
        + " x.updated_at desc, x.id";
  }

  /** Mine, unassigned and all, under the same conditions. */
  String counts(String login) {
    int p = next();
    parameters.add(login);
    return "select coalesce(sum(case when c.assignee = ?"
        + p
        + " then 1 else 0 end), 0), coalesce(sum(case when c.assignee is null then 1 else 0"
        + " end), 0), count(*) from conversation c left join customer cu on cu.id ="
        + " c.customer_id where 1 = 1"
        + where;
  }

  List<Object> parameters() {
    return parameters;
  }

  private void and(String condition, Object value) {
    where.append(" and ").append(condition.replace("?", "?" + next()));
    parameters.add(value);
  }

  private int next() {
    return parameters.size() + 1;
  }

  static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A timestamp column's value as the JDBC driver gave it. */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return Timestamp.valueOf(l).toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass());
  }
}
