package io.switchboard.connector.whatsapp;

import io.switchboard.spi.FailureReason;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's WhatsApp error codes mean, in one place: the neutral {@link FailureReason} of each,
 * whether waiting helps, and a short explanation in plain words. Used for failed sends and for
 * {@code failed} statuses in webhooks alike, so both tell the agent the same thing.
 *
 * <pre>{@code
 * WhatsAppErrorCodes.reason("131047")   // WINDOW_CLOSED
 * WhatsAppErrorCodes.explain("131047")  // "more than 24 hours since the customer's last message..."
 * }</pre>
 *
 * <p>Source: Meta's Cloud API error codes page
 * (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
 */
public final class WhatsAppErrorCodes {

  /** Codes that mean "too much, too fast": waiting and retrying helps. */
  private static final Set<String> THROTTLING =
      Set.of("4", "80007", "130429", "131048", "131049", "131056");

  /** Codes for Meta-side outages: retrying later helps. */
  private static final Set<String> TRANSIENT = Set.of("131016", "133004");

  private record Meaning(FailureReason reason, String explanation) {}

  private static final Map<String, Meaning> CODES =
      Map.ofEntries(
          entry("0", FailureReason.AUTH_FAILED, "the access token could not be used"),
          entry("3", FailureReason.ACCOUNT_PROBLEM, "the app lacks a capability for this call"),
          entry(
              "4",
              FailureReason.RATE_LIMITED,
              "the app made too many calls: Meta's application request limit is reached"),
          entry(
              "10",
              FailureReason.AUTH_FAILED,
              "permission denied: the token lacks whatsapp_business_messaging for this number"),
          entry(
              "100",
              FailureReason.INVALID_CONTENT,
              "WhatsApp rejected a parameter of the request (invalid or unsupported value)"),
          entry(
              "190",
              FailureReason.AUTH_FAILED,
              "the access token is invalid or expired: renew the accessToken option of this"
                  + " channel"),
          entry(
              "200",
              FailureReason.AUTH_FAILED,
              "the token lacks a permission this call needs (whatsapp_business_messaging)"),
          entry(
              "368",
              FailureReason.ACCOUNT_PROBLEM,
              "the account is temporarily blocked for policy violations"),
          entry(
              "80007",
              FailureReason.RATE_LIMITED,
              "rate limit of the WhatsApp Business Account reached"),
          entry(
              "130429",
              FailureReason.RATE_LIMITED,
              "throughput limit of the business number reached (80 messages per second by"
                  + " default)"),
          entry(
              "130472",
              FailureReason.RECIPIENT_UNREACHABLE,
              "the customer's number is part of a Meta experiment and did not get this marketing"
                  + " message"),
          entry("131000", FailureReason.OTHER, "something went wrong at WhatsApp"),
          entry(
              "131005",
              FailureReason.AUTH_FAILED,
              "access denied: the token lacks a permission for this number"),
          entry(
              "131008",
              FailureReason.INVALID_CONTENT,
              "a required parameter of the message is missing"),
          entry(
              "131009",
              FailureReason.INVALID_CONTENT,
              "a parameter of the message has an invalid value"),
          entry("131016", FailureReason.UNAVAILABLE, "WhatsApp is overloaded; try again later"),
          entry(
              "131021",
              FailureReason.INVALID_CONTENT,
              "the recipient is the business number itself"),
          entry(
              "131026",
              FailureReason.RECIPIENT_UNREACHABLE,
              "the message is undeliverable (the number may not be on WhatsApp, has an old app"
                  + " version, or has not accepted the latest terms)"),
          entry(
              "131031",
              FailureReason.ACCOUNT_PROBLEM,
              "the business account is locked (policy violation or verification failure)"),
          entry(
              "131042",
              FailureReason.ACCOUNT_PROBLEM,
              "a payment problem on the WhatsApp Business Account"),
          entry(
              "131045",
              FailureReason.ACCOUNT_PROBLEM,
              "the phone number is not correctly registered (certificate problem)"),
          entry(
              "131047",
              FailureReason.WINDOW_CLOSED,
              "more than 24 hours since the customer's last message: only an approved template"
                  + " can be sent now"),
          entry(
              "131048",
              FailureReason.RATE_LIMITED,
              "spam rate limit reached: too many messages from this number were blocked or"
                  + " reported"),
          entry(
              "131049",
              FailureReason.RATE_LIMITED,
              "WhatsApp held this marketing message back to protect the customer's experience"
                  + " (per-user marketing limit); try again later"),
          entry(
              "131050",
              FailureReason.RECIPIENT_UNREACHABLE,
              "the customer stopped marketing messages from this business"),
          entry(
              "131051",
              FailureReason.UNSUPPORTED_CONTENT,
              "WhatsApp does not support this message type"),
          entry(
              "131052",
              FailureReason.MEDIA_PROBLEM,
              "the customer's media could not be downloaded"),
          entry(
              "131053",
              FailureReason.MEDIA_PROBLEM,
              "the media could not be uploaded (unsupported type, too large, or the link could"
                  + " not be fetched)"),
          entry(
              "131056",
              FailureReason.RATE_LIMITED,
              "pair rate limit reached: too many messages to the same customer in a short time"),
          entry(
              "131057",
              FailureReason.ACCOUNT_PROBLEM,
              "the business account is in maintenance mode"),
          entry(
              "132000",
              FailureReason.TEMPLATE_PROBLEM,
              "the number of template parameters does not match the approved template"),
          entry(
              "132001",
              FailureReason.TEMPLATE_PROBLEM,
              "the template does not exist in this language or is not approved yet"),
          entry(
              "132005",
              FailureReason.TEMPLATE_PROBLEM,
              "the template text with its parameters is too long"),
          entry(
              "132007",
              FailureReason.TEMPLATE_PROBLEM,
              "the template's content breaks a WhatsApp policy"),
          entry(
              "132012",
              FailureReason.TEMPLATE_PROBLEM,
              "a template parameter has the wrong format"),
          entry("132015", FailureReason.TEMPLATE_PROBLEM, "the template is paused for low quality"),
          entry("132016", FailureReason.TEMPLATE_PROBLEM, "the template is disabled"),
          entry(
              "133004",
              FailureReason.UNAVAILABLE,
              "the WhatsApp server is temporarily unavailable"),
          entry(
              "133010",
              FailureReason.ACCOUNT_PROBLEM,
              "the business phone number is not registered on the Cloud API"),
          entry("135000", FailureReason.OTHER, "a generic user error at WhatsApp"));

  private WhatsAppErrorCodes() {}

  private static Map.Entry<String, Meaning> entry(
      String code, FailureReason reason, String explanation) {
    return Map.entry(code, new Meaning(reason, explanation));
  }

  /**
   * The neutral reason of a WhatsApp error code; {@link FailureReason#OTHER} for unknown or {@code
   * null} codes. Template codes Meta adds in the 132000-132016 range count as template problems.
   */
  public static FailureReason reason(String code) {
    Meaning meaning = code == null ? null : CODES.get(code.trim());
    if (meaning != null) {
      return meaning.reason();
    }
    return isTemplateCode(code) ? FailureReason.TEMPLATE_PROBLEM : FailureReason.OTHER;
  }

  /**
   * A short explanation of a WhatsApp error code in plain words, for admins and agents; empty for
   * codes this connector does not know.
   */
  public static Optional<String> explain(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Meaning meaning = CODES.get(code.trim());
    if (meaning != null) {
      return Optional.of(meaning.explanation());
    }
    return isTemplateCode(code)
        ? Optional.of("the template or its parameters do not fit what was approved")
        : Optional.empty();
  }

  /** Whether waiting helps: throttling and Meta-side outages. */
  public static boolean isRetryable(String code) {
    return code != null && (THROTTLING.contains(code.trim()) || TRANSIENT.contains(code.trim()));
  }

  private static boolean isTemplateCode(String code) {
    if (code == null) {
      return false;
    }
    try {
      int value = Integer.parseInt(code.trim());
      return value >= 132000 && value <= 132016;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
