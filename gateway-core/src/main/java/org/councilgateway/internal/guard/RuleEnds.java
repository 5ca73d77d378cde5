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
 * by its name, and ends at the word {@code end} ({@link DrlCode} leaves out the rest).
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
    String code = DrlCode.blank(text, true);
    String open = null;
    int openAt = -1;
    boolean lineStart = true;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\n') {
        lineStart = true;
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      boolean first = lineStart;
      lineStart = false;
      if (Character.isJavaIdentifierStart(c) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
        int wordEnd = i;
        while (wordEnd < code.length() && Character.isJavaIdentifierPart(code.charAt(wordEnd))) {
          wordEnd++;
        }
        String word = code.substring(i, wordEnd);
        if (first && word.equals("rule")) {
          // The name is read from the text itself: in the code, a quoted name is blanked.
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
