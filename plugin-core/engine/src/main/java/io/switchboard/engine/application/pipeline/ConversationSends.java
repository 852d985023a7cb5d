package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.content.CatalogProducts;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * An agent (or a tool acting for one) sends a text, a location, contact cards or a reaction to a
 * conversation through the API rather than from the CRM. The channel's send policy is asked at
 * once, so a message it would refuse (window closed, a type it does not send) is answered with the
 * reason instead of being queued; an accepted one goes through the outbox like any reply (governed,
 * retried, idempotent by the caller's key).
 */
@ApplicationScoped
public class ConversationSends {
  @Inject ConversationRepository conversations;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject OutboundMessages outbound;
  @Inject MessageRepository messages;
  @Inject Clock clock;

  /**
   * The outcome: the queued message, or the policy's refusal.
   *
   * @param message the queued message, or {@code null} when refused
   * @param refusal the channel policy's decision when refused, else {@code null}
   */
  public record Outcome(Message message, SendDecision refusal) {}

  /**
   * @param replyTo the channel id of the conversation's message to quote (texts only), or {@code
   *     null}
   * @param idempotencyKey the caller's key: the same key never queues a second message
   * @return empty when there is no such conversation
   */
  @Transactional
  public Optional<Outcome> send(
      String conversationId,
      String actor,
      OutboundContent content,
      String replyTo,
      String idempotencyKey) {
    return sendAs(conversationId, actor, content, replyTo, "api:" + idempotencyKey);
  }

  /**
   * The same, with the source the message answers given by the caller (the inbox view marks its
   * sends {@code inbox:...}, so that they are recorded on the ticket as the agent's replies).
   *
   * @param source the message's source event: the same source never queues a second message
   */
  @Transactional
  public Optional<Outcome> sendAs(
      String conversationId, String actor, OutboundContent content, String replyTo, String source) {
    Optional<Conversation> found = conversations.find(conversationId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Conversation c = found.get();
    Optional<Message> already = messages.bySourceEvent(c.id(), source);
    if (already.isPresent()) {
      return Optional.of(new Outcome(already.get(), null)); // the same request again
    }
    ChannelAccount account = connections.channel(c.channelId()).orElseThrow();
    SendDecision decision =
        registry
            .connector(account)
            .sendPolicy()
            .check(
                content,
                new ConversationFacts(c.lastInboundAt(), c.adReferralAt(), clock.instant()));
    if (!decision.allowed()) {
      return Optional.of(new Outcome(null, decision));
    }
    String summary;
    String json;
    if (content instanceof Text text) {
      summary = text.body();
      json = OutboundContentJson.textReplyingTo(text, replyTo);
    } else if (content instanceof Location l) {
      summary = l.summary();
      json = NeutralOutboundContent.write(l);
    } else if (content instanceof Contacts cards) {
      summary = cards.summary();
      json = NeutralOutboundContent.write(cards);
    } else if (content instanceof Reaction r) {
      summary = r.summary();
      json = NeutralOutboundContent.write(r);
    } else if (content instanceof CatalogProducts p) {
      summary = "Products: " + String.join(", ", p.productIds());
      json = NeutralOutboundContent.write(p);
    } else if (content instanceof Interactive i) {
      summary = i.body();
      json = NeutralOutboundContent.write(i);
    } else {
      throw new IllegalArgumentException(
          content.type() + " is sent by its own endpoint (templates) or not at all here");
    }
    Message m = outbound.send(c, actor, content.type(), summary, json, source, source);
    return Optional.of(new Outcome(m, null));
  }
}
