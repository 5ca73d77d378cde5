package org.councilgateway.internal.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilgateway.Problem;
import org.councilgateway.facts.LocalField;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.internal.Names;

/**
 * Checks the names rules read local fields and settings by ({@code local().flag("name")}) against
 * what the reference data declares: a misspelt name would otherwise read as absent, silently, and a
 * reader of the wrong type would never match.
 */
final class LocalNames {
  private static final Pattern READ = Pattern.compile(
      "local\\(\\)\\s*\\.\\s*(flag|number|text|date|codes|has)\\s*\\(\\s*\"([^\"\\\\\\n]*)\"");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"[^\"\\n]*\"|\\S+)");
  private static final Map<String, LocalField.Type> READERS = Map.of("flag", LocalField.Type.BOOLEAN,
      "number", LocalField.Type.NUMBER, "text", LocalField.Type.TEXT, "date", LocalField.Type.DATE,
      "codes", LocalField.Type.CODES);

  private LocalNames() {}

  /**
   * @param files the rule set's files
   * @param shown how each file is named in messages
   * @param data the reference data
   * @return a problem at each read of a name not declared, or with the reader of another type
   */
  static List<Problem> check(List<RuleFile> files, Function<RuleFile, String> shown, ReferenceData data) {
    Map<String, Set<LocalField.Type>> declared = new HashMap<>();
    for (List<LocalField> list : List.of(data.localFields(), data.localSettings())) {
      list.forEach(field -> declared.computeIfAbsent(field.name(), n -> new LinkedHashSet<>()).add(field.type()));
    }
    List<Problem> problems = new ArrayList<>();
    for (RuleFile file : files) {
      if (!file.isDrl() || !file.content().contains("local()")) {
        continue;
      }
      String text = file.content();
      // Reads in comments or strings are not reads: the code alone says where reads stand.
      String code = org.councilgateway.internal.guard.DrlCode.blank(text, true);
      Matcher read = READ.matcher(text);
      while (read.find()) {
        if (!code.startsWith("local()", read.start())) {
          continue;
        }
        int lineStart = text.lastIndexOf('\n', read.start()) + 1;
        String reader = read.group(1);
        String name = read.group(2);
        Set<LocalField.Type> types = declared.get(name);
        String message = null;
        if (types == null) {
          String closest = Names.closest(name, declared.keySet());
          message = "reads the local value \"" + name + "\", which the reference data does not declare (under"
              + " localFields or localSettings)" + (closest == null ? "." : "; did you mean " + closest + "?");
        } else if (!reader.equals("has") && !types.contains(READERS.get(reader))) {
          LocalField.Type type = types.iterator().next();
          String right = READERS.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey)
              .findFirst().orElseThrow();
          message = "reads \"" + name + "\" with " + reader + "(...), but it is declared as " + type.label()
              + ": read it with " + right + "(\"" + name + "\").";
        }
        if (message != null) {
          int line = 1 + (int) text.substring(0, read.start()).chars().filter(c -> c == '\n').count();
          problems.add(new Problem(shown.apply(file), line, read.start() - lineStart + 1,
              rule(text, read.start()) + message));
        }
      }
    }
    return problems;
  }

  /** "Rule "NAME" " for the rule a place is in, or nothing outside any rule. */
  private static String rule(String text, int at) {
    Matcher rule = RULE.matcher(text);
    String name = null;
    while (rule.find() && rule.start() < at) {
      name = rule.group(1);
    }
    return name == null ? "" : "Rule " + (name.startsWith("\"") ? name : "\"" + name + "\"") + " ";
  }
}
