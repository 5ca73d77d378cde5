package org.councilgateway.internal;

import java.util.ArrayList;
import java.util.Comparator;
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
final class DroolsMessages {
  private static final int LONGEST_MESSAGE = 300;

  private DroolsMessages() {}

  /**
   * Keeps the useful first line of a Drools message.
   *
   * @param text the message
   * @return one line, without the generated source Drools may append
   */
  static String clean(String text) {
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

  static List<Problem> locate(List<Message> errors, Map<String, RuleFile> byBuildPath,
      List<RuleSetCompiler.ParsedRule> rules, Function<String, String> shown) {
    Set<Problem> problems = new LinkedHashSet<>();
    for (Message error : errors) {
      String text = error.getText() == null ? "" : error.getText();
      if (text.contains("Parser returned a null Package")) {
        continue;
      }
      RuleFile file = error.getPath() == null ? null : byBuildPath.get(error.getPath());
      if (file != null && error.getLine() > 0) {
        problems.add(new Problem(shown.apply(file.path()), error.getLine(), Math.max(error.getColumn(), 0), clean(text)));
        continue;
      }
      RuleSetCompiler.ParsedRule rule = ruleNamedIn(text + " " + error.getPath(), rules, file);
      if (rule != null) {
        problems.add(new Problem(shown.apply(rule.info().file()), rule.info().line(), 0,
            "Rule \"" + rule.info().name() + "\" does not compile: " + essence(text)));
      } else if (file != null) {
        problems.add(new Problem(shown.apply(file.path()), 0, 0, clean(text)));
      } else {
        problems.add(new Problem(null, 0, 0, "The rules do not compile: " + essence(text)));
      }
    }
    return new ArrayList<>(problems);
  }

  /**
   * Finds the rule a message is about: the executable model names generated methods and classes
   * after the rule, with every character that cannot go in a Java name replaced.
   */
  private static RuleSetCompiler.ParsedRule ruleNamedIn(String text, List<RuleSetCompiler.ParsedRule> rules, RuleFile file) {
    String flattened = text.replaceAll("[^A-Za-z0-9]", "_");
    return rules.stream()
        .filter(rule -> file == null || rule.info().file().equals(file.path()))
        .filter(rule -> text.contains("\"" + rule.info().name() + "\"") || text.contains("'" + rule.info().name() + "'")
            || flattened.contains(rule.info().name().replaceAll("[^A-Za-z0-9]", "_")))
        .max(Comparator.comparingInt(rule -> rule.info().name().length()))
        .orElse(null);
  }

  /** The line of a long Java compiler message that says what is wrong. */
  private static String essence(String text) {
    for (String line : text.lines().toList()) {
      String stripped = line.strip();
      if (stripped.matches("(?i).*(cannot|unable|unknown|not |incompatible|error|undefined|missing|invalid|no such).*")
          && !stripped.startsWith("import ") && !stripped.startsWith("package ") && stripped.length() < 400) {
        return clean(stripped);
      }
    }
    return clean(text);
  }
}
