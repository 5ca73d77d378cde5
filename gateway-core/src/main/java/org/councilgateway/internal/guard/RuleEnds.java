package org.councilgateway.internal.guard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilgateway.Problem;
import org.councilgateway.internal.Text;

/**
 * Finds a rule without its {@code end}, from the rule file's text. The DRL parser reads on past
 * the place where {@code end} is missing and reports what it trips over in the next rule, on a
 * line that is sound; this names the rule that is not finished instead. It reads only what is
 * outside strings and comments: a rule begins where a line's first word is {@code rule} followed
 * by its name, and ends at the word {@code end}.
 */
public final class RuleEnds {

  private static final Pattern RULE_START = Pattern.compile("rule\\s+(\"([^\"\\n]*)\"|'([^'\\n]*)'|([A-Za-z_][\\w]*))");

  private RuleEnds() {}

  /**
   * Finds the first rule that another rule, or the end of the file, follows before its {@code end}.
   *
   * @param text the rule file
   * @param shown the file as messages name it
   * @return the problem, at the line and column of the unfinished rule's {@code rule}, naming
   *     where the {@code end} belongs; or null when every rule has its end
   */
  public static Problem fault(String text, String shown) {
    SourceLines lines = new SourceLines(text);
    String open = null;
    int openAt = -1;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '\n') {
        lineComment = false;
        lineStart = true;
        if (quote != 0) {
          // A string does not run on over lines in DRL or Java: a stray quote ends at the line.
          quote = 0;
        }
        continue;
      }
      if (lineComment) {
        continue;
      }
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
        continue;
      }
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '/' && next == '/') {
        lineComment = true;
        continue;
      }
      if (c == '/' && next == '*') {
        blockComment = true;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      boolean first = lineStart;
      lineStart = false;
      if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))) {
        int wordEnd = i;
        while (wordEnd < text.length() && Character.isJavaIdentifierPart(text.charAt(wordEnd))) {
          wordEnd++;
        }
        String word = text.substring(i, wordEnd);
        if (first && word.equals("rule")) {
          Matcher start = RULE_START.matcher(text).region(i, text.length());
          if (start.lookingAt()) {
            String name = start.group(2) != null ? start.group(2) : start.group(3) != null ? start.group(3)
                : start.group(4);
            if (open != null) {
              return unfinished(lines, shown, open, openAt, "before rule \"" + name + "\" on line "
                  + lines.position(i)[0] + ".");
            }
            open = name;
            openAt = i;
            i = start.end() - 1;
            continue;
          }
        } else if (word.equals("end")) {
          open = null;
        }
        i = wordEnd - 1;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      }
    }
    return open == null ? null : unfinished(lines, shown, open, openAt, "at the end of the file.");
  }

  private static Problem unfinished(SourceLines lines, String shown, String name, int at, String where) {
    int[] position = lines.position(at);
    return new Problem(shown, position[0], position[1], Text.escapeStrictly("Rule \"" + name + "\" has no end: "
        + "write end on a line of its own after its consequence, " + where));
  }
}
