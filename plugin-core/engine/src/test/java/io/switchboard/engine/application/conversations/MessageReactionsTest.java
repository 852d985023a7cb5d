package io.switchboard.engine.application.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReactionsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private final Conversation conversation =
      Conversation.open("default", "wa", "customer-1", "16505551234", "rt", NOW);

  private Message reaction(String direction, String target, String emoji) {
    Message m =
        Message.IN.equals(direction)
            ? Message.fromCustomer(
                conversation, "wamid." + emoji.hashCode() + target, "reaction", "r", null, NOW, NOW)
            : Message.fromBusiness(
                conversation, "wamid.b" + emoji.hashCode(), "reaction", "r", null, "app", NOW, NOW);
    m.describe(
        "{\"type\":\"reaction\",\"target\":\""
            + target
            + "\",\"emoji\":\""
            + emoji
            + "\",\"removed\":"
            + emoji.isEmpty()
            + "}",
        null,
        false);
    return m;
  }

  @Test
  void aLaterReactionOfTheSameSideReplacesTheEarlierAndAnEmptyOneRemovesIt() {
    List<Message> timeline =
        List.of(
            reaction(Message.IN, "wamid.OURS", "\uD83D\uDC4D"),
            reaction(Message.IN, "wamid.OURS", "\u2764"),
            reaction(Message.OUT, "wamid.OURS", "\uD83D\uDE4F"),
            reaction(Message.IN, "wamid.THEIRS", "\uD83D\uDE00"),
            reaction(Message.IN, "wamid.THEIRS", ""));

    var standing = MessageReactions.of(timeline);

    assertThat(standing.get("wamid.OURS"))
        .containsExactly(
            new MessageReactions.Standing(true, "\u2764"),
            new MessageReactions.Standing(false, "\uD83D\uDE4F"));
    assertThat(standing).doesNotContainKey("wamid.THEIRS");
  }

  @Test
  void messagesThatAreNotReactionsOrAreUnreadableAreIgnored() {
    Message text = Message.fromCustomer(conversation, "wamid.T", "text", "hi", null, NOW, NOW);
    text.describe("{\"type\":\"text\",\"text\":\"hi\"}", null, false);
    Message broken = Message.fromCustomer(conversation, "wamid.X", "reaction", "r", null, NOW, NOW);
    broken.describe("{not json", null, false);

    assertThat(MessageReactions.of(List.of(text, broken))).isEmpty();
  }
}
