package io.switchboard.engine.application.agent;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agents' live events, one feed per instance: while anyone listens it reads what changed in the
 * database about every second ({@link AgentChanges}), so a change made through any instance reaches
 * the agents of every instance, and pushes each change to the subscribers whose session may see the
 * conversation. Reading is one short transaction; writing to the subscribers happens after it,
 * never inside.
 *
 * <p>The read goes back {@link #OVERLAP} before the last poll, so a transaction that committed late
 * with an earlier time is not missed; what was already pushed is not pushed twice. Presence is
 * compared with what the feed last told: an agent whose heartbeat stops leaves the viewers 20 s
 * later, without any row changing.
 */
@ApplicationScoped
public class AgentEventFeed {
  private static final Logger LOG = Logger.getLogger(AgentEventFeed.class.getName());
  static final Duration OVERLAP = Duration.ofSeconds(5);
  static final Duration PING_EVERY = Duration.ofSeconds(15);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AgentChanges changes;
  @Inject Clock clock;

  /** One open event stream. */
  public interface Subscriber {
    AgentSession session();

    /**
     * @return false when the stream is closed (the subscriber is then dropped)
     */
    boolean send(String event, String data);

    /** A comment line that keeps the connection open; false when closed. */
    boolean ping();

    /** Ends the stream (the session expired). */
    default void close() {}
  }

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> pushed = new HashMap<>();
  private Map<String, List<AgentChanges.Presence>> present = new HashMap<>();
  private Instant cursor;
  private Instant lastPing;
  private ScheduledFuture<?> task;

  /** Starts pushing to the subscriber (and polling, if nobody listened before). */
  public synchronized void subscribe(Subscriber s) {
    subscribers.add(s);
    if (cursor == null) {
      cursor = clock.instant();
      lastPing = cursor;
    }
    if (task == null && scheduler != null) {
      task = scheduler.scheduleWithFixedDelay(this::tick, 1000, 1000, TimeUnit.MILLISECONDS);
    }
  }

  public int subscribers() {
    return subscribers.size();
  }

  private void tick() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "agent event feed poll failed", e);
    }
  }

  /** One poll: read the changes, push them, ping when due. */
  public void poll() {
    List<Pending> events;
    synchronized (this) {
      if (subscribers.isEmpty()) {
        stopPolling();
        return;
      }
      Instant now = clock.instant();
      AgentChanges.Changes c =
          changes.since(cursor.minus(OVERLAP), now.minus(AgentPresences.WINDOW));
      events = events(c);
      cursor = now;
      pushed.values().removeIf(at -> at.isBefore(now.minus(OVERLAP.multipliedBy(2))));
    }
    deliver(events);
    Instant now = clock.instant();
    if (!now.isBefore(lastPing.plus(PING_EVERY))) {
      lastPing = now;
      subscribers.removeIf(s -> !s.ping());
    }
  }

  private List<Pending> events(AgentChanges.Changes c) {
    List<Pending> out = new ArrayList<>();
    Map<String, String[]> changedConversations = new LinkedHashMap<>();
    for (AgentChanges.ConversationChange cc : c.conversations()) {
      if (first("c:" + cc.id(), cc.at())) {
        changedConversations.put(cc.id(), new String[] {cc.crm(), cc.team()});
      }
    }
    for (AgentChanges.MessageChange m : c.messages()) {
      if (first("m:" + m.id() + ":" + m.status(), m.at())) {
        out.add(
            new Pending(
                m.crm(),
                m.team(),
                "message",
                EngineJson.PROVIDER
                    .createObjectBuilder()
                    .add("conversation", m.conversation())
                    .add("id", m.id())
                    .add("status", m.status())
                    .build()
                    .toString(),
                null,
                null));
        changedConversations.putIfAbsent(m.conversation(), new String[] {m.crm(), m.team()});
      }
    }
    changedConversations.forEach(
        (id, where) ->
            out.add(
                new Pending(
                    where[0],
                    where[1],
                    "conversation",
                    EngineJson.PROVIDER.createObjectBuilder().add("id", id).build().toString(),
                    null,
                    null)));
    Map<String, List<AgentChanges.Presence>> now = new LinkedHashMap<>();
    c.presence().forEach(p -> now.computeIfAbsent(p.conversation(), k -> new ArrayList<>()).add(p));
    Set<String> conversations = new LinkedHashSet<>(present.keySet());
    conversations.addAll(now.keySet());
    for (String id : conversations) {
      List<AgentChanges.Presence> before = present.getOrDefault(id, List.of());
      List<AgentChanges.Presence> after = now.getOrDefault(id, List.of());
      if (!signature(before).equals(signature(after))) {
        AgentChanges.Presence any = after.isEmpty() ? before.get(0) : after.get(0);
        out.add(new Pending(any.crm(), any.team(), "presence", null, id, after));
      }
    }
    present = now;
    return out;
  }

  private void deliver(List<Pending> events) {
    Instant now = clock.instant();
    for (Subscriber s : subscribers) {
      AgentSession session = s.session();
      if (!now.isBefore(session.expiresAt())) {
        subscribers.remove(s); // the page signs on again and opens a new stream
        s.close();
        continue;
      }
      for (Pending e : events) {
        if (!session.sees(e.crm(), e.team())) {
          continue;
        }
        if (!s.send(e.event(), e.dataFor(session))) {
          subscribers.remove(s);
          break;
        }
      }
    }
  }

  private boolean first(String key, Instant at) {
    Instant before = pushed.put(key, at);
    return before == null || !before.equals(at);
  }

  private static List<String> signature(List<AgentChanges.Presence> list) {
    return list.stream().map(p -> p.login() + "|" + p.name() + "|" + p.typing()).toList();
  }

  private synchronized void stopPolling() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    cursor = null;
    pushed.clear();
    present = new HashMap<>();
  }

  @PreDestroy
  synchronized void stop() {
    stopPolling();
  }

  /** An event to push to the subscribers that see {@code crm}/{@code team}. */
  private record Pending(
      String crm,
      String team,
      String event,
      String data,
      String conversation,
      List<AgentChanges.Presence> viewers) {
    /** Presence lists the other agents only. */
    String dataFor(AgentSession session) {
      if (viewers == null) {
        return data;
      }
      JsonArrayBuilder list = EngineJson.PROVIDER.createArrayBuilder();
      viewers.stream()
          .filter(v -> !v.login().equals(session.login()))
          .forEach(
              v ->
                  list.add(
                      EngineJson.PROVIDER
                          .createObjectBuilder()
                          .add("login", v.login())
                          .add("name", v.name() == null ? v.login() : v.name())
                          .add("typing", v.typing())));
      return EngineJson.PROVIDER
          .createObjectBuilder()
          .add("conversation", conversation)
          .add("viewers", list)
          .build()
          .toString();
    }
  }
}
