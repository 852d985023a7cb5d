package io.switchboard.engine.application.conversations;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.spi.channel.ConversationFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * One conversation with its customer and its free-form window by the channel's send policy (open or
 * closed, which window, when it closes), for the admin API and the coming agent view.
 */
@ApplicationScoped
public class ConversationWindows {
  @Inject ConversationRepository conversations;
  @Inject CustomerRepository customers;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject Clock clock;

  /**
   * A conversation as the admin view shows it.
   *
   * @param window its window, or {@code null} when the channel's connector cannot be created
   * @param windowProblem why the window is unknown, else {@code null}
   */
  public record Windowed(
      Conversation conversation,
      Customer customer,
      ConversationWindow window,
      String windowProblem) {}

  @Transactional
  public Optional<Windowed> find(String conversationId) {
    return conversations.find(conversationId).map(this::windowed);
  }

  private Windowed windowed(Conversation c) {
    Customer customer = customers.find(c.customerId()).orElse(null);
    var account = connections.channel(c.channelId());
    if (account.isEmpty()) {
      return new Windowed(c, customer, null, "channel account " + c.channelId() + " is gone");
    }
    try {
      ConversationWindow w =
          ConversationWindow.of(
              registry.connector(account.get()).sendPolicy(),
              new ConversationFacts(c.lastInboundAt(), c.adReferralAt(), clock.instant()));
      return new Windowed(c, customer, w, null);
    } catch (RuntimeException e) {
      return new Windowed(
          c, customer, null, "the channel's connector is not available: " + e.getMessage());
    }
  }
}
