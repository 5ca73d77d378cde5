package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.ContentReference;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Words SnakeYAML's syntax errors for someone who edits YAML by hand. SnakeYAML says what its
 * parser expected ("while parsing a flow mapping ... expected ',' or '}', but got &lt;scalar&gt;")
 * over several lines, with the text quoted and a caret under it, and at the token where it gave up,
 * often a line after the slip. The common slips are turned here into one plain sentence at the
 * place the slip is (the unclosed bracket or quote, the line without a colon, the tab, the line
 * indented out of step), and any other into one line that still names the place, so that plans,
 * scenarios, reference data and mappings all report a broken document alike.
 */
public final class YamlProblems {

  private static final String INDENTATION = "this line is indented out of step with the lines above it: the keys of "
      + "one mapping start at the same column, and so do the - of one list's items.";

  /** A YAML syntax error, worded for the user, placed where the slip is. */
  public static final class PlainYamlException extends JsonParseException {
    private static final long serialVersionUID = 1L;

    PlainYamlException(JsonParser parser, String message, JsonLocation at) {
      super(parser, message, at);
    }
  }

  private YamlProblems() {}

  /**
   * A parser's error as a user should read it: a SnakeYAML syntax error as a {@link
   * PlainYamlException}, whose {@link JsonProcessingException#getOriginalMessage() message} is
   * one sentence and whose {@link JsonProcessingException#getLocation() location} is the slip's
   * line and column; any other error as it is.
   *
   * @param error what the parser threw
   * @param parser the parser, or null
   * @return the error to report
   */
  public static JsonProcessingException plain(JsonProcessingException error, JsonParser parser) {
    if (error instanceof PlainYamlException || !(error.getCause() instanceof MarkedYAMLException marked)) {
      return error;
    }
    String context = marked.getContext() == null ? "" : marked.getContext();
    String problem = marked.getProblem() == null ? "" : marked.getProblem().strip();
    Mark contextMark = marked.getContextMark();
    Mark problemMark = marked.getProblemMark();
    String message;
    Mark at = problemMark;
    if (context.contains("flow mapping") && problem.startsWith("expected ',' or '}'")) {
      message = "this { is never closed: a { } mapping ends with }, with commas between its key: value pairs; "
          + "if the { is a slip, remove it.";
      at = contextMark;
    } else if (context.contains("flow sequence") && problem.startsWith("expected ',' or ']'")) {
      message = "this [ is never closed: a [ ] list ends with ], with commas between its items; "
          + "if the [ is a slip, remove it.";
      at = contextMark;
    } else if (context.contains("flow node") && problem.contains("<stream end>")) {
      // SnakeYAML places this at the end of the file; Jackson's place is the last bracket it read.
      message = "a [ or { here is never closed before the end of the file: close it with ] or }, "
          + "or if it is a slip, remove it.";
      if (error.getLocation() != null && error.getLocation().getLineNr() > 0) {
        return new PlainYamlException(parser, message, error.getLocation());
      }
    } else if (context.contains("quoted scalar") && problem.contains("end of stream")) {
      message = "this quote is never closed: end the text with the same quote mark it begins with.";
      at = contextMark;
    } else if (context.contains("simple key") && problem.startsWith("could not find expected ':'")) {
      message = "this line has no colon followed by a space: write each entry as key: value.";
      at = contextMark;
    } else if (problem.startsWith("mapping values are not allowed here")) {
      message = "this colon cannot start a value here: if the value holds \": \", put it in quotes; "
          + "if this line is a key of its own, indent it as the keys above it.";
    } else if (problem.startsWith("found character '\\t(TAB)'")) {
      message = "this line has a tab: YAML is indented with spaces only; replace the tab with spaces.";
    } else if (problem.startsWith("found character '") && problem.indexOf('\'', 17) > 17) {
      String character = problem.substring(17, problem.indexOf('\'', 17));
      message = "a value cannot begin with " + character + ": put the value in quotes.";
    } else if (context.contains("block") && problem.startsWith("expected <block end>, but found")
        && (problem.contains("<block mapping start>") || problem.contains("<block sequence start>")
            || problem.endsWith("'-'"))) {
      message = INDENTATION;
    } else {
      String first = problem.lines().findFirst().orElse("").strip();
      message = "it cannot be read from here" + (first.isEmpty() ? "" : " (" + shorten(first) + ")")
          + ": check the indentation, the colons and the quotes on this line and the line before.";
    }
    if (at == null) {
      at = problemMark != null ? problemMark : contextMark;
    }
    JsonLocation location = at == null ? error.getLocation()
        : new JsonLocation(ContentReference.unknown(), -1L, at.getLine() + 1, at.getColumn() + 1);
    return new PlainYamlException(parser, message, location);
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }
}
