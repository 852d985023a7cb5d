package io.switchboard.sandbox.whatsapp;

/**
 * The outcome of delivering one webhook to the bridge, after all attempts.
 *
 * @param accepted whether the bridge answered 200
 * @param httpStatus the bridge's last HTTP status, or null if it never answered
 * @param attempts how many POSTs were made
 * @param error why the last attempt failed, or null if it was accepted
 */
public record WebhookDelivery(boolean accepted, Integer httpStatus, int attempts, String error) {

  /** A one-line account for people, e.g. {@code bridge answered 200 (attempt 1 of 4)}. */
  public String describe(int maxAttempts) {
    if (accepted) {
      return "bridge answered 200 (attempt " + attempts + " of " + maxAttempts + ")";
    }
    return "bridge did not accept the webhook after "
        + attempts
        + (attempts == 1 ? " attempt: " : " attempts: ")
        + error;
  }
}
