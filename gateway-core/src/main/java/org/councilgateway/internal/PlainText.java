package org.councilgateway.internal;

/**
 * The plain character sets of the names a rule set gives: rule names, attribute values, metadata,
 * entry points, file and folder names. Drools' code generator copies several of these into the
 * Java source it compiles without escaping them, so a quote, a backslash or a comment marker in
 * one could end a string literal or a comment and run what follows as Java. Names made only of
 * letters, digits, spaces and the punctuation below cannot.
 */
final class PlainText {

  /**
   * The punctuation a rule name, an attribute value or metadata text may hold besides letters,
   * digits and spaces. Neither quote nor backslash, no braces or angle brackets, and no asterisk,
   * so that no comment can be opened or closed.
   */
  static final String NAME_PUNCTUATION = "-_.,:;()'\u2019&/?!+=%\u00a3\u20ac\u2013";

  /** The punctuation a file or folder name below a rules directory may hold. */
  static final String PATH_PUNCTUATION = "-_.,()'&+";

  /** How messages describe the sets. */
  static final String NAME_RULE = "may hold only letters, digits, spaces and plain punctuation";

  private PlainText() {}

  /**
   * Finds the first character of a text outside a plain set.
   *
   * @param text the text
   * @param punctuation the punctuation allowed besides letters, digits and spaces
   * @return that character as messages show it (escaped as {@link #escaped} does), or null when
   *     every character is plain
   */
  static String firstUnplain(String text, String punctuation) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && c != ' ' && punctuation.indexOf(c) < 0) {
        return escaped(new String(Character.toChars(c)));
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /**
   * A text as a message may show it: newline, return and tab as backslash escapes, and other
   * control, format, separator, private-use and unassigned characters and lone surrogates as
   * backslash-u escapes, so that no message holds a raw control character.
   *
   * @param text the text, or null
   * @return the text, escaped; null for null
   */
  static String escaped(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        default -> {
          if (needsEscape(text, i)) {
            shown.append(String.format("\\u%04x", (int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
    return shown.toString();
  }

  private static boolean needsEscape(String text, int index) {
    char c = text.charAt(index);
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
}
