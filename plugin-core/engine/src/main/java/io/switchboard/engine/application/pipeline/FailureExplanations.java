package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.FailureReason;

/**
 * Plain words for agents about why a reply did not reach the customer, from the neutral reason
 * alone (the channel's own code and text are shown beside them).
 */
public final class FailureExplanations {
  private FailureExplanations() {}

  public static String of(FailureReason reason) {
    return switch (reason) {
      case WINDOW_CLOSED ->
          "The customer last wrote too long ago: the channel only lets an approved template through"
              + " until they write again.";
      case TEMPLATE_REQUIRED -> "This message can only be sent as an approved template.";
      case TEMPLATE_PROBLEM ->
          "The template was refused: it does not exist, is not approved, or its parameters do not"
              + " fit.";
      case UNSUPPORTED_CONTENT -> "The channel cannot send this kind of message.";
      case TOO_LARGE -> "The message or its file is over the channel's size limit.";
      case INVALID_CONTENT -> "The message was refused as malformed or empty.";
      case RATE_LIMITED ->
          "Too many messages were sent (to this customer or from this number); try again later.";
      case RECIPIENT_RATE_LIMITED ->
          "Too many messages were sent to this customer in a short time; the next ones wait a few"
              + " seconds.";
      case AUTH_FAILED ->
          "The channel refused our credentials (token expired or permission missing): an admin must"
              + " update the channel account.";
      case RECIPIENT_UNREACHABLE ->
          "The customer cannot be reached on this channel (number not on it, or they blocked us).";
      case ACCOUNT_PROBLEM -> "The business account is restricted or misconfigured at the channel.";
      case MEDIA_PROBLEM -> "The file could not be uploaded or downloaded.";
      case NOT_FOUND -> "Something the message refers to no longer exists.";
      case NOT_IMPLEMENTED -> "Switchboard cannot send this kind of message yet.";
      case UNAVAILABLE -> "The channel did not answer.";
      case OTHER -> "The channel refused the message.";
    };
  }
}
