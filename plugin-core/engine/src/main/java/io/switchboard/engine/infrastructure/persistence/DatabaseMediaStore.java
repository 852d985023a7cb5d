package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.MediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * {@code switchboard.media.store=database} (the default): the bytes in the {@code media_content}
 * table, one row per media object, written in the transaction that marks the media stored. Fits a
 * single database backup; large volumes belong in the file system store.
 */
@ApplicationScoped
@Typed(DatabaseMediaStore.class)
public class DatabaseMediaStore implements MediaStore {
  public static final String KIND = "database";

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public DatabaseMediaStore() {}

  /** Over a given entity manager (tests, tools). */
  public DatabaseMediaStore(EntityManager em) {
    this.em = em;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  @Transactional
  public String put(String mediaId, byte[] bytes) {
    em.createNativeQuery("delete from media_content where media_id = ?")
        .setParameter(1, mediaId)
        .executeUpdate();
    em.createNativeQuery("insert into media_content (media_id, data) values (?, ?)")
        .setParameter(1, mediaId)
        .setParameter(2, bytes)
        .executeUpdate();
    return "media_content:" + mediaId;
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public byte[] read(String mediaId, String location) {
    List<Object> rows =
        em.createNativeQuery("select data from media_content where media_id = ?")
            .setParameter(1, mediaId)
            .getResultList();
    if (rows.isEmpty() || rows.get(0) == null) {
      throw new IllegalStateException("the bytes of media " + mediaId + " are not in the database");
    }
    return (byte[]) rows.get(0);
  }

  @Override
  @Transactional
  public void delete(String mediaId, String location) {
    em.createNativeQuery("delete from media_content where media_id = ?")
        .setParameter(1, mediaId)
        .executeUpdate();
  }
}
