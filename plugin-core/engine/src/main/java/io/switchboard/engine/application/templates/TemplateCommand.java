package io.switchboard.engine.application.templates;

import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.TemplateParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /template} command an agent types as a reply in the CRM to send a template without
 * leaving it: {@code /template <name> [<language>] [<value> | <value> | ...]}, e.g. {@code
 * /template order_update 4567 | Monday} or {@code /template order_update ar ٤٥٦٧ | الاثنين}.
 *
 * <p>Values are separated by {@code |} (spaces around it are dropped); {@code \|} is a literal bar
 * and {@code \\} a backslash. They fill the template's placeholders in order: the header's (a link
 * for an image, video or document header), then the body's, then each URL or coupon button's. The
 * second word is the language when the template exists in that language; otherwise it is the start
 * of the first value.
 *
 * @param name the template name
 * @param languageOrWord the second word when it looks like a language code, else {@code null}
 * @param values the values after the name, the second word included
 * @param valuesAfterLanguage the values when the second word is the language
 */
public record TemplateCommand(
    String name, String languageOrWord, List<String> values, List<String> valuesAfterLanguage) {
  public static final String PREFIX = "/template";
  private static final Pattern COMMAND =
      Pattern.compile("^/template[ \\t]+(\\S+)(?:[ \\t]+(.*))?$", Pattern.DOTALL);
  private static final Pattern LANGUAGE =
      Pattern.compile("^([a-z]{2,3}(?:_[A-Za-z]{2,4})?)(?:[ \\t]+(.*))?$", Pattern.DOTALL);

  public TemplateCommand {
    values = List.copyOf(values);
    valuesAfterLanguage = List.copyOf(valuesAfterLanguage);
  }

  /** Whether a reply's text is meant as a command (so a malformed one is not sent as text). */
  public static boolean isCommand(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip();
    return t.equals(PREFIX) || t.startsWith(PREFIX + " ") || t.startsWith(PREFIX + "\t");
  }

  /**
   * @return the command, or empty when the text is no command or names no template
   */
  public static Optional<TemplateCommand> parse(String text) {
    if (!isCommand(text)) {
      return Optional.empty();
    }
    Matcher m = COMMAND.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String rest = m.group(2) == null ? "" : m.group(2).strip();
    List<String> all = split(rest);
    Matcher lang = LANGUAGE.matcher(rest);
    if (lang.matches()) {
      String after = lang.group(2) == null ? "" : lang.group(2).strip();
      return Optional.of(new TemplateCommand(m.group(1), lang.group(1), all, split(after)));
    }
    return Optional.of(new TemplateCommand(m.group(1), null, all, all));
  }

  /** The values split on unescaped bars, unescaped and trimmed; none for blank text. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\'
          && i + 1 < text.length()
          && (text.charAt(i + 1) == '|' || text.charAt(i + 1) == '\\')) {
        current.append(text.charAt(++i));
      } else if (c == '|') {
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString().strip());
    return out;
  }

  /**
   * Checks the command against the account's templates of its name: the second word is the language
   * when the template exists in it; otherwise the only language, or the customer's.
   */
  public TemplateValidator.Checked checkAgainst(
      List<io.switchboard.engine.domain.ChannelTemplate> named, String customerLanguage) {
    boolean secondWordIsLanguage =
        languageOrWord != null && named.stream().anyMatch(t -> t.language().equals(languageOrWord));
    Optional<io.switchboard.engine.domain.ChannelTemplate> shape =
        secondWordIsLanguage
            ? named.stream().filter(t -> t.language().equals(languageOrWord)).findFirst()
            : named.size() == 1
                ? Optional.of(named.get(0))
                : TemplateLanguages.bestFor(named, customerLanguage);
    TemplateRequest request =
        requestFor(
            shape.map(io.switchboard.engine.domain.ChannelTemplate::language).orElse(null),
            secondWordIsLanguage,
            shape.map(TemplatePartsJson::partsOf).orElse(List.of()));
    return TemplateValidator.check(request, named, customerLanguage);
  }

  /**
   * The request this command makes for a template of the given parts: its values fill the header,
   * the body, then the buttons that take a value; values left over go to the body (so the count
   * check names the body).
   */
  public TemplateRequest requestFor(
      String language, boolean secondWordIsLanguage, List<TemplateDefinition.Part> parts) {
    List<String> queue = new ArrayList<>(secondWordIsLanguage ? valuesAfterLanguage : values);
    List<TemplateParameter> header = new ArrayList<>();
    List<TemplateParameter> body = new ArrayList<>();
    Map<Integer, List<TemplateParameter>> buttons = new LinkedHashMap<>();
    for (TemplateDefinition.Part p : parts) {
      if ("HEADER".equals(p.type())) {
        for (int i = 0; i < p.parameterCount() && !queue.isEmpty(); i++) {
          header.add(headerValue(p.format(), queue.remove(0)));
        }
      }
    }
    for (TemplateDefinition.Part p : parts) {
      if ("BODY".equals(p.type())) {
        for (int i = 0; i < p.parameterCount() && !queue.isEmpty(); i++) {
          body.add(TemplateParameter.text(queue.remove(0)));
        }
      }
    }
    for (TemplateDefinition.Part p : parts) {
      if ("BUTTON".equals(p.type()) && p.parameterCount() > 0 && !queue.isEmpty()) {
        List<TemplateParameter> values = new ArrayList<>();
        for (int i = 0; i < p.parameterCount() && !queue.isEmpty(); i++) {
          values.add(TemplateParameter.text(queue.remove(0)));
        }
        buttons.put(p.buttonIndex(), values);
      }
    }
    queue.forEach(v -> body.add(TemplateParameter.text(v)));
    return new TemplateRequest(name, language, header, body, buttons);
  }

  private static TemplateParameter headerValue(String format, String value) {
    boolean media = "IMAGE".equals(format) || "VIDEO".equals(format) || "DOCUMENT".equals(format);
    if (media && (value.startsWith("https://") || value.startsWith("http://"))) {
      return TemplateParameter.media(Media.byLink(MediaKind.valueOf(format), value, null));
    }
    return TemplateParameter.text(value);
  }

  /** How to write the command for a template, for notes to agents. */
  public static String usage(String name, String language, List<TemplateDefinition.Part> parts) {
    StringBuilder b =
        new StringBuilder(PREFIX).append(' ').append(name).append(' ').append(language);
    List<String> placeholders = new ArrayList<>();
    for (TemplateDefinition.Part p : parts) {
      for (int i = 0; i < p.parameterCount(); i++) {
        String example = i < p.examples().size() ? p.examples().get(i) : null;
        String label = p.type().toLowerCase(java.util.Locale.ROOT) + " " + (i + 1);
        if ("BUTTON".equals(p.type())) {
          label = "button " + p.buttonIndex();
        }
        placeholders.add(example == null || example.isBlank() ? "<" + label + ">" : example);
      }
    }
    if (!placeholders.isEmpty()) {
      b.append(' ').append(String.join(" | ", placeholders));
    }
    return b.toString();
  }
}
