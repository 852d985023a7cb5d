package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.MediaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMediaRepository implements MediaRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaMediaRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaMediaRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<MediaObject> find(String id) {
    return Optional.ofNullable(em.find(MediaObject.class, id));
  }

  @Override
  public Optional<MediaObject> lock(String id) {
    return Optional.ofNullable(em.find(MediaObject.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<MediaObject> ofMessage(String messageId) {
    return em.createQuery(
            "select m from MediaObject m where m.messageId = :msg order by m.createdAt, m.id",
            MediaObject.class)
        .setParameter("msg", messageId)
        .getResultList();
  }

  @Override
  public List<String> storedBefore(Instant before, int limit) {
    return em.createQuery(
            "select m.id from MediaObject m where m.status = :s and m.fetchedAt < :before"
                + " order by m.fetchedAt, m.id",
            String.class)
        .setParameter("s", MediaStatus.STORED)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(MediaObject media) {
    em.persist(media);
  }
}
