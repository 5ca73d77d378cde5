package org.councilgateway.internal;

/**
 * Makes text from a plan, a rule file or a file name safe to print: every character that could
 * break a line, move the cursor or reorder what a terminal shows becomes a visible escape, so that
 * one value can never forge a line of a report or clear the screen.
 */
public final class Text {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Text() {}

  /**
   * Escapes the C0 controls (newline, carriage return and tab included), DEL, the C1 controls,
   * the line and paragraph separators and the bidirectional overrides and isolates: {@code \n},
   * {@code \r} and {@code \t} as those two characters, the others as {@code \}{@code u001b}.
   * Other text, a backslash included, is unchanged.
   *
   * @param text the text, or null
   * @return the text with those characters escaped; the same string when there are none
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int first = 0;
    while (first < length) {
      char c = text.charAt(first);
      // Printable ASCII, nearly every character of a report, decided without a call.
      if ((c < 0x20 || c >= 0x7F) && isControl(c)) {
        break;
      }
      first++;
    }
    if (first == length) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * @param c a character
   * @return whether {@link #escape(String)} escapes it
   */
  static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029'
        || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
  }
}
