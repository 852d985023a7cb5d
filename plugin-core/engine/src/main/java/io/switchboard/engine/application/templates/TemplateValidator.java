package io.switchboard.engine.application.templates;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a template send against the synced definition before anything goes out, so that Meta never
 * has to refuse it (132000 wrong parameter count, 132001 unknown template or language, 132012
 * parameter format, 132015 paused, 132016 disabled, 132018 parameter text): every problem found is
 * reported, one reason each.
 */
public final class TemplateValidator {
  /**
   * Meta refuses parameter text with new lines, tabs or more than four spaces in a row (132018).
   */
  private static final Pattern BAD_TEXT = Pattern.compile("[\\n\\r\\t]| {5,}");

  private TemplateValidator() {}

  /**
   * The outcome of a check.
   *
   * @param content the template to send when valid, else {@code null}
   * @param rendered the text the customer will see when valid, else {@code null}
   * @param definition the stored template it was checked against, or {@code null}
   * @param problems every problem found, empty when valid
   */
  public record Checked(
      Template content,
      String rendered,
      ChannelTemplate definition,
      List<TemplateProblem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * @param request what is to be sent
   * @param named the stored templates of the account with the request's name (every language)
   * @param customerLanguage the customer's BCP 47 language, or {@code null}
   */
  public static Checked check(
      TemplateRequest request, List<ChannelTemplate> named, String customerLanguage) {
    Optional<ChannelTemplate> chosen = Optional.empty();
    List<TemplateProblem> problems = new ArrayList<>();
    if (named.isEmpty()) {
      problems.add(
          new TemplateProblem(
              "unknown-template",
              "template",
              "no template named "
                  + request.name()
                  + " is synced for this channel account (sync with POST"
                  + " /admin/channels/{id}/templates/sync if it was created just now)"));
    } else {
      chosen = choose(request, named, customerLanguage, problems);
    }
    if (chosen.isEmpty()) {
      return new Checked(null, null, null, List.copyOf(problems));
    }
    ChannelTemplate t = chosen.get();
    if (!t.approved()) {
      problems.add(
          new TemplateProblem(
              "not-approved",
              "template",
              t.name()
                  + " ("
                  + t.language()
                  + ") is "
                  + t.status()
                  + (t.statusReason() == null ? "" : " (" + t.statusReason() + ")")
                  + ": only APPROVED templates can be sent"));
    }
    List<TemplateDefinition.Part> parts = TemplatePartsJson.partsOf(t);
    List<TemplateComponent> components = new ArrayList<>();
    List<TemplateParameter> header = checkHeader(part(parts, "HEADER"), request, problems);
    List<TemplateParameter> body = checkBody(part(parts, "BODY"), request, problems);
    if (!header.isEmpty()) {
      components.add(new TemplateComponent(TemplateComponent.Part.HEADER, -1, null, header));
    }
    if (!body.isEmpty()) {
      components.add(new TemplateComponent(TemplateComponent.Part.BODY, -1, null, body));
    }
    components.addAll(checkButtons(parts, request, problems));
    if (!problems.isEmpty()) {
      return new Checked(null, null, t, List.copyOf(problems));
    }
    return new Checked(
        new Template(t.name(), t.language(), components),
        TemplateRendering.render(parts, header, body),
        t,
        List.of());
  }

  private static Optional<ChannelTemplate> choose(
      TemplateRequest request,
      List<ChannelTemplate> named,
      String customerLanguage,
      List<TemplateProblem> problems) {
    String languages = String.join(", ", named.stream().map(ChannelTemplate::language).toList());
    if (request.language() != null) {
      Optional<ChannelTemplate> exact =
          named.stream().filter(t -> t.language().equals(request.language())).findFirst();
      if (exact.isEmpty()) {
        problems.add(
            new TemplateProblem(
                "language-missing",
                "template",
                request.name()
                    + " has no "
                    + request.language()
                    + " version; it exists in "
                    + languages));
      }
      return exact;
    }
    if (named.size() == 1) {
      return Optional.of(named.get(0));
    }
    Optional<ChannelTemplate> customers = TemplateLanguages.bestFor(named, customerLanguage);
    if (customers.isEmpty()) {
      problems.add(
          new TemplateProblem(
              "language-required",
              "template",
              request.name() + " exists in " + languages + ": name the language"));
    }
    return customers;
  }

  private static List<TemplateParameter> checkHeader(
      TemplateDefinition.Part header, TemplateRequest request, List<TemplateProblem> problems) {
    List<TemplateParameter> given = request.header();
    int expected = header == null ? 0 : header.parameterCount();
    String format = header == null || header.format() == null ? "TEXT" : header.format();
    if (header == null) {
      if (!given.isEmpty()) {
        problems.add(
            new TemplateProblem(
                "unknown-part", "header", "the template has no header, so it takes no parameters"));
      }
      return given;
    }
    if ("LOCATION".equals(format)) {
      problems.add(
          new TemplateProblem(
              "not-implemented",
              "header",
              "location headers cannot be sent through Switchboard yet (not implemented)"));
      return given;
    }
    if (!countFits("header", expected, given.size(), problems)) {
      return given;
    }
    for (int i = 0; i < given.size(); i++) {
      TemplateParameter p = given.get(i);
      if ("TEXT".equals(format)) {
        checkText("header", i, p, problems);
      } else if (!(p instanceof TemplateParameter.MediaValue m)
          || !m.media().kind().name().equals(format)) {
        problems.add(
            new TemplateProblem(
                "parameter-type",
                "header",
                "the header is "
                    + article(format)
                    + " "
                    + format.toLowerCase(Locale.ROOT)
                    + ": give media of kind "
                    + format.toLowerCase(Locale.ROOT)
                    + " with a link, not "
                    + typeOf(p)));
      }
    }
    return named(given, header.parameterNames(), "header", problems);
  }

  private static List<TemplateParameter> checkBody(
      TemplateDefinition.Part body, TemplateRequest request, List<TemplateProblem> problems) {
    List<TemplateParameter> given = request.body();
    int expected = body == null ? 0 : body.parameterCount();
    if (!countFits("body", expected, given.size(), problems)) {
      return given;
    }
    for (int i = 0; i < given.size(); i++) {
      TemplateParameter p = given.get(i);
      if (p instanceof TemplateParameter.MediaValue) {
        problems.add(
            new TemplateProblem(
                "parameter-type",
                "body",
                "parameter "
                    + (i + 1)
                    + " is media; the body takes text, currency or date_time values"));
      } else {
        checkText("body", i, p, problems);
      }
    }
    return body == null ? given : named(given, body.parameterNames(), "body", problems);
  }

  private static List<TemplateComponent> checkButtons(
      List<TemplateDefinition.Part> parts,
      TemplateRequest request,
      List<TemplateProblem> problems) {
    List<TemplateDefinition.Part> buttons =
        parts.stream().filter(p -> "BUTTON".equals(p.type())).toList();
    List<TemplateComponent> out = new ArrayList<>();
    for (Map.Entry<Integer, List<TemplateParameter>> e : request.buttons().entrySet()) {
      String where = "button " + e.getKey();
      Optional<TemplateDefinition.Part> def =
          buttons.stream().filter(b -> b.buttonIndex() == e.getKey()).findFirst();
      if (def.isEmpty()) {
        problems.add(
            new TemplateProblem(
                "unknown-part",
                where,
                "the template has "
                    + buttons.size()
                    + " button(s) (0-based index), none at "
                    + e.getKey()));
        continue;
      }
      if (!countFits(where, def.get().parameterCount(), e.getValue().size(), problems)) {
        continue;
      }
      for (int i = 0; i < e.getValue().size(); i++) {
        TemplateParameter p = e.getValue().get(i);
        if (p instanceof TemplateParameter.TextValue) {
          checkText(where, i, p, problems);
        } else {
          problems.add(
              new TemplateProblem(
                  "parameter-type", where, "a button takes a text value, not " + typeOf(p)));
        }
      }
      String kind = def.get().format() == null ? null : def.get().format().toLowerCase(Locale.ROOT);
      out.add(
          new TemplateComponent(
              TemplateComponent.Part.BUTTON, e.getKey(), kind, List.copyOf(e.getValue())));
    }
    for (TemplateDefinition.Part b : buttons) {
      if (b.parameterCount() > 0 && !request.buttons().containsKey(b.buttonIndex())) {
        countFits("button " + b.buttonIndex(), b.parameterCount(), 0, problems);
      }
    }
    return out;
  }

  private static boolean countFits(
      String where, int expected, int given, List<TemplateProblem> problems) {
    if (expected == given) {
      return true;
    }
    problems.add(
        new TemplateProblem(
            "parameter-count",
            where,
            "the "
                + where
                + " takes "
                + expected
                + " parameter"
                + (expected == 1 ? "" : "s")
                + ", got "
                + given));
    return false;
  }

  private static void checkText(
      String where, int index, TemplateParameter p, List<TemplateProblem> problems) {
    String text =
        p instanceof TemplateParameter.TextValue t
            ? t.text()
            : p instanceof TemplateParameter.CurrencyValue c
                ? c.fallback()
                : ((TemplateParameter.DateTimeValue) p).fallback();
    if (text.isBlank()) {
      problems.add(
          new TemplateProblem("parameter-empty", where, "parameter " + (index + 1) + " is empty"));
    } else if (BAD_TEXT.matcher(text).find()) {
      problems.add(
          new TemplateProblem(
              "parameter-format",
              where,
              "parameter "
                  + (index + 1)
                  + " has a line break, a tab or more than four spaces in a row, which WhatsApp"
                  + " refuses"));
    }
  }

  /**
   * Positional values of a named part get the part's names, in order; unknown names are refused.
   */
  private static List<TemplateParameter> named(
      List<TemplateParameter> given,
      List<String> names,
      String where,
      List<TemplateProblem> problems) {
    if (names.isEmpty()) {
      return given;
    }
    List<TemplateParameter> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      TemplateParameter p = given.get(i);
      if (p.name() != null && !names.contains(p.name())) {
        problems.add(
            new TemplateProblem(
                "parameter-name",
                where,
                "the "
                    + where
                    + " has no parameter named "
                    + p.name()
                    + " (it has "
                    + names
                    + ")"));
        out.add(p);
      } else {
        out.add(p.name() != null || i >= names.size() ? p : withName(p, names.get(i)));
      }
    }
    return out;
  }

  private static TemplateParameter withName(TemplateParameter p, String name) {
    if (p instanceof TemplateParameter.TextValue t) {
      return new TemplateParameter.TextValue(name, t.text());
    }
    if (p instanceof TemplateParameter.CurrencyValue c) {
      return new TemplateParameter.CurrencyValue(name, c.amount(), c.currency(), c.fallback());
    }
    if (p instanceof TemplateParameter.DateTimeValue d) {
      return new TemplateParameter.DateTimeValue(name, d.at(), d.fallback());
    }
    return new TemplateParameter.MediaValue(name, ((TemplateParameter.MediaValue) p).media());
  }

  private static TemplateDefinition.Part part(List<TemplateDefinition.Part> parts, String type) {
    return parts.stream().filter(p -> type.equals(p.type())).findFirst().orElse(null);
  }

  static String typeOf(TemplateParameter p) {
    if (p instanceof TemplateParameter.TextValue) {
      return "text";
    }
    if (p instanceof TemplateParameter.CurrencyValue) {
      return "currency";
    }
    if (p instanceof TemplateParameter.DateTimeValue) {
      return "date_time";
    }
    return "media (" + ((TemplateParameter.MediaValue) p).media().kind().typeName() + ")";
  }

  private static String article(String format) {
    return "IMAGE".equals(format) ? "an" : "a";
  }
}
