package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.content.MarkRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When an agent answers, the customer sees their messages read (WhatsApp's blue ticks): the
 * customer's latest message is marked read, which the channel applies to the earlier ones too. Its
 * own outbox effect ({@code MARK_READ}) on its own ordering key, so it never holds up a reply; a
 * channel that does not take read receipts is left alone. Off with {@code
 * switchboard.channels.mark-read-on-reply=false}.
 */
@ApplicationScoped
public class ReadReceipts {
  @Inject MessageRepository messages;
  @Inject Outbox outbox;
  @Inject EffectRecords records;
  @Inject PluginRegistry registry;

  @Inject
  @ConfigProperty(name = "switchboard.channels.mark-read-on-reply", defaultValue = "true")
  boolean onReply;

  /** The agent answered the conversation: its latest customer message is to be marked read. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void agentAnswered(Conversation c) {
    if (!onReply) {
      return;
    }
    messages
        .latestFromCustomer(c.id())
        .ifPresent(
            m -> {
              String target = Sources.channel(c.channelId());
              outbox.enqueue(
                  c.workspaceId(),
                  target,
                  OutboxActions.MARK_READ,
                  target + "|read:" + c.id(),
                  "read|" + m.id(),
                  m.id());
            });
  }

  /** {@code MARK_READ}: tells the channel the customer's message was read (idempotent there). */
  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    Message m = s.message();
    ChannelConnector connector = registry.connector(s.channel());
    if (!connector.sendPolicy().outboundTypes().contains("mark_read")) {
      return "channel " + s.channel().id() + " takes no read receipts";
    }
    try {
      connector.send(
          new OutboundMessage(
              entry.idempotencyKey(),
              s.conversation().channelUserId(),
              s.customer().phoneE164(),
              new MarkRead(m.externalId(), false),
              null,
              null));
    } catch (PermanentException e) {
      // A read receipt is not worth a quarantine: the channel refused it (a token being renewed,
      // a message too old), the customer simply does not see it read.
      return "not marked read: " + e.getMessage();
    }
    return "marked " + m.externalId() + " read";
  }
}
