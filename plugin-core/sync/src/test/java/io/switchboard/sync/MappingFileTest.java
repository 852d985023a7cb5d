package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MappingFileTest {
  static final MappingSet SAMPLE =
      new MappingSet(
          List.of(
              new FieldMapping(
                  BridgeField.CUSTOMER_NAME,
                  FieldTarget.REQUESTER,
                  "requester.RealName",
                  Direction.BOTH,
                  null,
                  ConflictRule.CRM_WINS,
                  null),
              new FieldMapping(
                  BridgeField.LAST_ORDER_TOTAL,
                  FieldTarget.TICKET,
                  "cf.Last Order Total",
                  Direction.TO_CRM,
                  new Transform.NumberFormat(2, true),
                  null,
                  "0"),
              new FieldMapping(
                  BridgeField.CUSTOMER_PHONE,
                  FieldTarget.REQUESTER,
                  "phone",
                  Direction.FROM_CRM,
                  new Transform.PhoneFormat(Transform.PhoneFormat.Style.NATIONAL, "AE"),
                  null,
                  null),
              new FieldMapping(
                  BridgeField.LAST_ORDER_DATE,
                  FieldTarget.TICKET,
                  "orderDate",
                  Direction.TO_CRM,
                  new Transform.DateTimeFormat("yyyy-MM-dd", "Asia/Dubai"),
                  null,
                  null),
              new FieldMapping(
                  BridgeField.CONVERSATION_STATUS,
                  FieldTarget.TICKET,
                  "status",
                  Direction.TO_CRM,
                  new Transform.EnumMap(Map.of("solved", "resolved", "open", "new"), "other"),
                  null,
                  "true"),
              new FieldMapping(
                  BridgeField.CUSTOMER_NAME,
                  FieldTarget.TICKET,
                  "short",
                  Direction.TO_CRM,
                  new Transform.Truncate(20),
                  null,
                  null),
              new FieldMapping(
                  null,
                  FieldTarget.TICKET,
                  "source",
                  Direction.TO_CRM,
                  new Transform.Constant("whatsapp"),
                  null,
                  null),
              new FieldMapping(
                  null,
                  FieldTarget.TICKET,
                  "summary",
                  Direction.TO_CRM,
                  new Transform.TemplateString("{customer.name} {{x}}"),
                  null,
                  null)));

  @ParameterizedTest
  @EnumSource(MappingFile.Format.class)
  void writeThenReadGivesTheSameSet(MappingFile.Format format) throws Exception {
    String text = MappingFile.write(SAMPLE, format);
    assertThat(text).contains("switchboard-mapping/1");
    assertThat(MappingFile.read(text)).isEqualTo(SAMPLE);
  }

  @Test
  void readsTheDocumentedYaml() throws Exception {
    String yaml =
        """
        format: switchboard-mapping/1
        mappings:
          - bridge: customer.name
            target: requester
            crm: requester.RealName
            direction: both
            conflict: newest-wins
          - bridge: order.last.total
            target: ticket
            crm: cf.Last Order Total
            direction: to-crm
            transform: {type: number, scale: 2, withCurrency: true}
        """;
    MappingSet set = MappingFile.read(yaml);
    assertThat(set.mappings()).hasSize(2);
    assertThat(set.mappings().get(1).transform()).isEqualTo(new Transform.NumberFormat(2, true));
    assertThat(set.mappings().get(0).conflict()).isEqualTo(ConflictRule.NEWEST_WINS);
  }

  @Test
  void collectsEveryProblemWithItsPath() {
    String json =
        """
        {"format": "switchboard-mapping/1", "mappings": [
          {"bridge": "customer.name", "target": "ticket", "crm": "a", "direction": "to-crm"},
          {"bridge": "nope", "target": "desk", "crm": "b", "direction": "to-crm"},
          {"bridge": "customer.name", "target": "ticket", "crm": "c", "direction": "sideways",
           "transform": {"type": "number", "scale": "two"}}
        ]}
        """;
    var e = catchThrowableOfType(() -> MappingFile.read(json), MappingFileException.class);
    assertThat(e.problems())
        .contains(
            "mappings[1].bridge: 'nope' is not a bridge field",
            "mappings[1].target: 'desk' is not one of ticket, requester",
            "mappings[2].direction: 'sideways' is not one of to-crm, from-crm, both",
            "mappings[2].transform.scale: must be a whole number");
  }

  @Test
  void missingOrWrongFormatIsRefused() {
    assertThatThrownBy(() -> MappingFile.read("mappings: []"))
        .isInstanceOf(MappingFileException.class)
        .hasMessageContaining("format");
    assertThatThrownBy(() -> MappingFile.read("{\"format\": \"other/2\"}"))
        .isInstanceOf(MappingFileException.class);
    assertThatThrownBy(() -> MappingFile.read("{ not json"))
        .isInstanceOf(MappingFileException.class);
    assertThatThrownBy(() -> MappingFile.read("a: [b")).isInstanceOf(MappingFileException.class);
    assertThatThrownBy(() -> MappingFile.read("")).isInstanceOf(MappingFileException.class);
  }
}
