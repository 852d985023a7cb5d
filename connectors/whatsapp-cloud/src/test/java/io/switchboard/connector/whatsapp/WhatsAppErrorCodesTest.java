package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.FailureReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One mapping of WhatsApp error codes for sends and statuses alike. */
class WhatsAppErrorCodesTest {

  @Test
  @DisplayName("the common codes map to their neutral reasons")
  void commonCodes() {
    assertThat(WhatsAppErrorCodes.reason("131047")).isEqualTo(FailureReason.WINDOW_CLOSED);
    assertThat(WhatsAppErrorCodes.reason("131026")).isEqualTo(FailureReason.RECIPIENT_UNREACHABLE);
    assertThat(WhatsAppErrorCodes.reason("131051")).isEqualTo(FailureReason.UNSUPPORTED_CONTENT);
    assertThat(WhatsAppErrorCodes.reason("131053")).isEqualTo(FailureReason.MEDIA_PROBLEM);
    assertThat(WhatsAppErrorCodes.reason("131056")).isEqualTo(FailureReason.RECIPIENT_RATE_LIMITED);
    assertThat(WhatsAppErrorCodes.isRetryable("131056")).isTrue();
    for (String code : new String[] {"130429", "131048", "131049"}) {
      assertThat(WhatsAppErrorCodes.reason(code)).as(code).isEqualTo(FailureReason.RATE_LIMITED);
      assertThat(WhatsAppErrorCodes.isRetryable(code)).as(code).isTrue();
    }
    assertThat(WhatsAppErrorCodes.reason("190")).isEqualTo(FailureReason.AUTH_FAILED);
    assertThat(WhatsAppErrorCodes.reason("100")).isEqualTo(FailureReason.INVALID_CONTENT);
    assertThat(WhatsAppErrorCodes.isRetryable("131047")).isFalse();
  }

  @Test
  @DisplayName("every code from 132000 to 132016 is a template problem with an explanation")
  void templateRange() {
    for (int code = 132000; code <= 132016; code++) {
      assertThat(WhatsAppErrorCodes.reason(Integer.toString(code)))
          .isEqualTo(FailureReason.TEMPLATE_PROBLEM);
      assertThat(WhatsAppErrorCodes.explain(Integer.toString(code))).isPresent();
    }
    assertThat(WhatsAppErrorCodes.reason("132017")).isEqualTo(FailureReason.OTHER);
  }

  @Test
  @DisplayName("explanations are plain words; unknown or missing codes have none and are OTHER")
  void explanations() {
    assertThat(WhatsAppErrorCodes.explain("131047"))
        .hasValueSatisfying(e -> assertThat(e).contains("24 hours").contains("template"));
    assertThat(WhatsAppErrorCodes.explain("999999")).isEmpty();
    assertThat(WhatsAppErrorCodes.explain(null)).isEmpty();
    assertThat(WhatsAppErrorCodes.reason(null)).isEqualTo(FailureReason.OTHER);
    assertThat(WhatsAppErrorCodes.reason("not a code")).isEqualTo(FailureReason.OTHER);
  }

  @Test
  @DisplayName("every code the issue lists is explained for an agent, in English, without jargon")
  void issueCodesAreExplainedForAgents() {
    java.util.List<String> codes =
        new java.util.ArrayList<>(
            java.util.List.of(
                "131047", "131026", "131051", "131053", "130429", "131056", "131048", "131049",
                "190"));
    for (int code = 132000; code <= 132016; code++) {
      codes.add(Integer.toString(code));
    }
    for (String code : codes) {
      assertThat(WhatsAppErrorCodes.explain(code))
          .as(code)
          .hasValueSatisfying(
              e ->
                  assertThat(e)
                      .hasSizeGreaterThan(30)
                      .doesNotContainIgnoringCase("parameter")
                      .doesNotContainIgnoringCase("http")
                      .doesNotContainIgnoringCase("json")
                      .doesNotContainIgnoringCase("oauth")
                      .as("one clause, joined into longer messages")
                      .doesNotEndWith("."));
    }
    assertThat(WhatsAppErrorCodes.explain("131056")).get().asString().contains("few seconds");
    assertThat(WhatsAppErrorCodes.explain("190")).get().asString().contains("administrator");
  }
}
