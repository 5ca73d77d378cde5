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
    int depth = 0;
    int line = 1;
    int column = 0;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
        lineComment = false;
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (lineComment) {
        continue;
      }
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
          column++;
        }
        continue;
      }
      if (quote != 0) {
        if (c == '\\') {
          i++;
          column++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '/' && next == '/') {
        lineComment = true;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        i++;
        column++;
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
