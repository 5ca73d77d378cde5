package org.councilgateway.internal.guard;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with the offsets its lines start at, so that offsets and line-column pairs convert both
 * ways. Problems are reported by line and column of the rule file, while the parsers give either
 * nothing, or positions in the piece of code they were handed (a condition alone, a consequence
 * wrapped in a block); the guard keeps one of these for the rule file and one for each piece of
 * code, to bring the second kind of position back to the first.
 */
final class SourceLines {

  private final String text;
  private final int[] lineStarts;

  SourceLines(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text() {
    return text;
  }

  /** The 1-based line and column of an offset in the text. */
  int[] position(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    int line = index >= 0 ? index : -index - 2;
    return new int[] {line + 1, offset - lineStarts[line] + 1};
  }

  /** The offset of a 1-based line and column; -1 when the text has no such line. */
  int offset(int line, int column) {
    if (line < 1 || line > lineStarts.length) {
      return -1;
    }
    return lineStarts[line - 1] + column - 1;
  }

  /** Finds where code begins in the text, searching from the start of a line; -1 when not found. */
  int find(String code, int line) {
    if (line <= 0 || line > lineStarts.length) {
      return -1;
    }
    return text.indexOf(code, lineStarts[line - 1]);
  }

  /**
   * Where code begins: its position when it was found in the text, else the line and column the
   * parser gave its descriptor.
   *
   * @param start the offset in the text of the code, or -1 when it was not found
   * @param line the line to report when the code was not found
   * @param column the 0-based column to report when the code was not found, or -1 when unknown
   */
  int[] codeStart(int start, int line, int column) {
    return start >= 0 ? position(start) : new int[] {line, column >= 0 ? column + 1 : 0};
  }

  /**
   * Where a node is in the text: by its range when the parser kept one (the Java parser of
   * consequences does, the DRLX parser of conditions does not), else by searching for its text
   * in the code, else where the code begins.
   *
   * @param anchor the node's text, as printed
   * @param start the offset in the text of the code parsed, or -1 when it was not found
   * @param length the length of the code
   * @param prefix the number of lines put before the code to parse it
   * @param line as for {@link #codeStart}
   * @param column as for {@link #codeStart}
   */
  int[] locate(Node node, String anchor, int start, int length, int prefix, int line, int column) {
    int[] begin = codeStart(start, line, column);
    if (start < 0) {
      return begin;
    }
    Optional<Range> range = node == null ? Optional.empty() : node.getRange();
    if (range.isPresent() && range.get().begin.line - prefix >= 1) {
      int nodeLine = range.get().begin.line - prefix;
      int nodeColumn = range.get().begin.column;
      return nodeLine == 1 ? new int[] {begin[0], begin[1] + nodeColumn - 1}
          : new int[] {begin[0] + nodeLine - 1, nodeColumn};
    }
    if (anchor != null && !anchor.isBlank()) {
      StringBuilder loose = new StringBuilder();
      anchor.strip().codePoints().filter(c -> !Character.isWhitespace(c)).limit(60).forEach(c -> {
        if (loose.length() > 0) {
          loose.append("\\s*");
        }
        loose.append(Pattern.quote(new String(Character.toChars(c))));
      });
      Matcher found = Pattern.compile(loose.toString()).matcher(text);
      found.region(start, Math.min(text.length(), start + length));
      if (found.find()) {
        return position(found.start());
      }
    }
    return begin;
  }
}
