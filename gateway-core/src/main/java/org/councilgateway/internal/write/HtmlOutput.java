package org.councilgateway.internal.write;

import gg.jte.Content;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import gg.jte.runtime.StringUtils;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>It can hand what it rendered on as UTF-8 ({@link #utf8}) faster than {@link String#getBytes}
 * can for text with a few characters beyond ASCII, such as the pound signs of a pack: it notes
 * where each such character of a value went as it scans the value, so that the rest is copied in
 * bulk. The templates' own text, which it does not scan, must be ASCII (HtmlOutputTest checks them).
 */
final class HtmlOutput implements HtmlTemplateOutput {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;
  private String tagName;
  private String attributeName;
  /** Where each character from U+0080 to U+00FF was written, in order: a pound sign, an accented letter. */
  private int[] latin1 = new int[16];
  private int latin1Count;
  /** Whether a character beyond U+00FF, or text not scanned, was written: then {@link #utf8} leaves it to the JDK. */
  private boolean notNoted;

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
        notNoted = true;
        Escape.javaScriptAttribute(value, this);
      } else if (!("a".equals(tagName) && "href".equals(attributeName)
          && StringUtils.startsWithIgnoringCaseAndWhitespaces(value, "javascript:"))) {
        attribute(value);
      }
    } else if ("script".equals(tagName)) {
      notNoted = true;
      Escape.javaScriptBlock(Text.escape(value), this);
    } else {
      content(value);
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
  public void writeUserContent(Enum<?> value) {
    if (value != null) {
      // Unescaped, as jte writes an enum's name.
      writeNoted(value.name());
    }
  }

  @Override
  public void writeUnsafeContent(String value) {
    if (value != null) {
      writeNoted(value);
    }
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    writeNoted(new String(value, StandardCharsets.UTF_8));
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
   * @return how many characters have been rendered
   */
  int length() {
    return out.length();
  }

  /**
   * What this output rendered, or part of it, as UTF-8: the same bytes as {@code
   * text.substring(from, to).getBytes(UTF_8)}.
   *
   * @param text what this output rendered, as {@link #toString()} gave it
   * @param from the first character
   * @param to after the last character
   * @return the characters from {@code from} to {@code to} in UTF-8
   */
  byte[] utf8(String text, int from, int to) {
    int first = 0;
    while (first < latin1Count && latin1[first] < from) {
      first++;
    }
    int last = first;
    while (last < latin1Count && latin1[last] < to) {
      last++;
    }
    String part = from == 0 && to == text.length() ? text : text.substring(from, to);
    if (notNoted || first == last) {
      // ASCII, for which the JDK copies in bulk; or text this output did not scan.
      return part.getBytes(StandardCharsets.UTF_8);
    }
    // Every character is below U+0100: one byte each, but for those noted, which take two.
    byte[] bytes = part.getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf8 = new byte[bytes.length + last - first];
    int read = 0;
    int written = 0;
    for (int n = first; n < last; n++) {
      int at = latin1[n] - from;
      System.arraycopy(bytes, read, utf8, written, at - read);
      written += at - read;
      int c = bytes[at] & 0xFF;
      utf8[written++] = (byte) (0xC0 | c >> 6);
      utf8[written++] = (byte) (0x80 | c & 0x3F);
      read = at + 1;
    }
    System.arraycopy(bytes, read, utf8, written, bytes.length - read);
    return utf8;
  }

  /**
   * Appends a value as text between tags: {@code &}, {@code <} and {@code >} as character
   * references, every character {@link Text#escape(String)} escapes as {@code \}{@code u} and four
   * hex digits, any other character (a surrogate pair included) as it is.
   */
  private void content(String value) {
    int length = value.length();
    int i = 0;
    while (i < length && isPlain(value.charAt(i))) {
      i++;
    }
    if (i == length) {
      out.append(value);
      return;
    }
    int from = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (isPlain(c)) {
        continue;
      }
      if (c > 0x7F && !escapedInContent(c)) {
        note(c, out.length() + i - from);
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
   */
  private void attribute(String value) {
    int length = value.length();
    int from = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > 0x7F) {
        note(c, out.length() + i - from);
      } else if (c == '\'' || c == '"' || c == '&' || c == '<') {
        out.append(value, from, i).append(c == '\'' ? "&#39;" : c == '"' ? "&#34;" : c == '&' ? "&amp;" : "&lt;");
        from = i + 1;
      }
    }
    if (from == 0) {
      out.append(value);
    } else {
      out.append(value, from, length);
    }
  }

  /** Appends text as it is, noting its characters beyond ASCII. */
  private void writeNoted(String value) {
    int at = out.length();
    out.append(value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0x7F) {
        note(c, at + i);
      }
    }
  }

  /** Notes a character beyond ASCII written at a position. */
  private void note(char c, int at) {
    if (c > 0xFF) {
      notNoted = true;
    } else if (!notNoted) {
      if (latin1Count == latin1.length) {
        latin1 = java.util.Arrays.copyOf(latin1, latin1Count * 2);
      }
      latin1[latin1Count++] = at;
    }
  }

  /** Whether a character goes out as it is and is ASCII: printable ASCII but for the markup characters. */
  private static boolean isPlain(char c) {
    return c > '>' ? c < 0x7F : c >= ' ' && c != '&' && c != '<' && c != '>';
  }

  /** Whether {@link #content} escapes a character: the markup characters and those {@link Text#escape} escapes. */
  static boolean escapedInContent(char c) {
    if (c > '>') {
      // Letters and the rest of printable ASCII, decided with one comparison more.
      return c >= 0x7F && (c <= 0x9F || c >= '\u2028' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069');
    }
    return c < 0x20 || c == '&' || c == '<' || c == '>';
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
