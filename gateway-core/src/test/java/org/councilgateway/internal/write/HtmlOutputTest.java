package org.councilgateway.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.councilgateway.internal.Text;
import org.junit.jupiter.api.Test;

/**
 * The meeting pack's output escapes each value in one pass exactly as jte's HTML escaping after
 * {@link Text#escape} did in two.
 */
class HtmlOutputTest {
  private static String content(String value) {
    HtmlOutput out = new HtmlOutput(16);
    out.setContext("td", null);
    out.writeUserContent(value);
    return out.toString();
  }

  private static String attribute(String tag, String name, String value) {
    HtmlOutput out = new HtmlOutput(16);
    out.setContext(tag, name);
    out.writeUserContent(value);
    return out.toString();
  }

  /** What the pack wrote before: the control characters escaped, then jte's escaping for HTML text. */
  private static String twoPasses(String value) {
    StringOutput out = new StringOutput();
    Escape.htmlContent(Text.escape(value), out);
    return out.toString();
  }

  @Test
  void content_escapesTheMarkupCharacters_andLeavesQuotesAndBackslashes() {
    assertThat(content("&")).isEqualTo("&amp;");
    assertThat(content("<")).isEqualTo("&lt;");
    assertThat(content(">")).isEqualTo("&gt;");
    assertThat(content("<img src=x onerror=alert(1)> & co")).isEqualTo("&lt;img src=x onerror=alert(1)&gt; &amp; co");
    assertThat(content("\"quoted\" 'single' back\\slash")).isEqualTo("\"quoted\" 'single' back\\slash");
  }

  @Test
  void content_showsControlCharactersAsTextEscapeDoes() {
    assertThat(content("a\nb")).isEqualTo("a\\u000ab");
    assertThat(content("\r\t\u0000")).isEqualTo("\\u000d\\u0009\\u0000");
    assertThat(content("\u001b[2J")).isEqualTo("\\u001b[2J");
    assertThat(content("\u007f\u0085\u009f")).isEqualTo("\\u007f\\u0085\\u009f");
    assertThat(content("\u2028\u2029")).isEqualTo("\\u2028\\u2029");
    assertThat(content("abc\u202edef\u2066\u2069")).isEqualTo("abc\\u202edef\\u2066\\u2069");
    assertThat(content("<\n&")).isEqualTo("&lt;\\u000a&amp;");
  }

  @Test
  void content_passesOtherCharactersThrough_surrogatesAndEmojiIncluded() {
    for (String text : new String[] {"\ud83d\ude00", "caf\u00e9 \u00a31,000", "\u4e2d\u6587", "\u200f\u00a0\ue000",
        "lone \ud800 and \udc00", "\u00a0\u00ff\u0100\u2027\u202f\u2065\u206a\uffff"}) {
      assertThat(content(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void content_withNothingToEscape_isAppendedAsItIs() {
    String text = "GEN-0000001 Generated proposal 1: \u00a3350,000 (rule SCOPE-001)";
    HtmlOutput out = new HtmlOutput(4);
    out.writeContent("<td>");
    out.setContext("td", null);
    out.writeUserContent(text);
    out.writeContent("</td>");

    assertThat(out.toString()).isEqualTo("<td>" + text + "</td>");
    assertThat(content("")).isEmpty();
  }

  @Test
  void content_everyCharacterAlone_asTheTwoPassesGaveIt() {
    List<String> different = new java.util.ArrayList<>();
    int escaped = 0;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String text = "x" + (char) c + "y";
      String expected = twoPasses(text);
      if (!content(text).equals(expected) || HtmlOutput.escapedInContent((char) c) == expected.equals(text)) {
        different.add(String.format("U+%04X", c));
      }
      escaped += expected.equals(text) ? 0 : 1;
    }

    assertThat(different).isEmpty();
    // 32 C0 controls, DEL and 32 C1 controls, two separators, five overrides, four isolates, & < >.
    assertThat(escaped).isEqualTo(32 + 1 + 32 + 2 + 5 + 4 + 3);
  }

  @Test
  void content_mixedText_asTheTwoPassesGaveIt() {
    char[] alphabet = "ab <>&\"'\\\n\r\t\u0000\u001b\u007f\u0085\u00a3\u00e9\u2028\u202e\u2069\u200f\ud83d\ude00"
        .toCharArray();
    SplittableRandom random = new SplittableRandom(13);
    for (int n = 0; n < 2_000; n++) {
      char[] text = new char[random.nextInt(12)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String value = new String(text);
      assertThat(content(value)).as(Text.escape(value)).isEqualTo(twoPasses(value));
    }
  }

  @Test
  void attribute_escapesQuotesAmpersandAndLessThan_asJteDoes_andLeavesTheRest() {
    String id = "X\"><script>alert('1')</script> & a\nb \ud83d\ude00";
    StringOutput jte = new StringOutput();
    Escape.htmlAttribute(id, jte);

    assertThat(attribute("section", "id", id))
        .isEqualTo("X&#34;>&lt;script>alert(&#39;1&#39;)&lt;/script> &amp; a\nb \ud83d\ude00")
        .isEqualTo(jte.toString());
    assertThat(attribute("section", "id", "NL-2027-001")).isEqualTo("NL-2027-001");
    assertThat(attribute("a", "href", "#a%20b%22%3C")).isEqualTo("#a%20b%22%3C");
  }

  @Test
  void aJavascriptLink_isDropped_andAnEventHandlerOrScriptIsEscapedForJavaScript() {
    assertThat(attribute("a", "href", " JavaScript:alert(1)")).isEmpty();
    assertThat(attribute("div", "onclick", "f('x\")")).isEqualTo("f(\\x27x\\x22)");
    HtmlOutput out = new HtmlOutput(16);
    out.setContext("script", null);
    out.writeUserContent("</script>\n'");

    assertThat(out.toString()).isEqualTo("<\\/script>\\\\u000a\\'");
  }

  @Test
  void theContextChangesWithEachValue_andNumbersAndNullsNeedNoEscaping() {
    HtmlOutput out = new HtmlOutput(16);
    out.setContext("section", "id");
    out.writeUserContent("a<b");
    out.setContext("section", null);
    out.writeUserContent("a<b");
    out.writeUserContent(12);
    out.writeUserContent(-3L);
    out.writeUserContent(true);
    out.writeUserContent((String) null);

    assertThat(out.toString()).isEqualTo("a&lt;ba&lt;b12-3true");
  }

  @Test
  void contentInAnAttribute_isRenderedThenEscapedAsOneValue() {
    HtmlOutput out = new HtmlOutput(16);
    out.setContext("section", "title");
    out.writeUserContent(inner -> inner.writeUserContent("\"<b>\""));

    assertThat(out.toString()).isEqualTo("&#34;&lt;b>&#34;");
  }

  @Test
  void utf8_givesTheBytesOfGetBytes_forWholeTextAndParts() {
    String[] values = {"\u00a3350,000", "caf\u00e9", "plain", "<\u00ff&\u0080>", "\u2019quoted\u2019",
        "\ud83d\ude00", "lone \ud800", "\u202e", "\n"};
    SplittableRandom random = new SplittableRandom(17);
    for (int n = 0; n < 500; n++) {
      HtmlOutput out = new HtmlOutput(16);
      int pieces = random.nextInt(8);
      for (int i = 0; i < pieces; i++) {
        out.writeContent("<td>");
        out.setContext("td", random.nextInt(4) == 0 ? "title" : null);
        out.writeUserContent(values[random.nextInt(values.length)]);
        out.setContext("td", null);
      }
      String text = out.toString();
      int cut = random.nextInt(text.length() + 1);

      assertThat(out.utf8(text, 0, text.length())).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
      assertThat(out.utf8(text, 0, cut)).as(text).isEqualTo(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
      assertThat(out.utf8(text, cut, text.length())).as(text)
          .isEqualTo(text.substring(cut).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void utf8_notesWhatIsWrittenUnescapedToo() {
    HtmlOutput out = new HtmlOutput(16);
    out.writeUnsafeContent("\u00a3<b>");
    out.writeBinaryContent("\u00e9".getBytes(StandardCharsets.UTF_8));
    out.setContext("div", "onclick");
    out.writeUserContent("\u00e9'");
    String text = out.toString();

    assertThat(text).isEqualTo("\u00a3<b>\u00e9\u00e9\\x27");
    assertThat(out.utf8(text, 0, text.length())).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theTemplatesOwnText_isAscii_forUtf8CopiesItUnscanned() throws IOException {
    try (Stream<Path> templates = Files.list(Path.of("src/main/jte"))) {
      List<Path> all = templates.toList();
      assertThat(all).isNotEmpty().allSatisfy(template -> assertThat(Files.readString(template).chars()
          .filter(c -> c > 0x7F)).as(template + " must be ASCII: write a character beyond it as an entity,"
              + " or pass it as a value").isEmpty());
    }
  }
}
