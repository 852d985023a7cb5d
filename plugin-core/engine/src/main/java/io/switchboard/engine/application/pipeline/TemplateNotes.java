package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.templates.TemplateCommand;
import io.switchboard.engine.application.templates.TemplatePartsJson;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import java.util.List;

/** How templates are described to agents in CRM notes. */
final class TemplateNotes {
  private TemplateNotes() {}

  /** {@code order_update (en_US), 2 parameters: Order {{1}} ships on {{2}}.} */
  static String describe(ChannelTemplate t) {
    ChannelTemplate.ParameterCounts c = t.parameterCounts();
    int n = c.header() + c.body() + c.buttons();
    String body =
        TemplatePartsJson.partsOf(t).stream()
            .filter(p -> "BODY".equals(p.type()) && p.text() != null)
            .map(TemplateDefinition.Part::text)
            .findFirst()
            .orElse("");
    return t.name()
        + " ("
        + t.language()
        + "), "
        + n
        + " parameter"
        + (n == 1 ? "" : "s")
        + ": "
        + body.replace('\n', ' ');
  }

  /** What each value of a template is, in the order the command takes them. */
  static String parameterList(ChannelTemplate t) {
    List<TemplateDefinition.Part> parts = TemplatePartsJson.partsOf(t);
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (TemplateDefinition.Part p : parts) {
      for (int i = 0; i < p.parameterCount(); i++) {
        n++;
        String where =
            "BUTTON".equals(p.type())
                ? "button " + p.buttonIndex() + " (" + p.format() + ")"
                : p.type().toLowerCase(java.util.Locale.ROOT)
                    + ("HEADER".equals(p.type()) && p.format() != null && !"TEXT".equals(p.format())
                        ? " " + p.format().toLowerCase(java.util.Locale.ROOT) + " link"
                        : " {{" + (i + 1) + "}}");
        String example = i < p.examples().size() ? p.examples().get(i) : null;
        b.append(n).append(". ").append(where);
        if (example != null && !example.isBlank()) {
          b.append(", e.g. ").append(example);
        }
        b.append('\n');
      }
    }
    if (n == 0) {
      b.append("(no parameters)\n");
    }
    return b.append("Use: ")
        .append(TemplateCommand.usage(t.name(), t.language(), parts))
        .append('\n')
        .toString();
  }
}
