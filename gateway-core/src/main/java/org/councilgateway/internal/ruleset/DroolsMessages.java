package org.councilgateway.internal.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.councilgateway.Problem;
import org.kie.api.builder.Message;

/**
 * Turns Drools build messages into problems located in the DRL files, never in generated Java.
 */
public final class DroolsMessages {
  private static final int LONGEST_MESSAGE = 300;

  private DroolsMessages() {}

  /**
   * Keeps the useful first line of a Drools message.
   *
   * @param text the message
   * @return one line, without the generated source Drools may append
   */
  public static String clean(String text) {
    if (text == null || text.isBlank()) {
      return "Drools reported an error without a message.";
    }
    String line = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(text).strip();
    line = line.replaceFirst("^\\[ERR \\d+\\]\\s*", "").replaceFirst("^Line \\d+:\\d+\\s*", "");
    if (line.length() > LONGEST_MESSAGE) {
      line = line.substring(0, LONGEST_MESSAGE) + "...";
    }
    return line;
  }

  private static final java.util.regex.Pattern MISMATCHED =
      java.util.regex.Pattern.compile("mismatched input '(.*)' in rule (\"[^\"]*\"|\\S+)");
  private static final java.util.regex.Pattern FLAG_ATTRIBUTE = java.util.regex.Pattern.compile(
      "\\s*(no-loop|lock-on-active|auto-focus|enabled)\\s+(\\S.*?)\\s*");

  /**
   * The parser's complaint about a token in a rule, in words an officer can act on: an attribute
   * that takes true or false but was given something else is named as such; any other token is
   * named with what to check on its line. Other messages are returned as they are.
   *
   * @param message the parser's message, {@link #clean cleaned}
   * @param line the text of the line it points at, or null
   * @return the message to show
   */
  public static String parserMessage(String message, String line) {
    java.util.regex.Matcher mismatched = MISMATCHED.matcher(message);
    if (!mismatched.matches()) {
      return message;
    }
    String rule = mismatched.group(2).startsWith("\"") ? mismatched.group(2) : "\"" + mismatched.group(2) + "\"";
    java.util.regex.Matcher flag = line == null ? null : FLAG_ATTRIBUTE.matcher(line);
    if (flag != null && flag.matches()) {
      return "Rule " + rule + " sets " + flag.group(1) + " to " + flag.group(2) + ": " + flag.group(1)
          + " is true or false.";
    }
    return "Rule " + rule + " has '" + mismatched.group(1) + "' where it cannot stand: check this line for a"
        + " misspelt keyword, a missing quote or bracket, or a text that needs quotes.";
  }

  private static final java.util.regex.Pattern SOURCE_HEADER =
      java.util.regex.Pattern.compile("^Java source of (\\S+) in error:\\s*\n", java.util.regex.Pattern.MULTILINE);
  private static final java.util.regex.Pattern RULE_METHOD =
      java.util.regex.Pattern.compile("org\\.drools\\.model\\.Rule rule_(\\w+)\\(");
  private static final java.util.regex.Pattern ESCAPED_CHAR = java.util.regex.Pattern.compile("_(\\d{2,3})");

  public static List<Problem> locate(List<Message> errors, Map<String, RuleFile> byBuildPath,
      List<RuleSetCompiler.ParsedRule> rules, Function<String, String> shown) {
    Map<String, String> generated = new java.util.HashMap<>();
    for (Message error : errors) {
      String text = error.getText() == null ? "" : error.getText();
      java.util.regex.Matcher header = SOURCE_HEADER.matcher(text);
      if (header.lookingAt()) {
        generated.put(header.group(1), text.substring(header.end()));
      }
    }
    Set<Problem> problems = new LinkedHashSet<>();
    List<String> unplaced = new ArrayList<>();
    for (Message error : errors) {
      String text = error.getText() == null ? "" : error.getText();
      if (text.contains("Parser returned a null Package") || SOURCE_HEADER.matcher(text).lookingAt()) {
        continue;
      }
      RuleFile file = error.getPath() == null ? null : byBuildPath.get(error.getPath());
      if (file != null) {
        problems.add(new Problem(shown.apply(file.path()), Math.max(error.getLine(), 0), Math.max(error.getColumn(), 0), clean(text)));
        continue;
      }
      RuleSetCompiler.ParsedRule rule = enclosingRule(generated.get(error.getPath()), error.getLine(), rules);
      if (rule != null) {
        problems.add(new Problem(shown.apply(rule.info().file()), rule.info().line(), 0,
            "Rule \"" + rule.info().name() + "\" does not compile: " + clean(text)));
      } else {
        unplaced.add(clean(text));
      }
    }
    for (String text : unplaced) {
      Problem found = findInSource(text, byBuildPath.values(), shown);
      if (found != null) {
        problems.add(found);
      } else if (problems.isEmpty()) {
        problems.add(new Problem(null, 0, 0, "The rules do not compile: " + text));
      }
    }
    return new ArrayList<>(problems);
  }

  private static final java.util.regex.Pattern EXPRESSION =
      java.util.regex.Pattern.compile("(?:Expression|expression)\\s+(.+?):?\\s*$");

  /**
   * Places a message that names no file, such as "Unable to Analyse Expression x:", at the first
   * line of the rule files that holds the expression it quotes.
   */
  private static Problem findInSource(String text, java.util.Collection<RuleFile> files, Function<String, String> shown) {
    java.util.regex.Matcher quoted = EXPRESSION.matcher(text);
    if (!quoted.find() || quoted.group(1).isBlank()) {
      return null;
    }
    String expression = quoted.group(1).strip();
    for (RuleFile file : files.stream().sorted(java.util.Comparator.comparing(RuleFile::path)).toList()) {
      List<String> lines = file.content().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        int column = lines.get(i).indexOf(expression);
        if (column >= 0) {
          return new Problem(shown.apply(file.path()), i + 1, column + 1, text);
        }
      }
    }
    return null;
  }

  /**
   * Finds the rule whose generated method holds a line of generated Java: the executable model
   * writes each rule as a method named {@code rule_} and the rule's name, with every character
   * that cannot go in a Java name written as {@code _} and its code.
   */
  private static RuleSetCompiler.ParsedRule enclosingRule(String source, int line, List<RuleSetCompiler.ParsedRule> rules) {
    if (source == null || line <= 0) {
      return null;
    }
    List<String> lines = source.lines().toList();
    for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
      java.util.regex.Matcher method = RULE_METHOD.matcher(lines.get(i));
      if (method.find()) {
        String name = ESCAPED_CHAR.matcher(method.group(1)).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1))));
        return rules.stream().filter(r -> r.info().name().equals(name)).findFirst().orElse(null);
      }
    }
    return null;
  }
}
