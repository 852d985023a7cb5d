package io.switchboard.sync;

import java.util.List;

/** What changed between two versions of a mapping set, mapping by mapping. */
public final class MappingDiff {
  private MappingDiff() {}

  public static List<MappingChange> between(MappingSet before, MappingSet after) {
    throw new UnsupportedOperationException("TODO");
  }
}
