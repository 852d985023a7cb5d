package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.MappingVersion;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingFileException;
import io.switchboard.sync.MappingSet;
import java.time.Instant;

/**
 * One version of a CRM connection's mapping set, as saved.
 *
 * @param version 1, 2, ...; 0 for "never mapped" (no mappings, nothing synced)
 * @param author who saved it
 * @param createdAt when
 * @param comment why, or {@code null}
 * @param set the mappings
 * @param added mappings added since the version before
 * @param removed mappings removed since the version before
 * @param changed mappings changed since the version before
 */
public record StoredMapping(
    int version,
    String author,
    Instant createdAt,
    String comment,
    MappingSet set,
    int added,
    int removed,
    int changed) {

  static final StoredMapping NONE =
      new StoredMapping(0, null, null, null, MappingSet.EMPTY, 0, 0, 0);

  static StoredMapping of(MappingVersion row) {
    MappingSet set;
    try {
      set = MappingFile.read(row.body());
    } catch (MappingFileException e) {
      // Versions are validated before they are stored; a row that no longer reads is a bug.
      throw new IllegalStateException(
          "mapping version "
              + row.version()
              + " of CRM connection "
              + row.crmConnectionId()
              + " does not read: "
              + e.getMessage(),
          e);
    }
    return new StoredMapping(
        row.version(),
        row.author(),
        row.createdAt(),
        row.comment(),
        set,
        row.added(),
        row.removed(),
        row.changed());
  }
}
