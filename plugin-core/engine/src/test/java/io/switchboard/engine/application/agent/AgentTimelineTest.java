package io.switchboard.engine.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentTimelineTest {
  final AgentFixture f = new AgentFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void pagesGoBackFromTheNewestOldestFirstWithinAPage() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add(f.customerWrites(c, "m" + i, 1).id());
    }

    var newest = f.inTx(() -> f.timeline.page(c.id(), null, 3)).orElseThrow();
    var middle = f.inTx(() -> f.timeline.page(c.id(), newest.items().get(0).id(), 3)).orElseThrow();
    var oldest = f.inTx(() -> f.timeline.page(c.id(), middle.items().get(0).id(), 3)).orElseThrow();

    assertThat(newest.items()).extracting(Message::id).isEqualTo(all.subList(4, 7));
    assertThat(newest.hasMore()).isTrue();
    assertThat(middle.items()).extracting(Message::id).isEqualTo(all.subList(1, 4));
    assertThat(middle.hasMore()).isTrue();
    assertThat(oldest.items()).extracting(Message::id).isEqualTo(all.subList(0, 1));
    assertThat(oldest.hasMore()).isFalse();
  }

  @Test
  void messagesOfTheSameInstantPageByIdWithoutLossOrRepeat() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(f.customerWrites(c, "same" + i, 0).id());
    }
    List<String> seen = new ArrayList<>();
    String before = null;
    boolean more = true;
    while (more) {
      String b = before;
      var page = f.inTx(() -> f.timeline.page(c.id(), b, 2)).orElseThrow();
      List<String> pageIds = page.items().stream().map(Message::id).toList();
      seen.addAll(0, pageIds);
      before = pageIds.get(0);
      more = page.hasMore();
    }

    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
  }

  @Test
  void aMessageOfAnotherConversationIsNoAnchorAndNotesAreFlagged() {
    Conversation c = f.conversation("Kerry", "rt", "1", "Support");
    Conversation other = f.conversation("Lee", "rt", "2", "Support");
    Message elsewhere = f.customerWrites(other, "x", 1);
    f.note(c, "internal", 1);

    assertThat(f.inTx(() -> f.timeline.page(c.id(), elsewhere.id(), 50))).isEmpty();
    assertThat(f.inTx(() -> f.timeline.page(c.id(), null, 50)).orElseThrow().items())
        .singleElement()
        .satisfies(m -> assertThat(m.isNote()).isTrue());
  }
}
