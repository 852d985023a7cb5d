package io.switchboard.crm.requesttracker;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an agent's reply as a customer should see it in a chat. RT's rich-text editor
 * (CKEditor) stores replies as {@code text/html} only, e.g. {@code <p>Your order ships
 * tomorrow.</p><p>&nbsp;</p>}; jsoup parses that HTML like a browser (entities decoded, Arabic and
 * other right-to-left text kept as it is) and this walk maps its structure to line breaks:
 *
 * <ul>
 *   <li>{@code <br>} is a line break, a paragraph ({@code <p>}, headings, quotes) ends with a blank
 *       line, and {@code <div>}, table rows and list items end their line; list items start with
 *       {@code "- "};
 *   <li>white space inside text collapses as in a browser (except in {@code <pre>}); a link whose
 *       text is not its address is written {@code text (address)};
 *   <li>the editor's empty paragraphs and trailing breaks, spaces at the end of lines and blank
 *       lines at the start and end are dropped, and never more than one blank line follows another
 *       line.
 * </ul>
 */
final class AgentReplyText {
  private static final Set<String> PARAGRAPHS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table");
  private static final Set<String> LINES =
      Set.of("div", "li", "tr", "dt", "dd", "address", "section", "article", "header", "footer");
  private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template");
  private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t\\u00a0]+(?=\\n|$)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private AgentReplyText() {}

  /** The text of an HTML reply, or {@code null} when it shows no text. */
  static String fromHtml(String html) {
    if (html == null) {
      return null;
    }
    Element body = Jsoup.parse(html).body();
    TextWriter writer = new TextWriter();
    NodeTraversor.traverse(writer, body);
    return tidy(writer.text.toString());
  }

  /**
   * A plain-text reply without its trailing blank lines and spaces, with {@code \n} line ends, or
   * {@code null} when it is blank.
   */
  static String fromPlain(String text) {
    return text == null ? null : tidy(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  /** The tidied text, or {@code null} when nothing but white space is left. */
  private static String tidy(String text) {
    String lines = TRAILING_SPACES.matcher(text).replaceAll("");
    lines = BLANK_LINES.matcher(lines).replaceAll("\n\n").strip().replace('\u00a0', ' ');
    return lines.isEmpty() ? null : lines;
  }

  /** Writes text nodes and the line breaks their elements stand for. */
  private static final class TextWriter implements NodeVisitor {
    final StringBuilder text = new StringBuilder();
    private int preformatted;
    private int skipped;

    @Override
    public void head(Node node, int depth) {
      if (skipped > 0) {
        if (node instanceof Element) {
          skipped++;
        }
        return;
      }
      if (node instanceof TextNode textNode) {
        write(textNode.getWholeText());
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
          skipped++;
        } else if (tag.equals("br")) {
          text.append('\n');
        } else if (PARAGRAPHS.contains(tag) || LINES.contains(tag)) {
          endLine();
          if (tag.equals("pre")) {
            preformatted++;
          } else if (tag.equals("li")) {
            text.append("- ");
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return;
      }
      if (skipped > 0) {
        skipped--;
        return;
      }
      String tag = element.normalName();
      if (tag.equals("pre")) {
        preformatted--;
      }
      if (PARAGRAPHS.contains(tag)) {
        endLine();
        text.append('\n');
      } else if (LINES.contains(tag)) {
        endLine();
      } else if (tag.equals("a")) {
        String href = element.attr("href");
        String label = element.text().strip();
        if (href.toLowerCase(Locale.ROOT).matches("(https?|mailto|tel):.+")
            && !label.isEmpty()
            && !href.equalsIgnoreCase(label)
            && !href.equalsIgnoreCase("mailto:" + label)
            && !href.equalsIgnoreCase("tel:" + label)) {
          text.append(" (").append(href).append(')');
        }
      }
    }

    private void write(String raw) {
      if (preformatted > 0) {
        text.append(raw);
        return;
      }
      String collapsed = HTML_WHITESPACE.matcher(raw).replaceAll(" ");
      if (atLineStart() || endsWithSpace()) {
        collapsed = collapsed.stripLeading();
      }
      text.append(collapsed);
    }

    private void endLine() {
      if (!atLineStart()) {
        text.append('\n');
      }
    }

    private boolean atLineStart() {
      return text.length() == 0 || text.charAt(text.length() - 1) == '\n';
    }

    private boolean endsWithSpace() {
      return text.length() > 0 && text.charAt(text.length() - 1) == ' ';
    }
  }
}
