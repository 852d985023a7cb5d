package io.switchboard.engine.domain;

/**
 * Keeps the bytes of fetched media, by media id: in the database ({@code database}) or in a
 * directory ({@code filesystem}). Each stored media object remembers the store kind and location it
 * was written to, so changing {@code switchboard.media.store} leaves earlier files readable.
 *
 * <pre>{@code
 * String location = store.put(media.id(), bytes);
 * byte[] again = store.read(media.id(), location);
 * }</pre>
 */
public interface MediaStore {
  /** The name {@code switchboard.media.store} selects this store by. */
  String kind();

  /**
   * Writes the bytes of one media object, replacing what an earlier attempt left; atomically (a
   * reader sees all of the file or none).
   *
   * @return the location to read it from later (kept on the media object)
   */
  String put(String mediaId, byte[] bytes);

  /**
   * The bytes written by {@link #put}.
   *
   * @throws IllegalStateException when they are gone
   */
  byte[] read(String mediaId, String location);

  /** Deletes the bytes; nothing happens when they are gone already. */
  void delete(String mediaId, String location);
}
