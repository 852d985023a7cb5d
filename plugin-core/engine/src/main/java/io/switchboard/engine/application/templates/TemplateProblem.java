package io.switchboard.engine.application.templates;

import java.util.Objects;

/**
 * One reason a template send was refused before it went out.
 *
 * <pre>{@code
 * new TemplateProblem("parameter-count", "body", "the body takes 2 parameters, got 1")
 * }</pre>
 *
 * @param reason a stable code: {@code unknown-template}, {@code language-missing}, {@code
 *     language-required}, {@code not-approved}, {@code unknown-part}, {@code parameter-count},
 *     {@code parameter-type}, {@code parameter-empty}, {@code parameter-format}, {@code
 *     parameter-name}, {@code not-implemented}
 * @param part {@code template}, {@code header}, {@code body} or {@code button <n>}
 * @param detail a sentence for people
 */
public record TemplateProblem(String reason, String part, String detail) {
  public TemplateProblem {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return part + ": " + detail;
  }
}
