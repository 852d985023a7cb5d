package io.switchboard.engine.application.agent;

import io.switchboard.engine.domain.QuickReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The quick replies of a workspace: the admin replaces the whole list; agents read it. */
@ApplicationScoped
public class QuickReplies {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  /** One quick reply as the admin sends it. */
  public record Entry(String shortcut, String title, String text) {}

  @Transactional
  public List<Entry> of(String workspaceId) {
    return em
        .createQuery(
            "select q from QuickReply q where q.workspaceId = :w order by q.position",
            QuickReply.class)
        .setParameter("w", workspaceId)
        .getResultList()
        .stream()
        .map(q -> new Entry(q.shortcut(), q.title(), q.body()))
        .toList();
  }

  /** Replaces the list, in order. */
  @Transactional
  public List<Entry> replace(String workspaceId, List<Entry> entries) {
    em.createQuery("delete from QuickReply q where q.workspaceId = :w")
        .setParameter("w", workspaceId)
        .executeUpdate();
    em.flush();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      em.persist(new QuickReply(workspaceId, e.shortcut(), e.title(), e.text(), i));
    }
    return entries;
  }
}
