package io.switchboard.engine.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The mapping page's static files, checked without a browser: both bundles say the same things,
 * every message the page asks for exists, and nothing would break the Content-Security-Policy or
 * turn data into markup.
 */
@DisplayName("The mapping page's files")
class MappingPageAssetsTest {
  static final Path PAGE = Path.of("src/main/webapp/admin/mapping");
  static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
  static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([^'$]+)'");

  @Test
  @DisplayName("English and Arabic bundles have the same messages, with the same placeholders")
  void bundlesMatch() throws IOException {
    JsonObject en = bundle("en");
    JsonObject ar = bundle("ar");
    Set<String> base = new TreeSet<>(en.keySet());
    base.removeIf(k -> k.endsWith(".one") || k.endsWith(".other")); // plural forms are optional
    assertThat(ar.keySet()).containsAll(base);
    assertThat(en.keySet()).containsAll(ar.keySet());
    for (String key : base) {
      assertThat(placeholders(ar.getString(key)))
          .as("placeholders of %s", key)
          .isEqualTo(placeholders(en.getString(key)));
    }
  }

  @Test
  @DisplayName("every message key in the HTML and the scripts is in the English bundle")
  void everyKeyExists() throws IOException {
    Set<String> used =
        new TreeSet<>(matches(HTML_KEY, Files.readString(PAGE.resolve("index.html"))));
    for (Path script : scripts()) {
      String code = Files.readString(script).replaceAll("(?m)^\\s*(//|/?\\*).*$", "");
      used.addAll(matches(SCRIPT_KEY, code));
    }
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(bundle("en").keySet()).containsAll(used);
  }

  @Test
  @DisplayName("no inline script, style or event handler (the CSP would block them)")
  void nothingInline() throws IOException {
    String html = Files.readString(PAGE.resolve("index.html"));
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    assertThat(html).doesNotContain("<style").doesNotContain("style=");
    assertThat(html).doesNotContainPattern("\\son[a-z]+=");
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  @DisplayName("scripts never parse strings as markup or code")
  void noMarkupFromStrings() throws IOException {
    for (Path script : scripts()) {
      assertThat(Files.readString(script))
          .as(script.toString())
          .doesNotContain("innerHTML")
          .doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write")
          .doesNotContain("eval(")
          .doesNotContain("new Function");
    }
  }

  private static JsonObject bundle(String lang) throws IOException {
    String text = Files.readString(PAGE.resolve("i18n/" + lang + ".json"));
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(PAGE.resolve("js"))) {
      return files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
    }
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Set<String> placeholders(String message) {
    return matches(Pattern.compile("\\{(\\w+)}"), message);
  }
}
