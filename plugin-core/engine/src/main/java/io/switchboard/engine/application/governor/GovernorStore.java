package io.switchboard.engine.application.governor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The governor's shared state, one short transaction per call, each holding the row lock of the one
 * account or pair it changes (instances queue on it, so every slot and every pair reservation is
 * handed out once across all instances). Tables {@code send_governor} and {@code send_pair}
 * (changeset {@code 27-send-governor}); times in epoch microseconds.
 */
@ApplicationScoped
public class GovernorStore {
  private static final String ENSURE_ACCOUNT =
      "insert into send_governor (channel_id, next_slot_us) values (?, 0) on conflict do nothing";
  private static final String LOCK_ACCOUNT =
      "select next_slot_us, pause_cause, paused_until_us, paused_at_us, pause_reason"
          + " from send_governor where channel_id = ? for update";
  private static final String ENSURE_PAIR =
      "insert into send_pair (channel_id, recipient, next_at_us) values (?, ?, 0)"
          + " on conflict do nothing";
  private static final String LOCK_PAIR =
      "select next_at_us from send_pair where channel_id = ? and recipient = ? for update";
  private static final String SET_PAIR =
      "update send_pair set next_at_us = ? where channel_id = ? and recipient = ?";

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  /**
   * Leases {@code count} consecutive send slots of one account, {@code intervalUs} apart, starting
   * at the account's next free slot or now, whichever is later (a GCRA without burst: slots are
   * never handed out twice and never closer than the interval). Nothing is reserved when the
   * account is paused, or when its next free slot is more than {@code maxLeadUs} ahead (other
   * instances hold the near ones).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Lease lease(String channelId, long intervalUs, int count, long nowUs, long maxLeadUs) {
    Object[] row = lockAccount(channelId);
    Optional<AccountPause> pause = pauseOf(row, nowUs);
    if (pause.isPresent()) {
      return Lease.paused(pause.get());
    }
    long start = Math.max(number(row[0]), nowUs);
    if (start - nowUs > maxLeadUs) {
      return Lease.notBefore(start - maxLeadUs);
    }
    em.createNativeQuery("update send_governor set next_slot_us = ? where channel_id = ?")
        .setParameter(1, start + count * intervalUs)
        .setParameter(2, channelId)
        .executeUpdate();
    return Lease.slots(start, intervalUs, count);
  }

  /**
   * The pair limit as a GCRA per account and customer: admitted when the pair's theoretical arrival
   * time minus the burst tolerance is not after now; the reservation moves it one interval on.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public PairAnswer reservePair(
      String channelId, String recipient, long intervalUs, long toleranceUs, long nowUs) {
    em.createNativeQuery(ENSURE_PAIR)
        .setParameter(1, channelId)
        .setParameter(2, recipient)
        .executeUpdate();
    long tat =
        number(
            em.createNativeQuery(LOCK_PAIR)
                .setParameter(1, channelId)
                .setParameter(2, recipient)
                .getSingleResult());
    if (tat - toleranceUs > nowUs) {
      return new PairAnswer(false, tat, tat - toleranceUs);
    }
    long reserved = Math.max(tat, nowUs) + intervalUs;
    setPair(channelId, recipient, reserved);
    return new PairAnswer(true, tat, reserved);
  }

  /**
   * Gives a reservation back (the send did not happen: the account was paused), unless the pair
   * moved on since.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void releasePair(String channelId, String recipient, long reservedUs, long previousUs) {
    em.createNativeQuery(SET_PAIR + " and next_at_us = ?")
        .setParameter(1, previousUs)
        .setParameter(2, channelId)
        .setParameter(3, recipient)
        .setParameter(4, reservedUs)
        .executeUpdate();
  }

  /** Holds every send to one customer until {@code untilUs} at least (Meta said 131056). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void holdPair(String channelId, String recipient, long untilUs) {
    em.createNativeQuery(ENSURE_PAIR)
        .setParameter(1, channelId)
        .setParameter(2, recipient)
        .executeUpdate();
    long tat =
        number(
            em.createNativeQuery(LOCK_PAIR)
                .setParameter(1, channelId)
                .setParameter(2, recipient)
                .getSingleResult());
    if (untilUs > tat) {
      setPair(channelId, recipient, untilUs);
    }
  }

  /**
   * Pauses an account: a token pause replaces any other and lasts until {@link #clearTokenPause}; a
   * timed pause only ever lengthens the current one.
   *
   * @param untilUs when it ends, or {@code null} (cause {@link AccountPause#TOKEN})
   * @param code the channel's error code, kept as the last throttling seen
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void pause(
      String channelId, String cause, Long untilUs, String reason, String code, long nowUs) {
    Object[] row = lockAccount(channelId);
    Optional<AccountPause> current = pauseOf(row, nowUs);
    boolean replace =
        current.isEmpty()
            || AccountPause.TOKEN.equals(cause)
            || (current.get().until() != null && untilUs != null && untilUs > number(row[2]));
    if (replace) {
      // A token pause has no end: the column is set to null in the SQL itself, because a null
      // bound parameter has no type and PostgreSQL refuses it as a bigint (H2 does not mind).
      var update =
          em.createNativeQuery(
              "update send_governor set pause_cause = ?, paused_until_us = "
                  + (untilUs == null ? "null" : "?")
                  + ", paused_at_us = ?, pause_reason = ? where channel_id = ?");
      int i = 1;
      update.setParameter(i++, cause);
      if (untilUs != null) {
        update.setParameter(i++, untilUs);
      }
      update
          .setParameter(i++, nowUs)
          .setParameter(i++, truncate(reason, 500))
          .setParameter(i, channelId)
          .executeUpdate();
    }
    em.createNativeQuery(
            "update send_governor set last_throttle_code = ?, last_throttle_at_us = ?"
                + " where channel_id = ?")
        .setParameter(1, truncate(code, 32))
        .setParameter(2, nowUs)
        .setParameter(3, channelId)
        .executeUpdate();
  }

  /**
   * Ends a token pause (the account's configuration was replaced).
   *
   * @return whether the account was paused for its token
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean clearTokenPause(String channelId) {
    return em.createNativeQuery(
                "update send_governor set pause_cause = null, paused_until_us = null,"
                    + " pause_reason = null where channel_id = ? and pause_cause = ?")
            .setParameter(1, channelId)
            .setParameter(2, AccountPause.TOKEN)
            .executeUpdate()
        == 1;
  }

  /** The pause holding the account's sends at {@code nowUs}, if any. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<AccountPause> pause(String channelId, long nowUs) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select next_slot_us, pause_cause, paused_until_us, paused_at_us, pause_reason"
                    + " from send_governor where channel_id = ?")
            .setParameter(1, channelId)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : pauseOf(rows.get(0), nowUs);
  }

  /** The last throttling code the channel answered for this account, and when; or empty. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<Throttle> lastThrottle(String channelId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select last_throttle_code, last_throttle_at_us from send_governor"
                    + " where channel_id = ? and last_throttle_code is not null")
            .setParameter(1, channelId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Throttle((String) r[0], Micros.instant(number(r[1]))));
  }

  private Object[] lockAccount(String channelId) {
    em.createNativeQuery(ENSURE_ACCOUNT).setParameter(1, channelId).executeUpdate();
    return (Object[])
        em.createNativeQuery(LOCK_ACCOUNT).setParameter(1, channelId).getSingleResult();
  }

  private void setPair(String channelId, String recipient, long tat) {
    em.createNativeQuery(SET_PAIR)
        .setParameter(1, tat)
        .setParameter(2, channelId)
        .setParameter(3, recipient)
        .executeUpdate();
  }

  // row: next_slot_us, pause_cause, paused_until_us, paused_at_us, pause_reason
  private static Optional<AccountPause> pauseOf(Object[] row, long nowUs) {
    String cause = (String) row[1];
    if (cause == null) {
      return Optional.empty();
    }
    AccountPause pause =
        new AccountPause(
            cause,
            row[2] == null ? null : Micros.instant(number(row[2])),
            row[3] == null ? null : Micros.instant(number(row[3])),
            (String) row[4]);
    return pause.holdsAt(Micros.instant(nowUs)) ? Optional.of(pause) : Optional.empty();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** What a lease gave: slots, or why none. Exactly one of the three is set. */
  public record Lease(Slots slots, AccountPause pause, Long notBeforeUs) {
    static Lease slots(long firstUs, long intervalUs, int count) {
      return new Lease(new Slots(firstUs, intervalUs, count), null, null);
    }

    static Lease paused(AccountPause pause) {
      return new Lease(null, pause, null);
    }

    static Lease notBefore(long us) {
      return new Lease(null, null, us);
    }
  }

  /** {@code count} send slots: {@code firstUs}, {@code firstUs + intervalUs}, ... */
  public record Slots(long firstUs, long intervalUs, int count) {}

  /**
   * A pair reservation: admitted (then {@code reservedUs} is the pair's new arrival time and {@code
   * previousUs} the one before), or refused until {@code reservedUs}.
   */
  public record PairAnswer(boolean admitted, long previousUs, long reservedUs) {}

  /** The last throttling code of an account. */
  public record Throttle(String code, java.time.Instant at) {}
}
