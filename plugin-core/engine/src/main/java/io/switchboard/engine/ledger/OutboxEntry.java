package io.switchboard.engine.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A side effect on a CRM or a channel, written in the same transaction as the state change that
 * needs it and performed later by the dispatcher.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {
  @Id private Long id;

  @Column(name = "workspace_id")
  private String workspaceId;

  /** {@code crm:<connection id>} or {@code channel:<channel id>}. */
  private String target;

  private String action;

  @Column(name = "ordering_key")
  private String orderingKey;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  /** The id of the row the effect is about (a message id). */
  @Column(name = "subject_id")
  private String subjectId;

  @Enumerated(EnumType.STRING)
  private LedgerStatus status;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  /** Written at each claim; only its holder may complete or fail the entry (fencing). */
  @Column(name = "lease_token")
  private String leaseToken;

  /** Which instance holds the lease, for operators. */
  @Column(name = "lease_owner")
  private String leaseOwner;

  @Column(name = "last_error")
  private String lastError;

  private String result;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "done_at")
  private Instant doneAt;

  /** When an admin last replayed it: the retry horizon counts from here instead of created_at. */
  @Column(name = "replayed_at")
  private Instant replayedAt;

  /** How often it was deferred (waited without failing: rate, pair limit, a paused account). */
  private int deferrals;

  /** When it was last deferred: the retry horizon counts from here, too. */
  @Column(name = "deferred_at")
  private Instant deferredAt;

  /** Why it was last deferred. */
  @Column(name = "defer_reason")
  private String deferReason;

  protected OutboxEntry() {}

  void lease(Instant until, String token, String owner) {
    status = LedgerStatus.IN_FLIGHT;
    leaseUntil = until;
    leaseToken = token;
    leaseOwner = owner;
  }

  /** Whether the lease identified by {@code token} is still the entry's current one. */
  boolean heldBy(String token) {
    return status == LedgerStatus.IN_FLIGHT && token != null && token.equals(leaseToken);
  }

  private void release() {
    leaseUntil = null;
    leaseToken = null;
    leaseOwner = null;
  }

  void done(String outcome, Instant now) {
    status = LedgerStatus.DONE;
    // result is varchar(255): a long outcome (a sync listing its fields) keeps its start.
    result = outcome == null || outcome.length() <= 255 ? outcome : outcome.substring(0, 254) + "…";
    doneAt = now;
    release();
    lastError = null;
  }

  void failed(String reason, Instant retryAt, Instant now) {
    attempts++;
    deferReason = null; // it waits for a failure now, not for the governor
    lastError = Reasons.truncate(reason);
    release();
    if (retryAt == null) {
      status = LedgerStatus.QUARANTINED;
      doneAt = now;
    } else {
      status = LedgerStatus.PENDING;
      nextAttemptAt = retryAt;
    }
  }

  void deferred(Instant until, String reason, Instant now) {
    deferrals++;
    // defer_reason is varchar(255)
    deferReason =
        reason == null || reason.length() <= 255 ? reason : reason.substring(0, 254) + "…";
    deferredAt = now;
    release();
    status = LedgerStatus.PENDING;
    nextAttemptAt = until;
  }

  void replay(Instant now) {
    status = LedgerStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    replayedAt = now;
    doneAt = null;
  }

  void skip(String note, Instant now) {
    status = LedgerStatus.SKIPPED;
    // result is varchar(255): a long refusal reason must not make setting the entry aside fail
    result = note == null || note.length() <= 255 ? note : note.substring(0, 254) + "…";
    doneAt = now;
  }

  /**
   * Where the retry horizon starts: creation, the last replay or the last deferral (time spent
   * deferred never brings an entry closer to quarantine).
   */
  public Instant retryWindowStart() {
    Instant start = replayedAt != null ? replayedAt : createdAt;
    return deferredAt != null && deferredAt.isAfter(start) ? deferredAt : start;
  }

  /** How often it was deferred. */
  public int deferrals() {
    return deferrals;
  }

  /** Why it was last deferred, or {@code null}. */
  public String deferReason() {
    return deferReason;
  }

  public Long id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String target() {
    return target;
  }

  public String action() {
    return action;
  }

  public String orderingKey() {
    return orderingKey;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String subjectId() {
    return subjectId;
  }

  public LedgerStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public String result() {
    return result;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant doneAt() {
    return doneAt;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }

  /** The token of the current lease; callers pass it back to complete, fail or renew. */
  public String leaseToken() {
    return leaseToken;
  }

  public String leaseOwner() {
    return leaseOwner;
  }
}
