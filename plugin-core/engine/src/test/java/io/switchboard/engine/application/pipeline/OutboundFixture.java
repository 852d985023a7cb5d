package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.templates.TemplateBeans;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.CrmAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outbound path wired by hand over {@link IntakeFixture}'s database: agent replies through the
 * real intake, the real outbox dispatcher performing the real effects ({@link ChannelSendEffect},
 * notes, template sync) against SPI-level test plugins ({@link TestChannel}, {@link TestCrm}). Each
 * public method of {@link EffectRecords} runs in its own transaction, as in the container.
 */
final class OutboundFixture implements AutoCloseable {
  final IntakeFixture in = new IntakeFixture();
  final TestTransactions tx = in.tx;
  final TestChannel channel = new TestChannel();
  final TestCrm crm = new TestCrm();
  final PluginRegistry registry = new TestRegistry();
  final Connections connections = new TestConnections();
  final TemplateBeans templates = in.templates.plugins(connections, registry);
  final EffectRecords records = new TxEffectRecords();
  final OutboundMedia media = new OutboundMedia();
  final ChannelSendEffect send = new ChannelSendEffect();
  final RefusalNotes refusalNotes = new RefusalNotes();
  final TemplateNoteEffect templateNote = new TemplateNoteEffect();
  final InboxRecordEffect inboxRecords = new InboxRecordEffect();
  final OutboxEffects effects = new OutboxEffects();
  final TemplateUpdates updates = new TemplateUpdates();
  final TemplateSends sends = new TemplateSends();
  final ConversationSends apiSends = new ConversationSends();
  final OutboxDispatcher dispatcher = new OutboxDispatcher();
  private int wamids;

  OutboundFixture() {
    FailureNotes notes = new FailureNotes();
    notes.outbox = in.outbox;
    records.em = tx.entityManager();
    records.messages = in.messages;
    records.notes = notes;
    records.clock = in.clock;
    records.conversationChanged = in.sync.conversationChanged;
    records.orderBook = in.orderBook;
    records.templateNotes = templateNote;
    records.inboxRecords = inboxRecords;
    inboxRecords.records = records;
    inboxRecords.registry = registry;
    inboxRecords.outbox = in.outbox;
    media.registry = registry;
    media.records = records;
    send.records = records;
    send.registry = registry;
    send.media = media;
    send.clock = in.clock;
    // The real governor (pacing, pair limit) as in the container: sends go through it.
    send.governor =
        new io.switchboard.engine.application.governor.GovernorRig(in.tx, in.clock, in.outbox)
            .governor;
    refusalNotes.registry = registry;
    refusalNotes.templates = templates.rows;
    refusalNotes.clock = in.clock;
    templateNote.records = records;
    templateNote.registry = registry;
    templateNote.outbox = in.outbox;
    effects.records = records;
    effects.registry = registry;
    effects.channelSend = send;
    in.readReceipts.records = records;
    in.readReceipts.registry = registry;
    effects.readReceipts = in.readReceipts;
    // the customer's messages are mirrored by CrmDeliveryEffect, not under test here
    effects.crmDelivery =
        new CrmDeliveryEffect() {
          @Override
          public String perform(OutboxEntry entry) {
            return "mirrored (not under test)";
          }
        };
    effects.refusalNotes = refusalNotes;
    effects.templateSync = templates.syncEffect;
    effects.templateNote = templateNote;
    effects.inboxRecords = inboxRecords;
    updates.connections = connections;
    updates.rows = templates.rows;
    updates.outbox = in.outbox;
    sends.conversations = in.conversations;
    sends.customers = in.customers;
    sends.templates = templates.rows;
    sends.outbound = in.outboundMessages;
    apiSends.conversations = in.conversations;
    apiSends.connections = connections;
    apiSends.registry = registry;
    apiSends.outbound = in.outboundMessages;
    apiSends.messages = in.messages;
    apiSends.clock = in.clock;
    dispatcher.outbox = in.outbox;
    dispatcher.effects = effects;
    dispatcher.metrics = new PipelineFixture.QuietMetrics();
    dispatcher.clock = in.clock;
    RetrySettings retries = new RetrySettings();
    retries.baseDelayMs = 1000;
    retries.maxDelayMs = 600_000;
    retries.inboundHorizon = "PT24H";
    retries.outboxHorizon = "PT24H";
    dispatcher.retries = retries;
    dispatcher.leaseSeconds = 120;
  }

  /** The customer writes (opening the window) and the conversation is on ticket 42. */
  Conversation customerWrote(String text) {
    return customerWrote(text, null);
  }

  Conversation customerWrote(String text, String language) {
    return customerWrote(text, language, MessageContext.NONE);
  }

  /** The customer's first message answers an ad (the 72-hour free entry window opens). */
  Conversation customerCameFromAd(String text) {
    return customerWrote(
        text,
        null,
        new MessageContext(
            null,
            false,
            false,
            new io.switchboard.spi.channel.Referral(
                "ad", "120201", "https://fb.me/x", "Winter sale", null, "image", "ctwa.1")));
  }

  Conversation customerWrote(String text, String language, MessageContext context) {
    in.clock.advance(Duration.ofSeconds(1));
    ChannelUser kerry = new ChannelUser("16505551234", "16505551234", "Kerry");
    CustomerMessage m =
        new CustomerMessage(
            "wamid.in-" + (++wamids),
            "1065",
            kerry,
            in.clock.instant(),
            Text.of(text),
            context,
            "{}");
    in.inTx(() -> in.channelIntake.customerMessage(in.account, m));
    return inTx(
        () -> {
          Conversation c = in.conversations.find(in.conversations().get(0).id()).orElseThrow();
          if (c.crmTicketId() == null) {
            c.linkTicket("42", in.clock.instant());
          }
          if (language != null) {
            Customer customer = in.customers.find(c.customerId()).orElseThrow();
            customer.edit(null, null, null, language, in.clock.instant());
          }
          return c;
        });
  }

  /** An agent's reply on ticket 42, taken in as the inbound worker would. */
  Optional<String> agentReplies(String eventId, String text, Attachment... files) {
    return inTx(
        () ->
            in.crmIntake.handle(
                in.crm,
                new AgentReply(eventId, "42", "agent1", text, List.of(files), in.clock.instant())));
  }

  /** The account's catalog holds these templates, synced into the engine. */
  void templatesAre(io.switchboard.spi.channel.capability.TemplateDefinition... defs) {
    channel.templates = List.of(defs);
    try {
      templates.sync.sync(in.account);
    } catch (io.switchboard.spi.RetryableException | PermanentException e) {
      throw new AssertionError(e);
    }
  }

  /** The dispatcher runs as the scheduler would for a while (retries included). */
  void dispatch(Duration total) {
    for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plusSeconds(5)) {
      dispatcher.drain();
      in.clock.advance(Duration.ofSeconds(5));
    }
  }

  List<Message> messages() {
    return in.messagesOf(in.conversations().get(0).id());
  }

  /** The messages to the customer, in the order they were recorded. */
  List<Message> outbound() {
    return messages().stream().filter(m -> m.direction().equals(Message.OUT)).toList();
  }

  /** The outbox entries of an action, oldest first. */
  List<OutboxEntry> outbox(String action) {
    return in.outbox().stream()
        .filter(e -> e.action().equals(action))
        .sorted(java.util.Comparator.comparingLong(OutboxEntry::id))
        .toList();
  }

  <T> T inTx(Supplier<T> work) {
    return tx.required(work);
  }

  @Override
  public void close() {
    in.close();
  }

  private final class TestRegistry extends PluginRegistry {
    @Override
    public ChannelConnector connector(ChannelAccount account) {
      return channel;
    }

    @Override
    public CrmAdapter adapter(CrmConnection connection) {
      return crm;
    }
  }

  private final class TestConnections extends Connections {
    @Override
    public Optional<ChannelAccount> channel(String id) {
      return in.account.id().equals(id) ? Optional.of(in.account) : Optional.empty();
    }

    @Override
    public List<ChannelAccount> channels() {
      return List.of(in.account);
    }
  }

  /** Each method in its own transaction, as {@code @Transactional} gives it in the container. */
  private final class TxEffectRecords extends EffectRecords {
    @Override
    public Subject load(String messageId) throws PermanentException {
      Subject s = tx.required(() -> loadOrNull(messageId));
      if (s == null) {
        throw new PermanentException("message " + messageId + " does not exist", null);
      }
      return s;
    }

    private Subject loadOrNull(String messageId) {
      try {
        return super.load(messageId);
      } catch (PermanentException e) {
        return null;
      }
    }

    @Override
    public void sent(String messageId, String channelMessageId) {
      tx.run(() -> super.sent(messageId, channelMessageId));
    }

    @Override
    public void sentIn(String messageId, String channelMessageId, String window) {
      tx.run(() -> super.sentIn(messageId, channelMessageId, window));
    }

    @Override
    public void fileUploaded(String messageId, OutboundFile file) {
      tx.run(() -> super.fileUploaded(messageId, file));
    }

    @Override
    public void mirrored(String messageId, String entryId) {
      tx.run(() -> super.mirrored(messageId, entryId));
    }

    @Override
    public void sendRetried(String messageId) {
      tx.run(() -> super.sendRetried(messageId));
    }

    @Override
    public void sendRefused(String messageId, String code, FailureReason neutral, String reason) {
      tx.run(() -> super.sendRefused(messageId, code, neutral, reason));
    }
  }
}
