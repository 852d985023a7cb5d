package io.switchboard.engine.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentPresenceAndFeedTest {
  final AgentFixture f = new AgentFixture();
  final AgentSession amal = f.session("amal", "Support");
  final AgentSession lee = f.session("lee", "Support");
  final AgentSession sales = f.session("sam", "Sales");

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void viewersAreTheOtherAgentsSeenInTheLast20Seconds() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    f.inTx(
        () -> {
          f.presences.heartbeat(amal, c.id(), false);
          f.presences.heartbeat(lee, c.id(), true);
          return null;
        });

    assertThat(f.inTx(() -> f.presences.viewers(amal, c.id())))
        .containsExactly(new AgentPresences.Viewer("lee", "Agent lee", true));

    f.clock.advance(Duration.ofSeconds(20));
    assertThat(f.inTx(() -> f.presences.viewers(amal, c.id()))).isEmpty();
  }

  @Test
  void theFeedPushesChangesOnlyToSessionsThatSeeTheConversationAndOnlyOnce() {
    Conversation support = f.conversation("Kerry", "rt", "1", "Support");
    Conversation salesOnly = f.conversation("Lee", "rt", "2", "Sales");
    Recorder amalSink = new Recorder(amal);
    Recorder samSink = new Recorder(sales);
    f.feed.subscribe(amalSink);
    f.feed.subscribe(samSink);
    f.clock.advance(Duration.ofSeconds(1));

    Message m = f.customerWrites(support, "hello", 1);
    f.customerWrites(salesOnly, "hi", 0);
    f.feed.poll();
    f.clock.advance(Duration.ofSeconds(1));
    f.feed.poll(); // the overlap reads the same rows again: nothing is pushed twice

    assertThat(amalSink.events)
        .containsExactlyInAnyOrder(
            "message {\"conversation\":\""
                + support.id()
                + "\",\"id\":\""
                + m.id()
                + "\",\"status\":\"RECEIVED\"}",
            "conversation {\"id\":\"" + support.id() + "\"}");
    assertThat(samSink.events).allMatch(e -> !e.contains(support.id())).isNotEmpty();
  }

  @Test
  void aFileFetchedAfterItsMessageArrivedIsPushedAsAChangeOfThatMessage() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    Recorder sink = new Recorder(amal);
    f.feed.subscribe(sink);
    f.clock.advance(Duration.ofSeconds(1));
    Message m = f.customerWrites(c, "[image]", 0);
    io.switchboard.engine.domain.MediaObject photo =
        io.switchboard.engine.domain.MediaObject.received(
            "default",
            m.id(),
            "wa",
            "image",
            "media-1",
            null,
            "image/png",
            null,
            0,
            null,
            f.clock.instant());
    f.tx.run(() -> f.em.persist(photo));
    f.feed.poll();
    assertThat(sink.events).hasSize(2); // the new message and its conversation
    sink.events.clear();

    f.clock.advance(Duration.ofSeconds(1));
    f.tx.run(
        () ->
            f.em
                .find(io.switchboard.engine.domain.MediaObject.class, photo.id())
                .unavailable("TEST", "gone", f.clock.instant()));
    f.feed.poll();
    assertThat(sink.events)
        .contains(
            "message {\"conversation\":\""
                + c.id()
                + "\",\"id\":\""
                + m.id()
                + "\",\"status\":\"RECEIVED\"}");
  }

  @Test
  void presenceIsPushedWhenAnAgentArrivesStartsTypingAndLeaves() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    Recorder amalSink = new Recorder(amal);
    f.feed.subscribe(amalSink);

    f.inTx(
        () -> {
          f.presences.heartbeat(lee, c.id(), false);
          return null;
        });
    f.feed.poll();
    f.inTx(
        () -> {
          f.presences.heartbeat(lee, c.id(), true);
          return null;
        });
    f.feed.poll();
    f.feed.poll();
    f.clock.advance(Duration.ofSeconds(21));
    f.feed.poll();

    String at = "presence {\"conversation\":\"" + c.id() + "\",\"viewers\":";
    assertThat(amalSink.events.stream().filter(e -> e.startsWith("presence")).toList())
        .containsExactly(
            at + "[{\"login\":\"lee\",\"name\":\"Agent lee\",\"typing\":false}]}",
            at + "[{\"login\":\"lee\",\"name\":\"Agent lee\",\"typing\":true}]}",
            at + "[]}");
  }

  @Test
  void pingsEvery15SecondsAndDropsClosedStreams() {
    Recorder open = new Recorder(amal);
    Recorder closed = new Recorder(lee);
    closed.open = false;
    f.feed.subscribe(open);
    f.feed.subscribe(closed);

    f.clock.advance(Duration.ofSeconds(15));
    f.feed.poll();

    assertThat(open.events).containsExactly(": ping");
    assertThat(f.feed.subscribers()).isEqualTo(1);
  }

  /** A stream that keeps what it was sent. */
  static final class Recorder implements AgentEventFeed.Subscriber {
    final AgentSession session;
    final List<String> events = new ArrayList<>();
    boolean open = true;

    Recorder(AgentSession session) {
      this.session = session;
    }

    @Override
    public AgentSession session() {
      return session;
    }

    @Override
    public boolean send(String event, String data) {
      if (open) {
        events.add(event + " " + data);
      }
      return open;
    }

    @Override
    public boolean ping() {
      if (open) {
        events.add(": ping");
      }
      return open;
    }
  }

  @Test
  void heartbeatsForgetTheRowsOfAgentsGoneForAMinuteEveryTenMinutes() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    f.inTx(
        () -> {
          f.presences.heartbeat(lee, c.id(), false);
          return null;
        });
    f.clock.advance(AgentPresences.PRUNE_EVERY.plusSeconds(1));
    f.inTx(
        () -> {
          f.presences.heartbeat(amal, c.id(), false);
          return null;
        });

    Long rows =
        f.inTx(
            () ->
                f.em
                    .createQuery("select count(p) from AgentPresence p", Long.class)
                    .getSingleResult());
    assertThat(rows).isEqualTo(1L); // lee's old row is gone, amal's is there
  }
}
