package io.switchboard.spi.channel;

/**
 * Where a customer's message stands relative to others: what it quotes, whether it was forwarded,
 * which ad it answers.
 *
 * <pre>{@code
 * new MessageContext("wamid.HBgLMTY1...", false, false, null)
 * MessageContext.NONE
 * }</pre>
 *
 * @param quotedExternalId the channel id of the message it replies to (theirs or ours), or {@code
 *     null}
 * @param forwarded whether the customer forwarded it from elsewhere
 * @param frequentlyForwarded whether it was forwarded many times (WhatsApp's double arrow)
 * @param referral the ad or post the customer came from, or {@code null}
 */
public record MessageContext(
    String quotedExternalId, boolean forwarded, boolean frequentlyForwarded, Referral referral) {

  /** A message that quotes nothing, was not forwarded and came from no ad. */
  public static final MessageContext NONE = new MessageContext(null, false, false, null);
}
