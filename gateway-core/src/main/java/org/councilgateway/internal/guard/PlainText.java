package org.councilgateway.internal.guard;

import org.councilgateway.internal.Text;

/**
 * The plain character sets of the names a rule set gives: rule names, attribute values, metadata,
 * entry points, file and folder names. Drools' code generator copies several of these into the
 * Java source it compiles without escaping them, so a quote, a backslash or a comment marker in
 * one could end a string literal or a comment and run what follows as Java. Names made only of
 * letters, digits, spaces and the punctuation below cannot.
 */
public final class PlainText {

  /**
   * The punctuation a rule name, an attribute value or metadata text may hold besides letters,
   * digits and spaces. Neither quote nor backslash, no braces or angle brackets, and no asterisk,
   * so that no comment can be opened or closed.
   */
  public static final String NAME_PUNCTUATION = "-_.,:;()'\u2019&/?!+=%\u00a3\u20ac\u2013";

  /** The punctuation a file or folder name below a rules directory may hold. */
  public static final String PATH_PUNCTUATION = "-_.,()'&+";

  /** How messages describe the sets. */
  static final String NAME_RULE = "may hold only letters, digits, spaces and plain punctuation";

  private PlainText() {}

  /**
   * Finds the first character of a text outside a plain set.
   *
   * @param text the text
   * @param punctuation the punctuation allowed besides letters, digits and spaces
   * @return that character as messages show it (escaped by {@link Text#escapeStrictly}), or null when
   *     every character is plain
   */
  public static String firstUnplain(String text, String punctuation) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c) && c != ' ' && punctuation.indexOf(c) < 0) {
        return Text.escapeStrictly(new String(Character.toChars(c)));
      }
      i += Character.charCount(c);
    }
    return null;
  }
}
