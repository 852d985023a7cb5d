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
 * WhatsAppErrorCodes.explain("131047")  // "more than 24 hours have passed since the customer's..."
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
          entry(
              "0",
              FailureReason.AUTH_FAILED,
              "WhatsApp did not accept the channel's access token; an administrator must enter a new accessToken for this channel"),
          entry(
              "3",
              FailureReason.ACCOUNT_PROBLEM,
              "the Meta app behind this channel is not allowed to do this; an administrator must check the app's WhatsApp permissions"),
          entry(
              "4",
              FailureReason.RATE_LIMITED,
              "the Meta app made too many requests in a short time; the message will be retried shortly"),
          entry(
              "10",
              FailureReason.AUTH_FAILED,
              "the channel's access token is not allowed to send from this number; an administrator must give it the whatsapp_business_messaging permission"),
          entry(
              "100",
              FailureReason.INVALID_CONTENT,
              "WhatsApp refused part of the message as invalid (for example a wrong number format or an unsupported value)"),
          entry(
              "190",
              FailureReason.AUTH_FAILED,
              "the channel's access token has expired or was revoked, so nothing can be sent; an administrator must renew the accessToken option of this channel"),
          entry(
              "200",
              FailureReason.AUTH_FAILED,
              "the channel's access token lacks a permission it needs (whatsapp_business_messaging); an administrator must fix the token"),
          entry(
              "368",
              FailureReason.ACCOUNT_PROBLEM,
              "WhatsApp has temporarily blocked this business account for policy violations"),
          entry(
              "80007",
              FailureReason.RATE_LIMITED,
              "the WhatsApp Business Account reached its request limit; the message will be retried shortly"),
          entry(
              "130429",
              FailureReason.RATE_LIMITED,
              "this number is sending faster than WhatsApp allows (80 messages per second by default); the message will be retried shortly"),
          entry(
              "130472",
              FailureReason.RECIPIENT_UNREACHABLE,
              "WhatsApp held this marketing message back because the customer is part of a Meta experiment"),
          entry(
              "131000",
              FailureReason.OTHER,
              "something went wrong at WhatsApp; try again, and contact support if it keeps happening"),
          entry(
              "131005",
              FailureReason.AUTH_FAILED,
              "the channel's access token is not allowed to use this number; an administrator must check its permissions"),
          entry(
              "131008",
              FailureReason.INVALID_CONTENT,
              "the message is missing something WhatsApp requires"),
          entry(
              "131009",
              FailureReason.INVALID_CONTENT,
              "part of the message has a value WhatsApp does not accept"),
          entry(
              "131016",
              FailureReason.UNAVAILABLE,
              "WhatsApp is overloaded right now; the message will be retried later"),
          entry(
              "131021",
              FailureReason.INVALID_CONTENT,
              "the message was addressed to the business number itself"),
          entry(
              "131026",
              FailureReason.RECIPIENT_UNREACHABLE,
              "WhatsApp could not deliver the message: the customer's number may not be on WhatsApp, their app may be too old, or they have not accepted WhatsApp's latest terms"),
          entry(
              "131031",
              FailureReason.ACCOUNT_PROBLEM,
              "the WhatsApp Business Account is locked (a policy violation or a failed verification); an administrator must check WhatsApp Manager"),
          entry(
              "131042",
              FailureReason.ACCOUNT_PROBLEM,
              "there is a payment problem on the WhatsApp Business Account; an administrator must check its payment method"),
          entry(
              "131045",
              FailureReason.ACCOUNT_PROBLEM,
              "the business number is not correctly registered with WhatsApp; an administrator must register it again"),
          entry(
              "131047",
              FailureReason.WINDOW_CLOSED,
              "more than 24 hours have passed since the customer's last message, so only an approved template can be sent now"),
          entry(
              "131048",
              FailureReason.RATE_LIMITED,
              "WhatsApp is limiting this number because many of its messages were blocked or reported as spam; sending will be retried later, and fewer unsolicited messages help"),
          entry(
              "131049",
              FailureReason.RATE_LIMITED,
              "WhatsApp held this marketing message back because the customer has recently received many marketing messages; try again later"),
          entry(
              "131050",
              FailureReason.RECIPIENT_UNREACHABLE,
              "the customer has stopped marketing messages from this business"),
          entry(
              "131051",
              FailureReason.UNSUPPORTED_CONTENT,
              "WhatsApp does not support this kind of message"),
          entry(
              "131052",
              FailureReason.MEDIA_PROBLEM,
              "the customer's file could not be downloaded from WhatsApp; ask them to send it again"),
          entry(
              "131053",
              FailureReason.MEDIA_PROBLEM,
              "the file could not be uploaded to WhatsApp: its type is not supported, it is too large, or its link could not be opened"),
          entry(
              "131056",
              FailureReason.RECIPIENT_RATE_LIMITED,
              "too many messages were sent to this customer in a short time; the message will be sent again in a few seconds"),
          entry(
              "131057",
              FailureReason.ACCOUNT_PROBLEM,
              "the WhatsApp Business Account is in maintenance mode; try again later"),
          entry(
              "132000",
              FailureReason.TEMPLATE_PROBLEM,
              "the template was sent with a different number of values than it was approved with"),
          entry(
              "132001",
              FailureReason.TEMPLATE_PROBLEM,
              "the template does not exist in this language or is not approved yet"),
          entry(
              "132005",
              FailureReason.TEMPLATE_PROBLEM,
              "the template's text is too long once its values are filled in"),
          entry(
              "132007",
              FailureReason.TEMPLATE_PROBLEM,
              "the template's content breaks a WhatsApp policy"),
          entry(
              "132012",
              FailureReason.TEMPLATE_PROBLEM,
              "a value given to the template has the wrong format (for example text where a date or an image is expected)"),
          entry(
              "132015",
              FailureReason.TEMPLATE_PROBLEM,
              "the template is paused because customers rated it poorly; choose another template"),
          entry(
              "132016",
              FailureReason.TEMPLATE_PROBLEM,
              "the template is disabled because customers rated it poorly; choose another template"),
          entry(
              "133004",
              FailureReason.UNAVAILABLE,
              "WhatsApp's server is temporarily unavailable; the message will be retried later"),
          entry(
              "133010",
              FailureReason.ACCOUNT_PROBLEM,
              "the business number is not registered on the WhatsApp Cloud API; an administrator must register it"),
          entry(
              "135000",
              FailureReason.OTHER,
              "WhatsApp refused the message for an unspecified reason; check the message and try again"));

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
   * A short explanation of a WhatsApp error code in plain English for the agent (what happened, and
   * what happens next or who must act); empty for codes this connector does not know.
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
        ? Optional.of(
            "the template or the values given to it do not match what WhatsApp approved; check"
                + " the template and its values")
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
