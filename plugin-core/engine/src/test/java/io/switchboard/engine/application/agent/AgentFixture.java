package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.persistence.JpaConversationRepository;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.crm.CrmAdapter;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agent view's beans wired by hand over a fresh H2 database: CRM connections {@code rt} (with
 * {@link AgentCrm}) and {@code other}, channel account {@code wa}; conversations and messages are
 * written directly as the pipeline would have left them.
 */
final class AgentFixture implements AutoCloseable {
  static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  final TestDatabase db = new TestDatabase();
  final TestTransactions tx = db.transactions();
  final EntityManager em = tx.entityManager();
  final AgentCrm crm = new AgentCrm();
  final CrmConnection rt = new CrmConnection("rt", "default", clock.instant());
  final CrmConnection other = new CrmConnection("other", "default", clock.instant());
  final ChannelAccount wa = new ChannelAccount("wa", "default", clock.instant());
  final Connections connections = new FixedConnections();
  final PluginRegistry registry = new FixedRegistry();
  final AgentSessions sessions = new AgentSessions();
  final AgentAccess access = new AgentAccess();
  final AgentInbox inbox = new AgentInbox();
  final AgentTimeline timeline = new AgentTimeline();
  final AgentPresences presences = new AgentPresences();
  final AgentChanges changes = new AgentChanges();
  final AgentEventFeed feed = new AgentEventFeed();

  AgentFixture() {
    rt.configure("request-tracker", "{}", "", clock.instant());
    other.configure("request-tracker", "{}", "", clock.instant());
    wa.configure("whatsapp-cloud", null, "1065", "rt", "{}", "", clock.instant());
    tx.run(() -> em.persist(rt));
    tx.run(() -> em.persist(other));
    tx.run(() -> em.persist(wa));
    sessions.connections = connections;
    sessions.registry = registry;
    sessions.clock = clock;
    sessions.secretsKey = Optional.of(SECRETS_KEY);
    sessions.sessionHours = 8;
    sessions.init();
    access.em = em;
    access.conversations = new JpaConversationRepository(em);
    access.connections = connections;
    access.registry = registry;
    access.clock = clock;
    inbox.em = em;
    inbox.access = access;
    inbox.sessions = sessions;
    inbox.connections = connections;
    inbox.registry = registry;
    inbox.clock = clock;
    timeline.em = em;
    presences.em = em;
    presences.clock = clock;
    changes.em = em;
    feed.changes =
        new AgentChanges() {
          @Override
          public Changes since(Instant since, Instant presentSince) {
            return tx.required(() -> changes.since(since, presentSince));
          }
        };
    feed.clock = clock;
  }

  /** A session of {@code login} on {@code rt} seeing the given teams. */
  AgentSession session(String login, String... teams) {
    return new AgentSession(
        "rt",
        login,
        "Agent " + login,
        "",
        List.of(teams),
        clock.instant().plus(Duration.ofHours(8)));
  }

  /** A conversation of a new customer on {@code wa}, mirrored on the CRM connection and ticket. */
  Conversation conversation(String customerName, String crmId, String ticket, String team) {
    return inTx(
        () -> {
          Customer cu = new Customer("default", customerName, null, clock.instant());
          em.persist(cu);
          em.flush();
          Conversation c =
              Conversation.open(
                  "default", "wa", cu.id(), "u-" + customerName, crmId, clock.instant());
          if (ticket != null) {
            c.linkTicket(ticket, clock.instant());
          }
          c.inTeam(team, clock.instant());
          em.persist(c);
          return c;
        });
  }

  /** The customer writes {@code seconds} later. */
  Message customerWrites(Conversation c, String text, int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    return inTx(
        () -> {
          Conversation fresh = em.find(Conversation.class, c.id());
          Message m =
              Message.fromCustomer(
                  fresh,
                  "wamid." + text.hashCode() + clock.millis(),
                  "text",
                  text,
                  "{}",
                  clock.instant(),
                  clock.instant());
          fresh.customerWrote(clock.instant(), clock.instant());
          em.persist(m);
          return m;
        });
  }

  /** An agent's reply is recorded {@code seconds} later (pending until sent). */
  Message businessWrites(Conversation c, String text, int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    return inTx(
        () -> {
          Message m =
              Message.toSend(
                  em.find(Conversation.class, c.id()),
                  "amal",
                  "text",
                  text,
                  null,
                  null,
                  clock.instant());
          em.persist(m);
          return m;
        });
  }

  Message note(Conversation c, String text, int seconds) {
    clock.advance(Duration.ofSeconds(seconds));
    return inTx(
        () -> {
          Message m =
              Message.note(em.find(Conversation.class, c.id()), "amal", text, clock.instant());
          em.persist(m);
          return m;
        });
  }

  <T> T inTx(Supplier<T> work) {
    return tx.required(work);
  }

  @Override
  public void close() {
    db.close();
  }

  private final class FixedConnections extends Connections {
    @Override
    public Optional<ChannelAccount> channel(String id) {
      return wa.id().equals(id) ? Optional.of(wa) : Optional.empty();
    }

    @Override
    public Optional<CrmConnection> crm(String id) {
      return rt.id().equals(id)
          ? Optional.of(rt)
          : other.id().equals(id) ? Optional.of(other) : Optional.empty();
    }

    @Override
    public List<CrmConnection> crms() {
      return List.of(rt, other);
    }
  }

  private final class FixedRegistry extends PluginRegistry {
    @Override
    public ChannelConnector connector(ChannelAccount account) {
      throw new IllegalStateException("no channel plugin in these tests");
    }

    @Override
    public CrmAdapter adapter(CrmConnection connection) {
      if (connection.id().equals("rt")) {
        return crm;
      }
      throw new IllegalStateException("connection " + connection.id() + " has no plugin here");
    }
  }
}
