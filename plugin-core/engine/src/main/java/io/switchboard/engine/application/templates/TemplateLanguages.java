package io.switchboard.engine.application.templates;

import io.switchboard.engine.domain.ChannelTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches a customer's language (BCP 47, {@code en-US}) with template languages (WhatsApp codes,
 * {@code en_US}, {@code ar}): the same tag first, then the same language.
 */
public final class TemplateLanguages {
  private TemplateLanguages() {}

  /** How well a template language fits a customer's: 2 same tag, 1 same language, 0 neither. */
  static int fit(String templateLanguage, String customerLanguage) {
    if (customerLanguage == null || customerLanguage.isBlank()) {
      return 0;
    }
    String t = normal(templateLanguage);
    String c = normal(customerLanguage);
    if (t.equals(c)) {
      return 2;
    }
    return primary(t).equals(primary(c)) ? 1 : 0;
  }

  /** The one template that fits the customer's language best, if exactly one fits best. */
  public static Optional<ChannelTemplate> bestFor(List<ChannelTemplate> named, String customer) {
    int best = named.stream().mapToInt(t -> fit(t.language(), customer)).max().orElse(0);
    if (best == 0) {
      return Optional.empty();
    }
    List<ChannelTemplate> top =
        named.stream().filter(t -> fit(t.language(), customer) == best).toList();
    return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
  }

  /** Templates ordered for a customer: their language first, then by name and language. */
  public static List<ChannelTemplate> customersFirst(List<ChannelTemplate> all, String customer) {
    return all.stream()
        .sorted(
            Comparator.comparingInt((ChannelTemplate t) -> -fit(t.language(), customer))
                .thenComparing(ChannelTemplate::name)
                .thenComparing(ChannelTemplate::language))
        .toList();
  }

  private static String normal(String tag) {
    return tag.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  private static String primary(String normal) {
    int u = normal.indexOf('_');
    return u < 0 ? normal : normal.substring(0, u);
  }
}
