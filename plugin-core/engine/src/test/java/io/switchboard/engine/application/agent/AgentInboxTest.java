package io.switchboard.engine.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.AgentKey;
import io.switchboard.engine.domain.AgentReadMarker;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentInboxTest {
  final AgentFixture f = new AgentFixture();
  final AgentSession amal = f.session("amal", "Support");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theCustomerWaitsSinceTheirOldestMessageAfterTheBusinessLastSpoke() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    f.customerWrites(c, "hello", 1);
    f.businessWrites(c, "hi, how can we help?", 5);
    Message first = f.customerWrites(c, "my order", 10);
    f.customerWrites(c, "is late", 3);
    f.note(c, "checking with the warehouse", 2); // a note is no answer

    assertThat(f.inTx(() -> f.inbox.waitingSince(c.id()))).isEqualTo(first.createdAt());
  }

  @Test
  void nobodyWaitsWhenTheBusinessSpokeLastUnlessItsMessageFailed() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    Message asked = f.customerWrites(c, "hello", 1);
    Message reply = f.businessWrites(c, "hi", 5);

    assertThat(f.inTx(() -> f.inbox.waitingSince(c.id()))).isNull();

    f.inTx(
        () -> {
          f.em.find(Message.class, reply.id()).failedToSend("131047", "window", f.clock.instant());
          return null;
        });
    assertThat(f.inTx(() -> f.em.find(Message.class, reply.id()).status()))
        .isEqualTo(MessageStatus.FAILED);
    assertThat(f.inTx(() -> f.inbox.waitingSince(c.id()))).isEqualTo(asked.createdAt());
  }

  @Test
  void waitingConversationsComeFirstLongestWaitingFirstThenTheOthersNewestFirst() {
    Conversation answered = f.conversation("Answered", "rt", "1", "Support");
    Conversation waitsLong = f.conversation("Long", "rt", "2", "Support");
    Conversation waitsShort = f.conversation("Short", "rt", "3", "Support");
    Conversation quiet = f.conversation("Quiet", "rt", "4", "Support");
    f.conversation("Sales", "rt", "5", "Sales");
    f.customerWrites(waitsLong, "first", 1);
    f.customerWrites(answered, "q", 1);
    f.businessWrites(answered, "a", 1);
    f.customerWrites(waitsShort, "second", 1);
    touch(quiet);

    var inbox = f.inTx(() -> f.inbox.list(amal, InboxFilter.all()));

    assertThat(inbox.items())
        .extracting(s -> s.customer().displayName())
        .containsExactly("Long", "Short", "Quiet", "Answered");
    assertThat(inbox.counts()).isEqualTo(new AgentInbox.Counts(0, 4, 4));
  }

  @Test
  void unreadCountsTheCustomersMessagesAfterTheAgentLastRead() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    f.customerWrites(c, "one", 1);
    f.customerWrites(c, "two", 1);
    assertThat(unread(amal, c)).isEqualTo(2);

    f.inTx(
        () -> {
          f.em.persist(new AgentReadMarker(new AgentKey(c.id(), "rt", "amal"), f.clock.instant()));
          return null;
        });
    f.customerWrites(c, "three", 1);

    assertThat(unread(amal, c)).isEqualTo(1);
    assertThat(unread(f.session("lee", "Support"), c)).isEqualTo(3);
  }

  @Test
  void filtersAndSearchNarrowTheList() {
    Conversation kerry = f.conversation("Kerry Jones", "rt", "1", "Support");
    Conversation lee = f.conversation("Lee", "rt", "2", "Support");
    f.customerWrites(lee, "Where is my PARCEL?", 1);
    f.inTx(
        () -> {
          Conversation k = f.em.find(Conversation.class, kerry.id());
          k.assignTo("amal", null, f.clock.instant());
          k.labelWith(List.of("vip", "refund"), f.clock.instant());
          return null;
        });

    assertThat(names(new InboxFilter("mine", null, null, null, null, null, 50)))
        .containsExactly("Kerry Jones");
    assertThat(names(new InboxFilter("unassigned", null, null, null, null, null, 50)))
        .containsExactly("Lee");
    assertThat(names(new InboxFilter(null, null, null, "refund", null, null, 50)))
        .containsExactly("Kerry Jones");
    assertThat(names(new InboxFilter(null, null, null, "ref", null, null, 50))).isEmpty();
    assertThat(names(new InboxFilter(null, null, null, null, null, "parcel", 50)))
        .containsExactly("Lee");
    assertThat(names(new InboxFilter(null, null, null, null, null, "JONES", 50)))
        .containsExactly("Kerry Jones");
    assertThat(names(new InboxFilter(null, null, null, null, null, "100%", 50))).isEmpty();
    assertThat(names(new InboxFilter(null, "Sales", null, null, null, null, 50))).isEmpty();
    assertThat(names(new InboxFilter(null, null, null, null, "closed", null, 50))).isEmpty();
    assertThat(f.inTx(() -> f.inbox.list(amal, InboxFilter.all())).counts())
        .isEqualTo(new AgentInbox.Counts(1, 1, 2));
  }

  private List<String> names(InboxFilter filter) {
    return f.inTx(() -> f.inbox.list(amal, filter)).items().stream()
        .map(s -> s.customer().displayName())
        .toList();
  }

  private long unread(AgentSession s, Conversation c) {
    return f.inTx(() -> f.inbox.unread(s, List.of(c.id()))).getOrDefault(c.id(), 0L);
  }

  private void touch(Conversation c) {
    f.clock.advance(java.time.Duration.ofSeconds(1));
    f.inTx(
        () -> {
          f.em.find(Conversation.class, c.id()).labelWith(List.of("x"), f.clock.instant());
          return null;
        });
  }
}
