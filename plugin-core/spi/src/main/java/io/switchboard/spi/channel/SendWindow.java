package io.switchboard.spi.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * A period in which a channel lets the business send free-form messages to a customer.
 *
 * <pre>{@code
 * // WhatsApp: 24 h after the customer's last message; 72 h after they came from an ad
 * new SendWindow("customer-service", SendWindow.Opener.CUSTOMER_MESSAGE, Duration.ofHours(24), null)
 * new SendWindow("free-entry-point", SendWindow.Opener.AD_REFERRAL, Duration.ofHours(72), null)
 * // Messenger: 7 days for human agents, with the HUMAN_AGENT tag
 * new SendWindow("human-agent", SendWindow.Opener.CUSTOMER_MESSAGE, Duration.ofDays(7), "HUMAN_AGENT")
 * }</pre>
 *
 * @param name a stable name for logs and the agent view
 * @param opener what starts the window
 * @param length how long it stays open after that
 * @param tag the tag a message must carry to use this window (Messenger {@code HUMAN_AGENT}), or
 *     {@code null}
 */
public record SendWindow(String name, Opener opener, Duration length, String tag) {

  /** What opens a window. */
  public enum Opener {
    /** A message from the customer (the window counts from their latest). */
    CUSTOMER_MESSAGE,
    /** A customer's first message in answer to an ad (the free entry point). */
    AD_REFERRAL
  }

  public SendWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    Objects.requireNonNull(length, "length");
  }
}
