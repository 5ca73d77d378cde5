package org.councilgateway.internal.write;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import gg.jte.runtime.StringUtils;
import org.councilgateway.internal.Text;

/**
 * The output the meeting pack's and the diff page's templates render into: text collected in memory,
 * each value from a plan or a rule file escaped in one pass over it. Between tags a value has
 * {@code &}, {@code <} and {@code >} escaped as jte's own HTML output escapes them, and every
 * character {@link Text#escape(String)} escapes made visible in the same {@code \}{@code u} form,
 * so that a value never needs escaping twice; a value with nothing to escape, nearly every one, is
 * appended as it is after a single scan.
 *
 * <p>In an attribute, a value has {@code '}, {@code "}, {@code &} and {@code <} escaped, as jte's
 * does, and nothing else: the only text attribute, a section's {@code id}, must be the proposal's id
 * exactly for the percent-encoded link to it to find it, and inside a quoted attribute a control
 * character cannot act as markup. An {@code on...} attribute, a {@code javascript:} link and a
 * script element are escaped as jte's OWASP output escapes them (the pack has none of them).
 */
final class HtmlOutput implements HtmlTemplateOutput {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;
  private String tagName;
  private String attributeName;

  /**
   * @param capacity the characters to make room for at first
   */
  HtmlOutput(int capacity) {
    out = new StringBuilder(capacity);
  }

  @Override
  public void setContext(String tagName, String attributeName) {
    this.tagName = tagName;
    this.attributeName = attributeName;
  }

  @Override
  public void writeContent(String value) {
    out.append(value);
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    out.append(value, beginIndex, endIndex);
  }

  @Override
  public void writeUserContent(String value) {
    if (value == null) {
      return;
    }
    if (attributeName != null) {
      if (attributeName.startsWith("on")) {
        Escape.javaScriptAttribute(value, this);
      } else if (!("a".equals(tagName) && "href".equals(attributeName)
          && StringUtils.startsWithIgnoringCaseAndWhitespaces(value, "javascript:"))) {
        attribute(value, out);
      }
    } else if ("script".equals(tagName)) {
      Escape.javaScriptBlock(Text.escape(value), this);
    } else {
      content(value, out);
    }
  }

  @Override
  public void writeUserContent(Content content) {
    if (content == null) {
      return;
    }
    if (attributeName != null) {
      // As jte's OWASP output does: the content rendered apart, unescaped, then escaped as one value.
      Unescaped rendered = new Unescaped();
      content.writeTo(rendered);
      writeUserContent(rendered.toString());
    } else {
      content.writeTo(this);
    }
  }

  @Override
  public void writeUserContent(boolean value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(byte value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(short value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(int value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(long value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(float value) {
    out.append(value);
  }

  @Override
  public void writeUserContent(double value) {
    out.append(value);
  }

  /**
   * @return everything rendered so far
   */
  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Appends a value as text between tags: {@code &}, {@code <} and {@code >} as character
   * references, every character {@link Text#escape(String)} escapes as {@code \}{@code u} and four
   * hex digits, any other character (a surrogate pair included) as it is.
   *
   * @param value the value
   * @param out where to append it
   */
  static void content(String value, StringBuilder out) {
    int length = value.length();
    int i = 0;
    while (i < length && !escapedInContent(value.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.append(value);
      return;
    }
    int from = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (!escapedInContent(c)) {
        continue;
      }
      out.append(value, from, i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append('\\').append('u').append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
            .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
      from = i + 1;
    }
    out.append(value, from, length);
  }

  /**
   * Appends a value as a quoted attribute's value: {@code '}, {@code "}, {@code &} and {@code <} as
   * character references, as jte's HTML output escapes them; any other character as it is.
   *
   * @param value the value
   * @param out where to append it
   */
  static void attribute(String value, StringBuilder out) {
    int length = value.length();
    int i = 0;
    while (i < length && !escapedInAttribute(value.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.append(value);
      return;
    }
    int from = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (!escapedInAttribute(c)) {
        continue;
      }
      out.append(value, from, i);
      switch (c) {
        case '\'' -> out.append("&#39;");
        case '"' -> out.append("&#34;");
        case '&' -> out.append("&amp;");
        default -> out.append("&lt;");
      }
      from = i + 1;
    }
    out.append(value, from, length);
  }

  /** Whether {@link #content} escapes a character: the markup characters and those {@link Text#escape} escapes. */
  static boolean escapedInContent(char c) {
    if (c > '>') {
      // Letters and the rest of printable ASCII, decided with one comparison more.
      return c >= 0x7F && (c <= 0x9F || c >= '\u2028' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069');
    }
    return c < 0x20 || c == '&' || c == '<' || c == '>';
  }

  private static boolean escapedInAttribute(char c) {
    return c <= '<' && (c == '\'' || c == '"' || c == '&' || c == '<');
  }

  /** Content for an attribute, collected as it is, to be escaped as one value. */
  private static final class Unescaped extends StringOutput implements HtmlTemplateOutput {
    Unescaped() {
      super(256);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
      // The whole is escaped once it is rendered.
    }
  }
}
