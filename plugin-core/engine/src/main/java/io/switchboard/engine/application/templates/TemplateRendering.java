package io.switchboard.engine.application.templates;

import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.content.TemplateParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a customer sees for a template with its parameters filled in (header, body, footer), for
 * the conversation's timeline and the CRM note. Currency and date values show their fallback text.
 */
public final class TemplateRendering {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

  private TemplateRendering() {}

  public static String render(
      List<TemplateDefinition.Part> parts,
      List<TemplateParameter> header,
      List<TemplateParameter> body) {
    List<String> lines = new ArrayList<>();
    for (TemplateDefinition.Part p : parts) {
      switch (p.type()) {
        case "HEADER" -> {
          if (p.format() != null && !"TEXT".equals(p.format())) {
            lines.add("[" + capitalised(p.format()) + "]");
          } else if (p.text() != null) {
            lines.add(fill(p.text(), header, p.parameterNames()));
          }
        }
        case "BODY" -> {
          if (p.text() != null) {
            lines.add(fill(p.text(), body, p.parameterNames()));
          }
        }
        case "FOOTER" -> {
          if (p.text() != null) {
            lines.add(p.text());
          }
        }
        default -> {}
      }
    }
    return String.join("\n", lines);
  }

  /** The placeholders of a text filled with values: {@code {{1}}} by position, others by name. */
  static String fill(String text, List<TemplateParameter> values, List<String> names) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      TemplateParameter value = lookup(key, values, names);
      String shown = value == null ? m.group() : shown(value);
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static TemplateParameter lookup(
      String key, List<TemplateParameter> values, List<String> names) {
    if (key.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(key) - 1;
      return i >= 0 && i < values.size() ? values.get(i) : null;
    }
    for (TemplateParameter v : values) {
      if (key.equals(v.name())) {
        return v;
      }
    }
    int i = names.indexOf(key);
    return i >= 0 && i < values.size() && values.get(i).name() == null ? values.get(i) : null;
  }

  /** How a value reads in the rendered text. */
  static String shown(TemplateParameter value) {
    if (value instanceof TemplateParameter.TextValue t) {
      return t.text();
    }
    if (value instanceof TemplateParameter.CurrencyValue c) {
      return c.fallback();
    }
    if (value instanceof TemplateParameter.DateTimeValue d) {
      return d.fallback();
    }
    TemplateParameter.MediaValue media = (TemplateParameter.MediaValue) value;
    return "[" + capitalised(media.media().kind().name()) + "]";
  }

  private static String capitalised(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
