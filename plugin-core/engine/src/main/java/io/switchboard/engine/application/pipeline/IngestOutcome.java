package io.switchboard.engine.application.pipeline;

/**
 * What happened to a webhook delivery.
 *
 * @param result the overall result, which decides the HTTP answer
 * @param stored events newly stored in the ledger
 * @param duplicates events that were already there (acknowledged, no second effect)
 * @param reason why a delivery was refused or quarantined, else {@code null}
 */
public record IngestOutcome(Result result, int stored, int duplicates, String reason) {

  /** Overall result of one delivery. */
  public enum Result {
    /** Stored (or all duplicates): answer 200. */
    ACCEPTED,
    /** Authentic but not understandable: kept in quarantine, answer 200 so it is not resent. */
    QUARANTINED,
    /** Signature missing or wrong: nothing stored, answer 401. */
    UNAUTHENTIC,
    /** No such channel account or CRM connection: answer 404. */
    UNKNOWN_SOURCE
  }

  static IngestOutcome refused(Result result, String reason) {
    return new IngestOutcome(result, 0, 0, reason);
  }
}
