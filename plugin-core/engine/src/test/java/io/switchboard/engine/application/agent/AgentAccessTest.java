package io.switchboard.engine.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentAccessTest {
  final AgentFixture f = new AgentFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void anAgentSeesConversationsOfTheirCrmAndTeamOnly() {
    Conversation support = f.conversation("Kerry", "rt", "1", "Support");
    Conversation sales = f.conversation("Lee", "rt", "2", "Sales");
    Conversation elsewhere = f.conversation("Max", "other", "1", "Support");
    AgentSession amal = f.session("amal", "Support");

    assertThat(f.inTx(() -> f.access.visible(amal, support.id()))).isPresent();
    assertThat(f.inTx(() -> f.access.visible(amal, sales.id()))).isEmpty();
    assertThat(f.inTx(() -> f.access.visible(amal, elsewhere.id()))).isEmpty();
    assertThat(f.inTx(() -> f.access.visible(amal, "no-such-id"))).isEmpty();
  }

  @Test
  void anUnknownTeamIsAskedFromTheCrmOnceAndKept() {
    Conversation old = f.conversation("Kerry", "rt", "7", null);
    f.crm.queues.put("7", "Support");

    assertThat(f.inTx(() -> f.access.visible(f.session("amal", "Support"), old.id()))).isPresent();
    assertThat(f.inTx(() -> f.access.visible(f.session("amal", "Support"), old.id()))).isPresent();

    assertThat(f.crm.askedFor).containsExactly("7");
    assertThat(f.inTx(() -> f.em.find(Conversation.class, old.id()).assignedGroup()))
        .isEqualTo("Support");
  }

  @Test
  void aTeamTheCrmDoesNotTellHidesTheConversationAndIsNotAskedAgain() {
    Conversation old = f.conversation("Kerry", "rt", "8", null);
    Conversation noTicket = f.conversation("Lee", "rt", null, null);
    AgentSession amal = f.session("amal", "Support");

    assertThat(f.inTx(() -> f.access.visible(amal, old.id()))).isEmpty();
    assertThat(f.inTx(() -> f.access.visible(amal, old.id()))).isEmpty();
    assertThat(f.inTx(() -> f.access.visible(amal, noTicket.id()))).isEmpty();

    assertThat(f.crm.askedFor).containsExactly("8");
  }

  @Test
  void aSessionWithoutTeamsSeesNothing() {
    Conversation support = f.conversation("Kerry", "rt", "1", "Support");

    assertThat(f.inTx(() -> f.access.visible(f.session("amal"), support.id()))).isEmpty();
  }
}
