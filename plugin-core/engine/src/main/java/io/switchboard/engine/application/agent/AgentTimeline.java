package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.conversations.MessageReactions;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation's timeline a page at a time, newest page first, each page oldest first, with the
 * reactions standing on its messages and their files. Reads by {@code message_conversation_page}
 * (conversation, created at, id), so a conversation of thousands of messages costs one page.
 */
@ApplicationScoped
public class AgentTimeline {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  /**
   * One page.
   *
   * @param items oldest first
   * @param hasMore whether older messages exist
   * @param reactions the standing reactions by the channel id of the message they react to
   * @param media the files of the page's messages by message id
   */
  public record Page(
      List<Message> items,
      boolean hasMore,
      Map<String, List<MessageReactions.Standing>> reactions,
      Map<String, List<MediaObject>> media) {}

  /**
   * @param before the id of the oldest message the caller has, or {@code null} for the newest page
   * @return empty when {@code before} is not a message of the conversation
   */
  @Transactional
  public Optional<Page> page(String conversationId, String before, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_LIMIT));
    List<Message> newestFirst;
    if (before == null || before.isBlank()) {
      newestFirst =
          em.createQuery(
                  "select m from Message m where m.conversationId = :c"
                      + " order by m.createdAt desc, m.id desc",
                  Message.class)
              .setParameter("c", conversationId)
              .setMaxResults(size + 1)
              .getResultList();
    } else {
      Message anchor = em.find(Message.class, before);
      if (anchor == null || !anchor.conversationId().equals(conversationId)) {
        return Optional.empty();
      }
      newestFirst =
          em.createQuery(
                  "select m from Message m where m.conversationId = :c and (m.createdAt < :t"
                      + " or (m.createdAt = :t and m.id < :id)) order by m.createdAt desc, m.id"
                      + " desc",
                  Message.class)
              .setParameter("c", conversationId)
              .setParameter("t", anchor.createdAt())
              .setParameter("id", anchor.id())
              .setMaxResults(size + 1)
              .getResultList();
    }
    boolean hasMore = newestFirst.size() > size;
    List<Message> items =
        new ArrayList<>(newestFirst.subList(0, Math.min(size, newestFirst.size())));
    Collections.reverse(items);
    return Optional.of(new Page(items, hasMore, reactions(conversationId), media(items)));
  }

  private Map<String, List<MessageReactions.Standing>> reactions(String conversationId) {
    return MessageReactions.of(
        em.createQuery(
                "select m from Message m where m.conversationId = :c and m.contentType = :r"
                    + " order by m.createdAt, m.id",
                Message.class)
            .setParameter("c", conversationId)
            .setParameter("r", "reaction")
            .getResultList());
  }

  private Map<String, List<MediaObject>> media(List<Message> items) {
    Map<String, List<MediaObject>> byMessage = new java.util.HashMap<>();
    if (items.isEmpty()) {
      return byMessage;
    }
    em.createQuery(
            "select o from MediaObject o where o.messageId in :ids order by o.createdAt",
            MediaObject.class)
        .setParameter("ids", items.stream().map(Message::id).toList())
        .getResultList()
        .forEach(o -> byMessage.computeIfAbsent(o.messageId(), k -> new ArrayList<>()).add(o));
    return byMessage;
  }
}
