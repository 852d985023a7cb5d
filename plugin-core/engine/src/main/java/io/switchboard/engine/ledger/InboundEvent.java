package io.switchboard.engine.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of the inbound ledger: one event from a channel webhook (kept as the raw body it came in)
 * or from a CRM (kept in the engine's neutral JSON form).
 */
@Entity
@Table(name = "inbound_event")
public class InboundEvent {
  /** The body is the raw webhook body; the source's plugin parses it again. */
  public static final String RAW = "RAW";

  /** The body is a neutral CRM event written by {@code CrmEventJson}. */
  public static final String NEUTRAL = "NEUTRAL";

  @Id private Long id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String source;

  @Column(name = "dedupe_key")
  private String dedupeKey;

  @Column(name = "ordering_key")
  private String orderingKey;

  private String format;

  /** The account id a channel event names, by which it is routed (and released when parked). */
  @Column(name = "route_key")
  private String routeKey;

  private byte[] body;

  @Enumerated(EnumType.STRING)
  private LedgerStatus status;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "processed_at")
  private Instant processedAt;

  /** When an admin last replayed it: the retry horizon counts from here instead of received_at. */
  @Column(name = "replayed_at")
  private Instant replayedAt;

  protected InboundEvent() {}

  public void done(Instant now) {
    status = LedgerStatus.DONE;
    processedAt = now;
    lastError = null;
  }

  /** Done, deliberately without effect: the note says why (visible in the admin API). */
  public void doneWithNote(String note, Instant now) {
    done(now);
    lastError = Reasons.truncate(note);
  }

  /** Records a failed attempt: retried at {@code retryAt}, or quarantined when it is null. */
  public void failed(String reason, Instant retryAt, Instant now) {
    attempts++;
    lastError = Reasons.truncate(reason);
    if (retryAt == null) {
      status = LedgerStatus.QUARANTINED;
      processedAt = now;
    } else {
      nextAttemptAt = retryAt;
    }
  }

  /** Waits for a channel account to be configured (see {@link LedgerStatus#PARKED}). */
  public void park(String reason, Instant now) {
    status = LedgerStatus.PARKED;
    lastError = Reasons.truncate(reason);
    nextAttemptAt = now;
  }

  /** Back to work after an admin fixed the cause. */
  public void replay(Instant now) {
    status = LedgerStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    replayedAt = now;
    processedAt = null;
  }

  /** An admin gave up on a quarantined row: later rows of its ordering key proceed. */
  void skip(String note, Instant now) {
    status = LedgerStatus.SKIPPED;
    lastError =
        Reasons.truncate(
            "skipped by an admin"
                + (note == null ? "" : ": " + note)
                + (lastError == null ? "" : " (was: " + lastError + ")"));
    processedAt = now;
  }

  /** Where the retry horizon starts: arrival, or the last replay. */
  public Instant retryWindowStart() {
    return replayedAt != null ? replayedAt : receivedAt;
  }

  public Long id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String source() {
    return source;
  }

  public String dedupeKey() {
    return dedupeKey;
  }

  public String orderingKey() {
    return orderingKey;
  }

  public String routeKey() {
    return routeKey;
  }

  public String format() {
    return format;
  }

  public byte[] body() {
    return body;
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

  public Instant receivedAt() {
    return receivedAt;
  }

  public Instant processedAt() {
    return processedAt;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }
}
