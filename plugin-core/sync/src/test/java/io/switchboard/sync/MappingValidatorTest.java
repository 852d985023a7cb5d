package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingValidatorTest {
  private static FieldDescriptor field(String key, FieldType type, List<String> options) {
    return new FieldDescriptor(key, key, type, options, false, false, FieldTarget.TICKET);
  }

  private static final List<FieldDescriptor> SCHEMA =
      List.of(
          field("text", FieldType.TEXT, null),
          field("int", FieldType.INTEGER, null),
          field("dec", FieldType.DECIMAL, null),
          field("when", FieldType.DATE, null),
          field("status", FieldType.ENUM, List.of("new", "resolved", "other")),
          field("flag", FieldType.BOOLEAN, null),
          field("mail", FieldType.EMAIL, null),
          new FieldDescriptor("ro", "ro", FieldType.TEXT, null, false, true, FieldTarget.TICKET),
          new FieldDescriptor("req", "req", FieldType.TEXT, null, true, false, FieldTarget.TICKET),
          new FieldDescriptor(
              "name", "name", FieldType.TEXT, null, false, false, FieldTarget.REQUESTER));

  private static FieldMapping to(BridgeField f, String crm, Transform t) {
    return new FieldMapping(f, FieldTarget.TICKET, crm, Direction.TO_CRM, t, null, null);
  }

  private static List<MappingProblem> validate(FieldMapping... ms) {
    return MappingValidator.validate(new MappingSet(List.of(ms)), SCHEMA);
  }

  private static List<String> props(FieldMapping... ms) {
    return validate(ms).stream().map(MappingProblem::property).toList();
  }

  @Test
  void aGoodSetHasNoProblems() {
    assertThat(
            validate(
                to(BridgeField.CUSTOMER_NAME, "text", null),
                to(BridgeField.ORDER_COUNT, "int", null),
                to(BridgeField.LAST_ORDER_TOTAL, "dec", new Transform.NumberFormat(2, false)),
                to(BridgeField.LAST_ORDER_DATE, "when", null),
                to(
                    BridgeField.CONVERSATION_STATUS,
                    "status",
                    new Transform.EnumMap(Map.of("solved", "resolved"), "other")),
                to(null, "flag", new Transform.Constant("true")),
                to(BridgeField.CUSTOMER_EMAIL, "mail", null),
                new FieldMapping(
                    BridgeField.CUSTOMER_NAME,
                    FieldTarget.REQUESTER,
                    "name",
                    Direction.BOTH,
                    null,
                    null,
                    null)))
        .isEmpty();
  }

  @Test
  void unknownAndDoubleMappedFieldsAreRefused() {
    var problems =
        validate(
            to(BridgeField.CUSTOMER_NAME, "missing", null),
            to(BridgeField.CUSTOMER_NAME, "text", null),
            to(BridgeField.CUSTOMER_EMAIL, "text", null));
    assertThat(problems)
        .extracting(MappingProblem::index, MappingProblem::property)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0, "crmField"),
            org.assertj.core.groups.Tuple.tuple(2, "crmField"));
  }

  @Test
  void shapeRules() {
    assertThat(props(to(null, "text", null))).contains("bridgeField");
    assertThat(
            props(
                new FieldMapping(
                    null,
                    FieldTarget.TICKET,
                    "text",
                    Direction.BOTH,
                    new Transform.Constant("x"),
                    null,
                    null)))
        .contains("direction");
    assertThat(
            props(
                new FieldMapping(
                    BridgeField.ORDER_COUNT,
                    FieldTarget.TICKET,
                    "int",
                    Direction.FROM_CRM,
                    null,
                    null,
                    null)))
        .contains("direction");
    assertThat(
            props(
                new FieldMapping(
                    BridgeField.CUSTOMER_NAME,
                    FieldTarget.TICKET,
                    "text",
                    Direction.FROM_CRM,
                    null,
                    null,
                    null),
                new FieldMapping(
                    BridgeField.CUSTOMER_NAME,
                    FieldTarget.TICKET,
                    "ro",
                    Direction.FROM_CRM,
                    null,
                    null,
                    null)))
        .containsExactly("bridgeField");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "ro", null))).containsExactly("direction");
    assertThat(
            props(
                new FieldMapping(
                    BridgeField.CONVERSATION_TEAM,
                    FieldTarget.REQUESTER,
                    "name",
                    Direction.TO_CRM,
                    null,
                    null,
                    null)))
        .containsExactly("bridgeField");
  }

  @Test
  void typeCompatibility() {
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "int", null))).containsExactly("transform");
    assertThat(props(to(BridgeField.LAST_ORDER_TOTAL, "int", new Transform.NumberFormat(0, false))))
        .isEmpty();
    assertThat(props(to(BridgeField.LAST_ORDER_TOTAL, "dec", new Transform.NumberFormat(2, true))))
        .containsExactly("transform");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "when", null))).containsExactly("transform");
    assertThat(validate(to(BridgeField.CUSTOMER_NAME, "status", null)))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("map its values with an enum transform"));
    assertThat(props(to(BridgeField.CONVERSATION_STATUS, "status", null)))
        .containsExactly("transform");
    assertThat(
            props(
                to(
                    BridgeField.CONVERSATION_STATUS,
                    "status",
                    new Transform.EnumMap(Map.of("a", "zzz"), null))))
        .containsExactly("transform");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "flag", null))).containsExactly("transform");
    assertThat(props(to(null, "flag", new Transform.Constant("yes")))).containsExactly("transform");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "mail", null))).containsExactly("transform");
  }

  @Test
  void requiredFieldsNeedADefaultThatFitsEnumOptions() {
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "req", null))).containsExactly("defaultValue");
    assertThat(
            props(
                new FieldMapping(
                    BridgeField.CUSTOMER_NAME,
                    FieldTarget.TICKET,
                    "req",
                    Direction.TO_CRM,
                    null,
                    null,
                    "-")))
        .isEmpty();
    assertThat(
            props(
                new FieldMapping(
                    BridgeField.CONVERSATION_STATUS,
                    FieldTarget.TICKET,
                    "status",
                    Direction.TO_CRM,
                    new Transform.EnumMap(Map.of("solved", "resolved"), null),
                    null,
                    "bogus")))
        .containsExactly("defaultValue");
  }

  @Test
  void transformParametersAreChecked() {
    assertThat(
            props(
                to(
                    BridgeField.LAST_ORDER_DATE,
                    "text",
                    new Transform.DateTimeFormat("yyyy-MM-dd", "Mars/Base"))))
        .containsExactly("transform");
    assertThat(
            props(
                to(
                    BridgeField.LAST_ORDER_DATE,
                    "text",
                    new Transform.DateTimeFormat("{{bad", "UTC"))))
        .containsExactly("transform");
    assertThat(
            props(
                to(
                    BridgeField.CUSTOMER_PHONE,
                    "text",
                    new Transform.PhoneFormat(Transform.PhoneFormat.Style.E164, "XX"))))
        .containsExactly("transform");
    assertThat(props(to(BridgeField.ORDER_COUNT, "text", new Transform.NumberFormat(11, false))))
        .containsExactly("transform");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "text", new Transform.Truncate(0))))
        .containsExactly("transform");
    assertThat(props(to(BridgeField.CUSTOMER_NAME, "text", new Transform.EnumMap(Map.of(), "x"))))
        .containsExactly("transform");
    assertThat(
            props(to(null, "text", new Transform.TemplateString("{customer.name} {nope} {{x}}"))))
        .containsExactly("transform");
  }
}
