package io.switchboard.sandbox.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meta's WhatsApp error codes the sandbox produces, with the title and details text of Meta's
 * error-codes page (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes), for both
 * refused sends and {@code failed} statuses.
 */
final class WhatsAppErrorCatalog {
  static final String HREF =
      "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

  /** A code's title and details. */
  record Entry(int code, String title, String details) {
    /** The error object of a {@code failed} status or a webhook {@code errors} array. */
    Map<String, Object> toStatusError() {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put("title", title);
      error.put("message", title);
      error.put("error_data", Map.of("details", details));
      error.put("href", HREF);
      return error;
    }

    /** The same error answered at once to a Graph API call (HTTP 400). */
    GraphApiError toGraphError() {
      return new GraphApiError(
          400, "(#" + code + ") " + title, "OAuthException", code, null, details);
    }

    /** The same error with other details. */
    Entry withDetails(String otherDetails) {
      return new Entry(code, title, otherDetails);
    }
  }

  private static final Map<Integer, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add(130429, "Rate limit hit", "Cloud API message throughput has been reached.");
    add(
        130472,
        "User's number is part of an experiment",
        "Failed to send message because this user's phone number is part of an experiment.");
    add(131000, "Something went wrong", "Message failed to send due to an unknown error.");
    add(
        131021,
        "Recipient cannot be sender",
        "Sending number and recipient number must be different.");
    add(
        131026,
        "Message Undeliverable",
        "Unable to deliver message. Reasons can include: the recipient phone number is not a"
            + " WhatsApp phone number; the recipient has not accepted our new Terms of Service and"
            + " Privacy Policy; the recipient is using an old WhatsApp version.");
    add(
        131047,
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last"
            + " replied to this number.");
    add(
        131048,
        "Spam rate limit hit",
        "Message failed to send because there are restrictions on how many messages can be sent"
            + " from this phone number. This may be because too many previous messages were"
            + " blocked or flagged as spam.");
    add(
        131049,
        "This message was not delivered to maintain healthy ecosystem engagement.",
        "In order to maintain a healthy ecosystem engagement, the message failed to be"
            + " delivered.");
    add(131051, "Unsupported message type", "Message type is not currently supported.");
    add(131053, "Media upload error", "Unable to upload the media used in the message.");
    add(
        131056,
        "(Business Account, Consumer Account) pair rate limit hit",
        "Too many messages sent from the sender phone number to the same recipient phone number"
            + " in a short period of time.");
    add(
        132000,
        "Number of parameters does not match the expected number of params",
        "The number of variable parameter values included in the request did not match the"
            + " number of variable parameters defined in the template.");
    add(
        132001,
        "Template does not exist",
        "The template does not exist in the specified language or the template has not been"
            + " approved.");
    add(
        132012,
        "Parameter format does not match format in the created template",
        "Variable parameter values formatted incorrectly.");
    add(
        132015,
        "Template is Paused",
        "Template is paused due to low quality so it cannot be sent in a template message.");
    add(
        132016,
        "Template is Disabled",
        "Template has been paused too many times due to low quality and is now permanently disabled.");
  }

  private WhatsAppErrorCatalog() {}

  private static void add(int code, String title, String details) {
    ENTRIES.put(code, new Entry(code, title, details));
  }

  /** The entry for {@code code}; a code the sandbox does not know gets a generic one. */
  static Entry of(int code) {
    Entry entry = ENTRIES.get(code);
    return entry != null
        ? entry
        : new Entry(
            code, "Error " + code, "Failure with code " + code + " injected by the sandbox.");
  }
}
