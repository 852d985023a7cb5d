package io.switchboard.spi.channel;

import java.util.Objects;

/**
 * The channel's acknowledgement of a send.
 *
 * @param externalMessageId the channel's id of the new message (WhatsApp {@code wamid})
 */
public record SendReceipt(String externalMessageId) {
  public SendReceipt {
    Objects.requireNonNull(externalMessageId, "externalMessageId");
  }
}
