package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingDiffTest {
  private static FieldMapping m(String crm, Direction d) {
    return new FieldMapping(
        BridgeField.CUSTOMER_NAME, FieldTarget.TICKET, crm, d, null, null, null);
  }

  @Test
  void reportsAddedChangedAndRemovedInOrder() {
    var before =
        new MappingSet(
            List.of(m("a", Direction.TO_CRM), m("b", Direction.TO_CRM), m("c", Direction.TO_CRM)));
    var after =
        new MappingSet(
            List.of(m("d", Direction.TO_CRM), m("b", Direction.BOTH), m("c", Direction.TO_CRM)));
    var changes = MappingDiff.between(before, after);
    assertThat(changes)
        .extracting(MappingChange::kind, MappingChange::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MappingChange.Kind.ADDED, "ticket:d"),
            org.assertj.core.groups.Tuple.tuple(MappingChange.Kind.CHANGED, "ticket:b"),
            org.assertj.core.groups.Tuple.tuple(MappingChange.Kind.REMOVED, "ticket:a"));
    assertThat(changes.get(1).before().direction()).isEqualTo(Direction.TO_CRM);
    assertThat(changes.get(1).after().direction()).isEqualTo(Direction.BOTH);
    assertThat(changes.get(2).after()).isNull();
    assertThat(changes.get(0).before()).isNull();
  }

  @Test
  void sameSetHasNoChanges() {
    var set = new MappingSet(List.of(m("a", Direction.TO_CRM)));
    assertThat(MappingDiff.between(set, set)).isEmpty();
    assertThat(MappingDiff.between(MappingSet.EMPTY, MappingSet.EMPTY)).isEmpty();
  }
}
