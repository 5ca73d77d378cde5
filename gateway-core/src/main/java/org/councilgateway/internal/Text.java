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
   * the line and paragraph separators and the bidirectional overrides and isolates, each as
   * {@code \}{@code u} and four hex digits (a newline as {@code \}{@code u000a}), as the product's
   * documentation promises for every output. Other text, a backslash included, is unchanged.
   *
   * @param text the text, or null
   * @return the text with those characters escaped; the same string when there are none
   */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * Escapes as {@link #escape(String)} does, and also every other format character, private-use
   * and unassigned character and lone surrogate: for names in messages, which should show exactly
   * which character was refused.
   *
   * @param text the text, or null
   * @return the text with those characters escaped; the same string when there are none
   */
  public static String escapeStrictly(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean strictly) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int first = 0;
    while (first < length) {
      char c = text.charAt(first);
      // Printable ASCII, nearly every character of a report, decided without a call.
      if ((c < 0x20 || c >= 0x7F) && escapes(text, first, strictly)) {
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
      if (!escapes(text, i, strictly)) {
        out.append(c);
      } else {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** Whether the character at an index is escaped, by {@link #escape(String)} or, strictly, by {@link #escapeStrictly}. */
  private static boolean escapes(String text, int index, boolean strictly) {
    char c = text.charAt(index);
    if (isControl(c)) {
      return true;
    }
    if (!strictly) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
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
