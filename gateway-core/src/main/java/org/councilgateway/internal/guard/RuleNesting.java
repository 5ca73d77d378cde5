package org.councilgateway.internal.guard;

import org.councilgateway.Problem;

/**
 * Bounds how deeply a rule file nests brackets, before any parser reads it: the DRL, DRLX and Java
 * parsers recurse once for each level, so a file nested thousands deep would overflow the stack.
 * Sound rules nest a handful of levels.
 */
public final class RuleNesting {
  /** The deepest nesting of round, square and curly brackets a rule file may have. */
  static final int MOST = 64;

  private RuleNesting() {}

  /**
   * Finds where a rule file first nests brackets deeper than {@link #MOST}, outside strings and
   * comments.
   *
   * @param text the rule file
   * @param shown the file as messages name it
   * @return the problem, at the bracket that goes too deep, or null when the file is within the bound
   */
  public static Problem fault(String text, String shown) {
    // An unclosed string runs on to its closing quote here, as it always has for this bound.
    String code = DrlCode.blank(text, false);
    int depth = 0;
    int line = 1;
    int column = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MOST) {
          return new Problem(shown, line, column, "nests brackets more than " + MOST
              + " deep here, the most a rule file may: split the condition or the consequence into simpler parts.");
        }
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return null;
  }
}
