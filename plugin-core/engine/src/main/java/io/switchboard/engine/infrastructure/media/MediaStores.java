package io.switchboard.engine.infrastructure.media;

import io.switchboard.engine.domain.MediaStore;
import io.switchboard.engine.infrastructure.persistence.DatabaseMediaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media stores: the one new files go to ({@code switchboard.media.store}: {@code database}, the
 * default, or {@code filesystem}), and the one a stored file was written to (by the kind its media
 * object recorded).
 */
@ApplicationScoped
public class MediaStores {
  @Inject DatabaseMediaStore database;
  @Inject FileSystemMediaStore fileSystem;

  @Inject
  @ConfigProperty(name = "switchboard.media.store", defaultValue = DatabaseMediaStore.KIND)
  String configured;

  public MediaStores() {}

  /** Over given stores (tests, tools). */
  public MediaStores(DatabaseMediaStore database, FileSystemMediaStore fileSystem, String kind) {
    this.database = database;
    this.fileSystem = fileSystem;
    this.configured = kind;
  }

  /**
   * The store new files go to.
   *
   * @throws IllegalStateException when {@code switchboard.media.store} names no store
   */
  public MediaStore current() {
    return of(configured == null ? DatabaseMediaStore.KIND : configured.trim());
  }

  /** The store of this kind. */
  public MediaStore of(String kind) {
    String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (DatabaseMediaStore.KIND.equals(k)) {
      return database;
    }
    if (FileSystemMediaStore.KIND.equals(k)) {
      return fileSystem;
    }
    throw new IllegalStateException(
        "switchboard.media.store="
            + kind
            + " names no media store: use "
            + DatabaseMediaStore.KIND
            + " or "
            + FileSystemMediaStore.KIND);
  }
}
