package io.switchboard.spi.channel;

import java.util.Objects;

/**
 * A customer as a channel knows them.
 *
 * <pre>{@code
 * new ChannelUser("16505551234", "+16505551234", "Kerry Fisher")
 * }</pre>
 *
 * @param channelUserId the channel's stable id for the user (WhatsApp {@code wa_id}, Messenger
 *     PSID)
 * @param phoneNumber the phone number as the channel gives it (not yet normalised), or {@code null}
 * @param displayName the profile name, or {@code null}
 */
public record ChannelUser(String channelUserId, String phoneNumber, String displayName) {
  public ChannelUser {
    Objects.requireNonNull(channelUserId, "channelUserId");
  }
}
