package org.councilgateway.internal.guard;

/**
 * A rule file's text as code alone: comments, and what stands between a string's quotes, become
 * spaces, line ends kept, so that a scan for brackets, words or calls sees only code, at the
 * offsets, lines and columns of the file itself. The quotes stay, and so does everything else.
 */
public final class DrlCode {
  private DrlCode() {}

  /**
   * Blanks a rule file's comments ({@code //} to the line end, and {@code /* ... *}{@code /}) and the
   * contents of its strings, in double or single quotes, where a backslash escapes the next
   * character.
   *
   * @param text the rule file
   * @param stringsEndAtLineEnd whether an unclosed string ends at its line, as it does for DRL's and
   *     Java's parsers; else it runs on to its closing quote, wherever that is
   * @return the text, as long as it was, with only code left
   */
  public static String blank(String text, boolean stringsEndAtLineEnd) {
    char[] code = text.toCharArray();
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < code.length; i++) {
      char c = code[i];
      char next = i + 1 < code.length ? code[i + 1] : 0;
      if (c == '\n') {
        lineComment = false;
        if (stringsEndAtLineEnd) {
          quote = 0;
        }
      } else if (lineComment) {
        code[i] = ' ';
      } else if (blockComment) {
        code[i] = ' ';
        if (c == '*' && next == '/') {
          blockComment = false;
          code[++i] = ' ';
        }
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          code[i] = ' ';
          if (c == '\\' && next != 0 && next != '\n') {
            code[++i] = ' ';
          }
        }
      } else if (c == '/' && (next == '/' || next == '*')) {
        lineComment = next == '/';
        blockComment = next == '*';
        code[i] = ' ';
        code[++i] = ' ';
      } else if (c == '"' || c == '\'') {
        quote = c;
      }
    }
    return new String(code);
  }
}
