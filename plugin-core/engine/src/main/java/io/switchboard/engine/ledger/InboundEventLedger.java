package io.switchboard.engine.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The inbound ledger: stores events before they are acknowledged, deduplicated by (source, dedupe
 * key), and hands them to workers in order per ordering key.
 */
@ApplicationScoped
public class InboundEventLedger {
  private static final Logger LOG = Logger.getLogger(InboundEventLedger.class.getName());

  // Null columns are written as literals: PostgreSQL refuses a null bound as VARCHAR for a
  // timestamp column. ON CONFLICT without a target is the form both H2 and PostgreSQL accept.
  private static final String INSERT_PENDING =
      "insert into inbound_event (workspace_id, source, dedupe_key, ordering_key, format, body,"
          + " status, attempts, next_attempt_at, received_at, route_key)"
          + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)"
          + " on conflict do nothing";

  private static final String INSERT_QUARANTINED =
      "insert into inbound_event (workspace_id, source, dedupe_key, format, body, status,"
          + " attempts, next_attempt_at, last_error, received_at, processed_at)"
          + " values (?, ?, ?, 'RAW', ?, 'QUARANTINED', 0, ?, ?, ?, ?)"
          + " on conflict do nothing";

  // A row is processable when no earlier row of the same ordering key is unfinished (waiting, or
  // quarantined until an admin replays or skips it): that keeps each conversation in order while
  // other conversations proceed. SKIP LOCKED lets several workers and instances share the table.
  private static final String FIRST_IN_LINE =
      " and not exists (select 1 from inbound_event p where p.ordering_key = e.ordering_key"
          + " and p.id < e.id and p.status in ('PENDING', 'QUARANTINED'))";

  private static final String LOCK_PROCESSABLE =
      "select e.id from inbound_event e where e.id = ? and e.status = 'PENDING'"
          + " and e.next_attempt_at <= ?"
          + FIRST_IN_LINE
          + " for update skip locked";

  private static final String WAITING =
      "select e.id, e.ordering_key, (select min(q.id) from inbound_event q"
          + " where q.ordering_key = e.ordering_key and q.id < e.id and q.status = 'QUARANTINED')"
          + " from inbound_event e where e.status = 'PENDING' and exists (select 1 from"
          + " inbound_event q where q.ordering_key = e.ordering_key and q.id < e.id"
          + " and q.status = 'QUARANTINED')";

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /** Stores an event that names no account (CRM events). */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean append(
      String workspaceId,
      String source,
      String dedupeKey,
      String orderingKey,
      String format,
      byte[] body) {
    return append(workspaceId, source, dedupeKey, orderingKey, format, body, null);
  }

  /**
   * Stores an event unless the same (source, dedupe key) is already there.
   *
   * @param routeKey the account id the event names (channel events), or {@code null}
   * @return true when stored, false for a duplicate
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean append(
      String workspaceId,
      String source,
      String dedupeKey,
      String orderingKey,
      String format,
      byte[] body,
      String routeKey) {
    Timestamp now = Timestamp.from(clock.instant());
    int inserted =
        em.createNativeQuery(INSERT_PENDING)
            .setParameter(1, workspaceId)
            .setParameter(2, source)
            .setParameter(3, dedupeKey)
            .setParameter(4, orderingKey)
            .setParameter(5, format)
            .setParameter(6, body)
            .setParameter(7, now)
            .setParameter(8, now)
            .setParameter(9, routeKey == null ? "" : routeKey)
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * Stores a body that could not be understood, straight into quarantine with the reason.
   *
   * @return true when stored, false when the same body was already quarantined
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean quarantine(
      String workspaceId, String source, String dedupeKey, byte[] body, String reason) {
    Timestamp now = Timestamp.from(clock.instant());
    int inserted =
        em.createNativeQuery(INSERT_QUARANTINED)
            .setParameter(1, workspaceId)
            .setParameter(2, source)
            .setParameter(3, dedupeKey)
            .setParameter(4, body)
            .setParameter(5, now)
            .setParameter(6, Reasons.truncate(reason))
            .setParameter(7, now)
            .setParameter(8, now)
            .executeUpdate();
    return inserted == 1;
  }

  /**
   * Ids of rows due for processing and first in line for their ordering key, oldest first (not
   * locked: {@link #lock} decides). Rows waiting behind an earlier one are left out, so a customer
   * with a backlog never fills the batch and starves the others.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Long> due(int limit) {
    List<Object> ids =
        em.createNativeQuery(
                "select e.id from inbound_event e where e.status = 'PENDING'"
                    + " and e.next_attempt_at <= ?"
                    + FIRST_IN_LINE
                    + " order by e.id limit ?")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /**
   * Locks a row for processing in the current transaction, if it is due, not locked by another
   * worker, and first in line for its ordering key.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<InboundEvent> lock(long id) {
    List<?> locked =
        em.createNativeQuery(LOCK_PROCESSABLE)
            .setParameter(1, id)
            .setParameter(2, Timestamp.from(clock.instant()))
            .getResultList();
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(InboundEvent.class, id));
  }

  @Transactional
  public Optional<InboundEvent> find(long id) {
    return Optional.ofNullable(em.find(InboundEvent.class, id));
  }

  /** Records a failed attempt in its own transaction (the processing one was rolled back). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordFailure(long id, String reason, Instant retryAt) {
    InboundEvent event = em.find(InboundEvent.class, id);
    if (event != null && event.status() == LedgerStatus.PENDING) {
      event.failed(reason, retryAt, clock.instant());
    }
  }

  /** Rows in quarantine, newest first. */
  @Transactional
  public List<InboundEvent> quarantined(int limit) {
    return em.createQuery(
            "select e from InboundEvent e where e.status = :s order by e.id desc",
            InboundEvent.class)
        .setParameter("s", LedgerStatus.QUARANTINED)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Rows of a source, newest first (for the admin API). */
  @Transactional
  public List<InboundEvent> recent(int limit) {
    return em.createQuery("select e from InboundEvent e order by e.id desc", InboundEvent.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Puts a quarantined row back to work, with zero attempts and a fresh retry horizon. The later
   * rows of its ordering key keep waiting until it is done.
   */
  @Transactional
  public boolean replay(long id) {
    InboundEvent event = em.find(InboundEvent.class, id);
    if (event == null || event.status() != LedgerStatus.QUARANTINED) {
      return false;
    }
    event.replay(clock.instant());
    return true;
  }

  /**
   * Gives up on a quarantined row for good (admin action): it becomes {@code SKIPPED}, it is never
   * processed, and the later rows of its ordering key proceed.
   *
   * @param note why, kept with the row's last error
   * @return false when there is no quarantined row with this id
   */
  @Transactional
  public boolean skip(long id, String note) {
    InboundEvent event = em.find(InboundEvent.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (event == null || event.status() != LedgerStatus.QUARANTINED) {
      return false;
    }
    event.skip(note, clock.instant());
    LOG.warning("inbound event " + id + " skipped by an admin: " + note);
    return true;
  }

  /** Pending rows held back by a quarantined earlier row of their ordering key, oldest first. */
  @Transactional
  public List<WaitingRow> waitingBehindQuarantine(int limit) {
    return waiting(WAITING + " order by e.id", limit);
  }

  /** The quarantined row that {@code id} waits behind, if it does. */
  @Transactional
  public Optional<WaitingRow> waitingBehindQuarantine(long id) {
    return waiting(WAITING + " and e.id = " + id, 1).stream().findFirst();
  }

  @SuppressWarnings("unchecked")
  private List<WaitingRow> waiting(String sql, int limit) {
    List<Object[]> rows = em.createNativeQuery(sql).setMaxResults(limit).getResultList();
    return rows.stream()
        .map(
            r ->
                new WaitingRow(
                    ((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue()))
        .toList();
  }

  /** Counts rows per status, for health and metrics. */
  @Transactional
  public long count(LedgerStatus status) {
    return em.createQuery("select count(e) from InboundEvent e where e.status = :s", Long.class)
        .setParameter("s", status)
        .getSingleResult();
  }

  /**
   * Deletes up to {@code limit} finished ({@code DONE} or {@code SKIPPED}) rows that finished
   * before {@code before}, oldest first. Pending, in-flight and quarantined rows are never deleted.
   *
   * @return how many were deleted
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int prune(Instant before, int limit) {
    return em.createNativeQuery(
            "delete from inbound_event where id in (select id from inbound_event"
                + " where status in ('DONE', 'SKIPPED') and processed_at < ? order by id limit ?)")
        .setParameter(1, Timestamp.from(before))
        .setParameter(2, limit)
        .executeUpdate();
  }
}
