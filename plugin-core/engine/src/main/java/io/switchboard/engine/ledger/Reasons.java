package io.switchboard.engine.ledger;

/** Failure reasons as stored: bounded in length. */
final class Reasons {
  private static final int MAX = 2000;

  private Reasons() {}

  static String truncate(String reason) {
    if (reason == null) {
      return null;
    }
    return reason.length() <= MAX ? reason : reason.substring(0, MAX - 1) + "…";
  }
}
