package io.switchboard.engine.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The transactional outbox. Entries are enqueued in the caller's transaction (so an effect exists
 * exactly when the state change that needs it was committed), claimed with a lease by the
 * dispatcher in order per ordering key, and completed, retried or quarantined.
 */
@ApplicationScoped
public class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private static final String INSERT =
      "insert into outbox (workspace_id, target, action, ordering_key, idempotency_key,"
          + " subject_id, status, attempts, next_attempt_at, created_at)"
          + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
          + " on conflict do nothing";

  // An earlier row of the same ordering key that is not finished holds the later ones back. A
  // quarantined row is not finished: it blocks until an admin replays or skips it, so an outage or
  // a
  // refusal never lets a later effect overtake an earlier one.
  static final String BLOCKING = "('PENDING', 'IN_FLIGHT', 'QUARANTINED')";

  private static final String DUE =
      "((o.status = 'PENDING' and o.next_attempt_at <= ?)"
          + " or (o.status = 'IN_FLIGHT' and o.lease_until < ?))"
          + " and not exists (select 1 from outbox p where p.ordering_key = o.ordering_key"
          + " and p.id < o.id and p.status in "
          + BLOCKING
          + ")";

  // Due rows whose ordering key has no earlier unfinished row; expired leases are due again (the
  // instance that held them died). SKIP LOCKED lets instances share the work.
  private static final String CLAIM =
      "select o.id from outbox o where o.target = ? and "
          + Outbox.DUE
          + " order by o.id limit ? for update skip locked";

  private static final String UNBLOCKED =
      " and not exists (select 1 from outbox p where p.ordering_key = o.ordering_key"
          + " and p.id < o.id and p.status in "
          + BLOCKING
          + ")";

  // Targets that have work to claim now: one lane each. The same rows as DUE, as two queries
  // that each can use the index (status, next_attempt_at) instead of one OR that scans the table
  // with every finished row (a profile of bench/governor.sh found the scan on 17% of the CPU).
  private static final String DUE_TARGETS =
      "select o.target from outbox o where o.status = 'PENDING' and o.next_attempt_at <= ?"
          + UNBLOCKED
          + " union select o.target from outbox o where o.status = 'IN_FLIGHT'"
          + " and o.lease_until < ?"
          + UNBLOCKED;

  private static final String RENEW =
      "update outbox set lease_until = ? where id = ? and lease_token = ? and status = 'IN_FLIGHT'";

  private static final String WAITING =
      "select o.id, o.ordering_key, (select min(q.id) from outbox q"
          + " where q.ordering_key = o.ordering_key and q.id < o.id and q.status = 'QUARANTINED')"
          + " from outbox o where o.status = 'PENDING' and exists (select 1 from outbox q"
          + " where q.ordering_key = o.ordering_key and q.id < o.id and q.status = 'QUARANTINED')";

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Adds an effect unless one with the same target and idempotency key exists.
   *
   * @return whether it was added
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean enqueue(
      String workspaceId,
      String target,
      String action,
      String orderingKey,
      String idempotencyKey,
      String subjectId) {
    Timestamp now = Timestamp.from(clock.instant());
    return em.createNativeQuery(INSERT)
            .setParameter(1, workspaceId)
            .setParameter(2, target)
            .setParameter(3, action)
            .setParameter(4, orderingKey)
            .setParameter(5, idempotencyKey)
            .setParameter(6, subjectId)
            .setParameter(7, now)
            .setParameter(8, now)
            .executeUpdate()
        == 1;
  }

  /** The targets ({@code crm:<id>}, {@code channel:<id>}) that have entries to claim now. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> dueTargets() {
    Timestamp ts = Timestamp.from(clock.instant());
    return em.createNativeQuery(DUE_TARGETS)
        .setParameter(1, ts)
        .setParameter(2, ts)
        .getResultList();
  }

  /**
   * Claims up to {@code limit} due entries of one target for {@code lease}, in their own
   * transaction (each target is a lane of its own, so a slow CRM never holds up a channel). Each
   * claim writes a fresh lease token: the holder passes it to {@link #renew}, {@link #complete} and
   * {@link #fail}, and whoever held an earlier lease of the same entry is refused.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @SuppressWarnings("unchecked")
  public List<OutboxEntry> claim(String target, int limit, Duration lease, String owner) {
    Instant now = clock.instant();
    Timestamp ts = Timestamp.from(now);
    List<Object> ids =
        em.createNativeQuery(CLAIM)
            .setParameter(1, target)
            .setParameter(2, ts)
            .setParameter(3, ts)
            .setParameter(4, limit)
            .getResultList();
    List<OutboxEntry> claimed = new ArrayList<>();
    for (Object id : ids) {
      OutboxEntry entry = em.find(OutboxEntry.class, ((Number) id).longValue());
      entry.lease(now.plus(lease), UUID.randomUUID().toString(), owner);
      claimed.add(entry);
    }
    return claimed;
  }

  /**
   * Extends the leases still held by these tokens to now + {@code lease} (the heartbeat of the
   * effects being performed).
   *
   * @param held entry id to lease token
   * @return the ids whose lease was lost (taken over after it expired, or the entry was finished)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Set<Long> renew(Map<Long, String> held, Duration lease) {
    Timestamp until = Timestamp.from(clock.instant().plus(lease));
    Set<Long> lost = new HashSet<>();
    held.forEach(
        (id, token) -> {
          int renewed =
              em.createNativeQuery(RENEW)
                  .setParameter(1, until)
                  .setParameter(2, id)
                  .setParameter(3, token)
                  .executeUpdate();
          if (renewed == 0) {
            lost.add(id);
          }
        });
    return lost;
  }

  /**
   * Records the effect as done, if {@code token} still holds the lease.
   *
   * @return false when the lease was lost: another holder owns the entry now, and this result is
   *     not recorded
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean complete(long id, String token, String outcome) {
    OutboxEntry entry = held(id, token, "completion");
    if (entry == null) {
      return false;
    }
    entry.done(outcome, clock.instant());
    return true;
  }

  /**
   * Records a failed attempt, if {@code token} still holds the lease: retried at {@code retryAt},
   * quarantined when it is null.
   *
   * @return false when the lease was lost (nothing recorded)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean fail(long id, String token, String reason, Instant retryAt) {
    OutboxEntry entry = held(id, token, "failure");
    if (entry == null) {
      return false;
    }
    entry.failed(reason, retryAt, clock.instant());
    return true;
  }

  /**
   * Records that the effect must wait, if {@code token} still holds the lease: pending again at
   * {@code until}, without counting an attempt (see {@link DeferredException}).
   *
   * @return false when the lease was lost (nothing recorded)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean defer(long id, String token, Instant until, String reason) {
    OutboxEntry entry = held(id, token, "deferral");
    if (entry == null) {
      return false;
    }
    entry.deferred(until, reason, clock.instant());
    return true;
  }

  /**
   * Makes the deferred entries of one target due now (its account was reconfigured, e.g. with a new
   * token): they go out in their order instead of at their next check.
   *
   * @return how many entries were made due
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resumeDeferred(String target) {
    Timestamp now = Timestamp.from(clock.instant());
    return em.createNativeQuery(
            "update outbox set next_attempt_at = ? where target = ? and status = 'PENDING'"
                + " and defer_reason is not null and next_attempt_at > ?")
        .setParameter(1, now)
        .setParameter(2, target)
        .setParameter(3, now)
        .executeUpdate();
  }

  /** How many entries of one target wait deferred now. */
  @Transactional
  public long deferredCount(String target) {
    Timestamp now = Timestamp.from(clock.instant());
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from outbox where target = ? and status = 'PENDING'"
                        + " and defer_reason is not null and next_attempt_at > ?")
                .setParameter(1, target)
                .setParameter(2, now)
                .getSingleResult())
        .longValue();
  }

  // The row lock orders this against a concurrent claim (which skips locked rows), so the token
  // check and the write are one step.
  private OutboxEntry held(long id, String token, String what) {
    OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || !entry.heldBy(token)) {
      LOG.warning(
          "outbox "
              + id
              + ": "
              + what
              + " refused, the lease it was performed under is no longer held"
              + (entry == null ? "" : " (now " + entry.status() + ", " + entry.leaseOwner() + ")"));
      return null;
    }
    return entry;
  }

  @Transactional
  public List<OutboxEntry> quarantined(int limit) {
    return em.createQuery(
            "select o from OutboxEntry o where o.status = :s order by o.id desc", OutboxEntry.class)
        .setParameter("s", LedgerStatus.QUARANTINED)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional
  public List<OutboxEntry> recent(int limit) {
    return em.createQuery("select o from OutboxEntry o order by o.id desc", OutboxEntry.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The entries of one action for one subject (e.g. a message's sends), oldest first. */
  @Transactional
  public List<OutboxEntry> ofSubject(String action, String subjectId) {
    return em.createQuery(
            "select o from OutboxEntry o where o.action = :a and o.subjectId = :s order by o.id",
            OutboxEntry.class)
        .setParameter("a", action)
        .setParameter("s", subjectId)
        .getResultList();
  }

  @Transactional
  public Optional<OutboxEntry> find(long id) {
    return Optional.ofNullable(em.find(OutboxEntry.class, id));
  }

  /**
   * Puts a quarantined entry back to work, with zero attempts and a fresh retry horizon. The later
   * entries of its ordering key keep waiting until it is done.
   */
  @Transactional
  public boolean replay(long id) {
    OutboxEntry entry = em.find(OutboxEntry.class, id);
    if (entry == null || entry.status() != LedgerStatus.QUARANTINED) {
      return false;
    }
    entry.replay(clock.instant());
    return true;
  }

  /**
   * Gives up on a quarantined entry for good (admin action): it becomes {@code SKIPPED}, its effect
   * never happens, and the later entries of its ordering key proceed. Call it only after deciding
   * that the conversation may go on without this effect.
   *
   * @param note why, kept in the entry's result
   * @return false when there is no quarantined entry with this id
   */
  @Transactional
  public boolean skip(long id, String note) {
    OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || entry.status() != LedgerStatus.QUARANTINED) {
      return false;
    }
    entry.skip("skipped by an admin" + (note == null ? "" : ": " + note), clock.instant());
    LOG.warning("outbox " + id + " " + entry.action() + " skipped by an admin: " + note);
    return true;
  }

  /**
   * Sets a quarantined entry aside without an admin: its failure concerned only its own subject (a
   * reply the channel refused for what it is), so the entries behind it go on.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean setAside(long id, String note) {
    OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || entry.status() != LedgerStatus.QUARANTINED) {
      return false;
    }
    entry.skip(note, clock.instant());
    return true;
  }

  /**
   * Pending entries held back by a quarantined earlier entry of their ordering key, oldest first.
   */
  @Transactional
  public List<WaitingRow> waitingBehindQuarantine(int limit) {
    return waiting(WAITING + " order by o.id", limit);
  }

  /** The quarantined entry that {@code id} waits behind, if it does. */
  @Transactional
  public Optional<WaitingRow> waitingBehindQuarantine(long id) {
    return waiting(WAITING + " and o.id = " + id, 1).stream().findFirst();
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

  /**
   * Deletes up to {@code limit} finished ({@code DONE} or {@code SKIPPED}) entries that finished
   * before {@code before}, oldest first. Pending, in-flight and quarantined entries are never
   * deleted.
   *
   * @return how many were deleted
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int prune(Instant before, int limit) {
    return em.createNativeQuery(
            "delete from outbox where id in (select id from outbox"
                + " where status in ('DONE', 'SKIPPED') and done_at < ? order by id limit ?)")
        .setParameter(1, Timestamp.from(before))
        .setParameter(2, limit)
        .executeUpdate();
  }
}
