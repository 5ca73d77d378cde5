package org.councilgateway.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.councilgateway.GatewayException;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Limits;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.LocatedTree;
import org.councilgateway.internal.read.PlanParser;
import org.councilgateway.internal.ReadLimits;

/**
 * Reads scenario files (YAML or JSON). A file holds one scenario, or several under
 * {@code scenarios:}. Every problem is reported with the file and, where known, the line and
 * column; a value of the wrong type, a key given twice or both {@code plan} and {@code proposals}
 * is a problem, never a silent default.
 */
public final class ScenarioReader {
  private static final Set<String> SCENARIO_KEYS = Set.of("name", "asOf", "plan", "proposals", "expect", "expected",
      "portfolio", "errors");
  private static final Set<String> EXPECT_KEYS = Set.of("id", "proposalId", "classification", "route", "keyDecision",
      "eiaLevel", "present", "absent", "codesPresent", "codesAbsent", "ready", "blockers");
  private static final Set<String> PORTFOLIO_KEYS = Set.of("present", "absent");
  private static final Limits LIMITS = Limits.DEFAULTS;
  private static final ReadLimits READ_LIMITS = ReadLimits.of(LIMITS);
  private static final JsonFactory JSON = READ_LIMITS.jsonFactory();
  private static final YAMLFactory YAML = READ_LIMITS.yamlFactory();
  private static final PlanParser PLANS = new PlanParser(READ_LIMITS, Runnable::run);
  /** A value that reads a setting: {@code {name}}, or {@code {name} + N} or {@code {name} - N}. */
  private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile(
      "\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}\\s*(?:([+-])\\s*([0-9]{1,18}))?");

  private ScenarioReader() {}

  /**
   * Reads scenarios from files and directories (searched for {@code .yaml}, {@code .yml} and
   * {@code .json} files, in name order).
   *
   * @param paths files or directories
   * @return every scenario, in file order
   * @throws GatewayException with every problem when any file is unusable
   */
  public static List<Scenario> read(List<Path> paths) {
    return read(paths, null);
  }

  /**
   * Reads scenarios from files and directories, as {@link #read(List)} does, for a rule set: their
   * proposals may carry the local fields its reference data declares, and a number may read one of
   * its settings, as {@code annualValue: "{keyDecisionValue} + 1"}, so that a scenario at a
   * threshold follows the threshold when it changes. Any whole-number setting, and any local
   * setting of type number, may be read, with a whole number added or taken away.
   *
   * @param paths files or directories
   * @param rules the rule set the scenarios are for, or null for none (then neither is allowed)
   * @return every scenario, in file order
   * @throws GatewayException with every problem when any file is unusable
   */
  public static List<Scenario> read(List<Path> paths, RuleSet rules) {
    List<Scenario> scenarios = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path, problems)) {
        try {
          scenarios.addAll(new ScenarioFile(file, rules).read());
        } catch (GatewayException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new GatewayException(problems.size() + " problem(s) in the scenario files.", problems);
    }
    return scenarios;
  }

  private static List<Path> files(Path path, List<Problem> problems) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      problems.add(new Problem(path.toString(), 0, 0, Files.exists(path)
          ? "cannot be read: it is not a regular file but a device, a pipe or a socket, which is never read as a scenario file."
          : "does not exist."));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).filter(ScenarioReader::isScenarioFile).sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(path.toString(), 0, 0, "cannot be read: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isScenarioFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * Reads one scenario file. Only a regular file is read, and no more of it than
   * {@link Limits#planBytes()}; a plan file it names is read as {@link PlanReader} reads one.
   *
   * @param file the file
   * @return its scenarios
   * @throws GatewayException with every problem when it is unusable
   */
  public static List<Scenario> readFile(Path file) {
    return new ScenarioFile(file, null).read();
  }

  /** One scenario file as it is read, so that each problem is reported at its place. */
  private static final class ScenarioFile {
    private final Path file;
    private final String shown;
    private final List<Problem> problems = new ArrayList<>();
    private final RuleSet rules;
    private final PlanParser plans;
    private LocatedTree tree;

    ScenarioFile(Path file, RuleSet rules) {
      this.file = file;
      this.shown = file.toString();
      this.rules = rules;
      this.plans = rules == null || rules.referenceData().localFields().isEmpty() ? PLANS
          : new PlanParser(READ_LIMITS, Runnable::run, rules.referenceData().localFields());
    }

    List<Scenario> read() {
      String text = BoundedRead.text(file, LIMITS.planBytes(), "scenario file");
      boolean json = shown.toLowerCase(Locale.ROOT).endsWith(".json");
      try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
        tree = LocatedTree.read(parser, LIMITS.numberDigits(), LIMITS.numberScale());
      } catch (BoundedTree.DuplicateKeyException e) {
        var at = e.getLocation();
        throw unusable(new Problem(shown, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
            "The key \"" + e.key() + "\" is given twice in one mapping" + (e.firstLine() > 0 ? " (first on line "
            + e.firstLine() + ")" : "") + ": give each key once, as the later would silently replace the earlier."));
      } catch (JsonProcessingException e) {
        var at = e.getLocation();
        throw unusable(new Problem(shown, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
            "is not valid YAML or JSON: " + e.getOriginalMessage()));
      } catch (IOException e) {
        throw unusable(new Problem(shown, 0, 0, "cannot be read: " + e.getMessage()));
      }
      JsonNode root = tree.root();
      if (!root.isObject()) {
        throw unusable(new Problem(shown, tree.line(root), tree.column(root),
            "is not a scenario: it must be a mapping with a name, proposals and expect."));
      }
      List<Scenario> scenarios = new ArrayList<>();
      if (root.has("scenarios")) {
        JsonNode list = root.get("scenarios");
        if (!list.isArray() || root.size() != 1) {
          throw unusable(new Problem(shown, tree.line(list), tree.column(list),
              "must hold either one scenario or only a \"scenarios\" list."));
        }
        for (int i = 0; i < list.size(); i++) {
          scenario("scenarios[" + i + "]", list.get(i), scenarios);
        }
      } else {
        scenario(null, root, scenarios);
      }
      if (!problems.isEmpty()) {
        throw new GatewayException(problems.size() + " problem(s) in " + shown + ".", problems);
      }
      return scenarios;
    }

    private void problem(JsonNode at, String message) {
      problems.add(new Problem(shown, tree.line(at), tree.column(at), message));
    }

    private void scenario(String where, JsonNode node, List<Scenario> scenarios) {
      String prefix = where == null ? "" : where + ": ";
      if (!node.isObject()) {
        problem(node, prefix + "a scenario must be a mapping.");
        return;
      }
      int before = problems.size();
      unknownKeys(node, SCENARIO_KEYS, prefix + "scenario");
      JsonNode nameNode = node.get("name");
      String name = "";
      if (nameNode == null || nameNode.isNull()) {
        problem(node, prefix + "a scenario needs a \"name\".");
      } else if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
        problem(nameNode, prefix + "a scenario's \"name\" must be a text, but was " + describe(nameNode) + ".");
      } else {
        name = nameNode.asText();
      }
      String label = prefix + (name.isBlank() ? "" : "scenario \"" + name + "\": ");
      LocalDate asOf = null;
      JsonNode asOfNode = node.get("asOf");
      if (asOfNode != null && !asOfNode.isNull()) {
        try {
          asOf = asOfNode.isTextual() ? LocalDate.parse(asOfNode.asText()) : null;
        } catch (DateTimeParseException e) {
          asOf = null;
        }
        if (asOf == null) {
          problem(asOfNode, label + "asOf must be a date in the form yyyy-MM-dd, but was " + describe(asOfNode) + ".");
        }
      }
      Plan plan = plan(node, label);
      if (asOf == null && plan != null) {
        asOf = plan.asOf();
      }
      if (asOf == null && !node.hasNonNull("asOf")) {
        problem(node, label + "a scenario needs an \"asOf\" date, so that its result never depends on the day it runs.");
      }
      List<Expectation> expectations = expectations(node, label);
      JsonNode portfolio = node.get("portfolio");
      List<String> portfolioPresent = List.of();
      List<String> portfolioAbsent = List.of();
      if (portfolio != null && !portfolio.isNull()) {
        if (!portfolio.isObject()) {
          problem(portfolio, label + "\"portfolio\" must be a mapping with present and absent, but was "
              + describe(portfolio) + ".");
        } else {
          unknownKeys(portfolio, PORTFOLIO_KEYS, label + "portfolio");
          portfolioPresent = codes(portfolio, "present", label + "portfolio.present");
          portfolioAbsent = codes(portfolio, "absent", label + "portfolio.absent");
        }
      }
      Integer errors = null;
      JsonNode errorsNode = node.get("errors");
      if (errorsNode != null && !errorsNode.isNull()) {
        if (errorsNode.isIntegralNumber() && errorsNode.canConvertToInt() && errorsNode.asInt() >= 0) {
          errors = errorsNode.asInt();
        } else {
          problem(errorsNode, label + "errors must be a whole number of at least 0 (how many proposals are invalid), but was "
              + describe(errorsNode) + ".");
        }
      }
      if (problems.size() == before && plan != null) {
        scenarios.add(new Scenario(name, shown, asOf, plan, expectations, portfolioPresent, portfolioAbsent, errors));
      }
    }

    private Plan plan(JsonNode node, String label) {
      JsonNode planNode = node.get("plan");
      JsonNode proposals = node.get("proposals");
      boolean hasPlan = planNode != null && !planNode.isNull();
      if (hasPlan && proposals != null) {
        problem(proposals, label + "a scenario has either \"proposals\" or a \"plan\" file, not both.");
        return null;
      }
      try {
        if (hasPlan) {
          if (!planNode.isTextual() || planNode.asText().isBlank()) {
            problem(planNode, label + "\"plan\" must name a plan file, but was " + describe(planNode) + ".");
            return null;
          }
          Path planFile;
          try {
            planFile = file.toAbsolutePath().getParent().resolve(planNode.asText()).normalize();
          } catch (InvalidPathException e) {
            problem(planNode, label + "\"plan\" is not a file name: " + e.getReason() + ".");
            return null;
          }
          return rules == null ? PlanReader.create().read(planFile) : PlanReader.create().forRules(rules).read(planFile);
        }
        if (proposals != null) {
          if (!proposals.isArray()) {
            problem(proposals, label + "\"proposals\" must be a list, but was " + describe(proposals) + ".");
            return null;
          }
          ObjectNode document = JsonNodeFactory.instance.objectNode();
          int before = problems.size();
          document.set("proposals", settingsRead(proposals, label));
          return problems.size() > before ? null : plans.plan(document, shown);
        }
        problem(node, label + "a scenario needs \"proposals\" or a \"plan\" file.");
      } catch (InvalidPlanException e) {
        JsonNode at = hasPlan ? planNode : proposals;
        e.problems().forEach(p -> problem(at, label + p));
      }
      return null;
    }

    /**
     * The proposals with each text that reads a setting ({@code "{keyDecisionValue} + 1"}) made the
     * number it comes to; the rest as they are. Each setting that cannot be read is a problem at its
     * value.
     */
    private JsonNode settingsRead(JsonNode node, String label) {
      if (node.isTextual() && node.asText().strip().startsWith("{")) {
        java.util.regex.Matcher matcher = SETTING.matcher(node.asText().strip());
        if (!matcher.matches()) {
          return node;
        }
        String name = matcher.group(1);
        Long value = rules == null ? null : rules.referenceData().settings().numbers().get(name);
        if (rules == null) {
          problem(node, label + node.asText() + " reads a setting, which needs the rule set: read the scenarios with"
              + " gateway test, or ScenarioReader.read(paths, rules).");
          return node;
        }
        if (value == null) {
          java.util.Set<String> known = rules.referenceData().settings().numbers().keySet();
          String closest = org.councilgateway.internal.Names.closest(name, known);
          problem(node, label + "{" + name + "} is not a number setting of this rule set"
              + (closest == null ? "" : "; did you mean {" + closest + "}?") + " The number settings are "
              + String.join(", ", known) + ".");
          return node;
        }
        long offset = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(3));
        try {
          long result = "-".equals(matcher.group(2)) ? Math.subtractExact(value, offset) : Math.addExact(value, offset);
          return JsonNodeFactory.instance.numberNode(result);
        } catch (ArithmeticException e) {
          problem(node, label + node.asText() + " comes to more than the largest whole number.");
          return node;
        }
      }
      if (node.isArray()) {
        boolean changed = false;
        com.fasterxml.jackson.databind.node.ArrayNode copy = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : node) {
          JsonNode value = settingsRead(item, label);
          changed |= value != item;
          copy.add(value);
        }
        return changed ? copy : node;
      }
      if (node.isObject()) {
        boolean changed = false;
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          JsonNode value = settingsRead(field.getValue(), label);
          changed |= value != field.getValue();
          copy.set(field.getKey(), value);
        }
        return changed ? copy : node;
      }
      return node;
    }

    private List<Expectation> expectations(JsonNode node, String label) {
      // "expect" maps each proposal id to what is expected of it; "expected", and a list of entries
      // that each name their "id", are read the same way, as are codesPresent / codesAbsent.
      JsonNode expect = node.has("expect") ? node.get("expect") : node.get("expected");
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      if (expect == null || expect.isNull()) {
        return List.of();
      }
      if (expect.isObject()) {
        entries.addAll(expect.properties());
      } else if (expect.isArray()) {
        for (JsonNode item : expect) {
          JsonNode id = item.hasNonNull("id") ? item.get("id") : item.get("proposalId");
          if (!item.isObject()) {
            problem(item, label + "each entry of \"expect\" must be a mapping, but this is " + describe(item) + ".");
          } else if (id == null || id.isNull() || !id.isTextual() || id.asText().isBlank()) {
            problem(id == null || id.isNull() ? item : id, label + "each entry of \"expect\" needs the \"id\" of its proposal.");
          } else {
            entries.add(Map.entry(id.asText(), item));
          }
        }
      } else {
        problem(expect, label + "\"expect\" must map each proposal id to what is expected of it.");
      }
      List<Expectation> expectations = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : entries) {
        JsonNode e = entry.getValue();
        String where = label + "expect." + entry.getKey();
        if (!e.isObject()) {
          problem(e, where + " must be a mapping.");
          continue;
        }
        unknownKeys(e, EXPECT_KEYS, where);
        List<String> present = new ArrayList<>(codes(e, "present", where + ".present"));
        present.addAll(codes(e, "codesPresent", where + ".codesPresent"));
        List<String> absent = new ArrayList<>(codes(e, "absent", where + ".absent"));
        absent.addAll(codes(e, "codesAbsent", where + ".codesAbsent"));
        Boolean keyDecision = bool(e, "keyDecision", where);
        Boolean ready = bool(e, "ready", where);
        List<String> blockers = e.has("blockers") && !e.get("blockers").isNull()
            ? codes(e, "blockers", where + ".blockers") : null;
        expectations.add(new Expectation(entry.getKey(), text(e, "classification", where), text(e, "route", where),
            keyDecision, text(e, "eiaLevel", where), present, absent, ready, blockers));
      }
      return expectations;
    }

    private Boolean bool(JsonNode e, String key, String where) {
      JsonNode value = e.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isBoolean()) {
        problem(value, where + "." + key + " must be true or false, but was " + describe(value) + ".");
        return null;
      }
      return value.asBoolean();
    }

    private void unknownKeys(JsonNode node, Set<String> keys, String where) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (!keys.contains(key)) {
          problem(field.getValue(), where + " has the key \"" + key + "\", which scenarios do not define (expected "
              + String.join(", ", keys.stream().sorted().toList()) + ").");
        }
      }
    }

    /** An optional text, such as a classification: null when absent, and a problem when not a text. */
    private String text(JsonNode node, String key, String where) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        problem(value, where + "." + key + " must be a text, but was " + describe(value) + ".");
        return null;
      }
      return value.asText();
    }

    /** Codes: one text, or a list of them. */
    private List<String> codes(JsonNode node, String key, String where) {
      JsonNode value = node.get(key);
      List<String> values = new ArrayList<>();
      if (value == null || value.isNull()) {
        return values;
      }
      if (value.isTextual()) {
        values.add(value.asText());
      } else if (value.isArray()) {
        for (JsonNode item : value) {
          if (item.isTextual() && !item.asText().isBlank()) {
            values.add(item.asText());
          } else {
            problem(item, where + " must list codes, but has " + describe(item) + ".");
          }
        }
      } else {
        problem(value, where + " must be a code or a list of codes, but was " + describe(value) + ".");
      }
      return values;
    }
  }

  private static GatewayException unusable(Problem problem) {
    return new GatewayException(problem);
  }

  private static String describe(JsonNode node) {
    return BoundedTree.shown(node, "a mapping");
  }
}
