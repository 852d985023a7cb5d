package io.switchboard.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between two versions of a mapping set, mapping by mapping. */
public final class MappingDiff {
  private MappingDiff() {}

  /** Added and changed mappings in the order of {@code after}, then the removed ones. */
  public static List<MappingChange> between(MappingSet before, MappingSet after) {
    Map<String, FieldMapping> old = byKey(before);
    List<MappingChange> changes = new ArrayList<>();
    for (FieldMapping m : after.mappings()) {
      FieldMapping was = old.remove(m.key());
      if (was == null) {
        changes.add(new MappingChange(MappingChange.Kind.ADDED, m.key(), null, m));
      } else if (!was.equals(m)) {
        changes.add(new MappingChange(MappingChange.Kind.CHANGED, m.key(), was, m));
      }
    }
    old.forEach(
        (key, m) -> changes.add(new MappingChange(MappingChange.Kind.REMOVED, key, m, null)));
    return changes;
  }

  private static Map<String, FieldMapping> byKey(MappingSet set) {
    Map<String, FieldMapping> out = new LinkedHashMap<>();
    set.mappings().forEach(m -> out.putIfAbsent(m.key(), m));
    return out;
  }
}
