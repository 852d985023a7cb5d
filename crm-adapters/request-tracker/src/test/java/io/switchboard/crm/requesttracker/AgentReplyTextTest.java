package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HTML replies as RT 5.0.3 stores them (its CKEditor, REST2 with ContentType text/html, mail). */
class AgentReplyTextTest {

  @Test
  @DisplayName("a reply typed in RT's web editor loses the editor's trailing empty paragraph")
  void ckeditorTrailingParagraph() {
    assertThat(AgentReplyText.fromHtml("<p>Your order ships tomorrow.</p><p>&nbsp;</p>"))
        .isEqualTo("Your order ships tomorrow.");
    assertThat(AgentReplyText.fromHtml("<p>Your order ships tomorrow.</p>\n\n<p>&nbsp;</p>\n"))
        .isEqualTo("Your order ships tomorrow.");
    assertThat(AgentReplyText.fromHtml("<p>Thanks!<br />\n<br />\n&nbsp;</p>\n"))
        .isEqualTo("Thanks!");
  }

  @Test
  @DisplayName("the body stored by RT for an HTML reply: entities decoded, Arabic kept as written")
  void storedByRt() {
    // GET /REST/2.0/transaction/216/attachments on the test RT, after a REST2 correspond with
    // ContentType text/html (RT's own text rendering of it ends with two newlines)
    String stored =
        "<p>Your order ships <b>tomorrow</b> &amp; arrives Friday.</p><p>شكراً لك</p><p>&nbsp;</p>";

    assertThat(AgentReplyText.fromHtml(stored))
        .isEqualTo("Your order ships tomorrow & arrives Friday.\n\nشكراً لك");
  }

  @Test
  @DisplayName("right-to-left paragraphs, marks and numeric entities survive")
  void rightToLeft() {
    String html =
        "<p dir=\"rtl\">مرحباً كيري، طلبك رقم ٤٥٦٧ في الطريق&nbsp;&#x200F;</p>"
            + "<p dir=\"rtl\">&#1588;&#1603;&#1585;&#1575;&#1611; &lt;3 &quot;Switchboard&quot;</p>"
            + "<p>&nbsp;</p>";

    assertThat(AgentReplyText.fromHtml(html))
        .isEqualTo("مرحباً كيري، طلبك رقم ٤٥٦٧ في الطريق \u200F\n\nشكراً <3 \"Switchboard\"");
  }

  @Test
  @DisplayName("<br> is a line break, <div> a line, <p> a paragraph, list items get dashes")
  void structure() {
    assertThat(AgentReplyText.fromHtml("<div>Line one</div><div>Line two<br>Line three</div>"))
        .isEqualTo("Line one\nLine two\nLine three");
    assertThat(
            AgentReplyText.fromHtml(
                "<p>Hello Kerry,</p><p>your options:</p><ul><li>pick-up</li>"
                    + "<li>delivery <em>(free)</em></li></ul><p>Regards,<br>Ana</p>"))
        .isEqualTo(
            "Hello Kerry,\n\nyour options:\n\n- pick-up\n- delivery (free)\n\nRegards,\nAna");
  }

  @Test
  @DisplayName("white space collapses like in a browser, except in <pre>")
  void whiteSpace() {
    assertThat(AgentReplyText.fromHtml("<p>  Your\n   order \t ships</p>"))
        .isEqualTo("Your order ships");
    assertThat(AgentReplyText.fromHtml("<pre>code  1\n  indented</pre>"))
        .isEqualTo("code  1\n  indented");
    assertThat(AgentReplyText.fromHtml("<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>"))
        .isEqualTo("a\n\nb");
  }

  @Test
  @DisplayName("links keep their address; styles, scripts and the head of a mail are dropped")
  void linksAndNoise() {
    assertThat(
            AgentReplyText.fromHtml(
                "<p>Track it <a href=\"https://track.example/4567\">here</a> or at"
                    + " <a href=\"https://track.example\">https://track.example</a></p>"))
        .isEqualTo("Track it here (https://track.example/4567) or at https://track.example");
    assertThat(
            AgentReplyText.fromHtml(
                "<html><head><title>Re: order</title><style>p{margin:0}</style></head>"
                    + "<body><p>Done.</p><script>alert(1)</script></body></html>"))
        .isEqualTo("Done.");
  }

  @Test
  @DisplayName("an empty editor gives no text")
  void empty() {
    assertThat(AgentReplyText.fromHtml("<p>&nbsp;</p>")).isNull();
    assertThat(AgentReplyText.fromHtml("")).isNull();
    assertThat(AgentReplyText.fromHtml(null)).isNull();
  }

  @Test
  @DisplayName("plain text keeps its lines and loses trailing blank lines, spaces and CRs")
  void plain() {
    assertThat(
            AgentReplyText.fromPlain("Your order ships tomorrow & arrives Friday.\n\nشكراً لك\n\n"))
        .isEqualTo("Your order ships tomorrow & arrives Friday.\n\nشكراً لك");
    assertThat(AgentReplyText.fromPlain("Hello,  \r\n  indented\r\n\r\n"))
        .isEqualTo("Hello,\n  indented");
    assertThat(AgentReplyText.fromPlain("<b>not HTML</b> &amp;"))
        .isEqualTo("<b>not HTML</b> &amp;");
    assertThat(AgentReplyText.fromPlain(" \n\n ")).isNull();
  }
}
