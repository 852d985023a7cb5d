package io.switchboard.spi.channel;

import java.util.List;
import java.util.Objects;

/**
 * A customer as a channel knows them. A channel user may have no phone number at all: since 2026
 * WhatsApp identifies users by business-scoped user ids and usernames, and Messenger never gives a
 * phone.
 *
 * <pre>{@code
 * new ChannelUser("16505551234", "+16505551234", "Kerry Fisher")
 * new ChannelUser("US.13491208655302741918", null, "Kerry", "kerry.fisher",
 *     List.of("US.ENT.11815799212886844830"))
 * }</pre>
 *
 * @param channelUserId the channel's stable id for the user, the one to reply to (WhatsApp {@code
 *     wa_id} or business-scoped {@code user_id}, Messenger PSID)
 * @param phoneNumber the phone number as the channel gives it (not yet normalised), or {@code null}
 * @param displayName the profile name, or {@code null}
 * @param username the user's handle on the channel, or {@code null}
 * @param otherIds further ids the channel gives for the same person (WhatsApp {@code
 *     parent_user_id}, the phone-based {@code wa_id} beside a {@code user_id}); the engine records
 *     each as an identity of the same customer
 */
public record ChannelUser(
    String channelUserId,
    String phoneNumber,
    String displayName,
    String username,
    List<String> otherIds) {
  public ChannelUser {
    Objects.requireNonNull(channelUserId, "channelUserId");
    otherIds = otherIds == null ? List.of() : List.copyOf(otherIds);
  }

  /** A user known by id, phone and name only. */
  public ChannelUser(String channelUserId, String phoneNumber, String displayName) {
    this(channelUserId, phoneNumber, displayName, null, List.of());
  }
}
