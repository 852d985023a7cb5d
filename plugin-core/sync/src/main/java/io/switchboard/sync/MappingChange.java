package io.switchboard.sync;

/**
 * One difference between two versions of a mapping set.
 *
 * @param kind added, removed or changed
 * @param key the mapping's {@link FieldMapping#key()}
 * @param before the mapping before, {@code null} when added
 * @param after the mapping after, {@code null} when removed
 */
public record MappingChange(Kind kind, String key, FieldMapping before, FieldMapping after) {
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }
}
