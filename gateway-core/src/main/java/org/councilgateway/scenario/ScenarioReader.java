package org.councilgateway.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.councilgateway.GatewayException;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;

/**
 * Reads scenario files (YAML or JSON). A file holds one scenario, or several under
 * {@code scenarios:}. Every problem is reported with the file and, where known, the line.
 */
public final class ScenarioReader {
  private static final Set<String> SCENARIO_KEYS = Set.of("name", "asOf", "plan", "proposals", "expect", "expected",
      "portfolio", "errors");
  private static final Set<String> EXPECT_KEYS = Set.of("id", "proposalId", "classification", "route", "keyDecision",
      "eiaLevel", "present", "absent", "codesPresent", "codesAbsent");
  private static final Set<String> PORTFOLIO_KEYS = Set.of("present", "absent");
  private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory());
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
    List<Scenario> scenarios = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path, problems)) {
        try {
          scenarios.addAll(readFile(file));
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
      problems.add(new Problem(path.toString(), 0, 0, "does not exist."));
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
   * Reads one scenario file.
   *
   * @param file the file
   * @return its scenarios
   * @throws GatewayException with every problem when it is unusable
   */
  public static List<Scenario> readFile(Path file) {
    String shown = file.toString();
    JsonNode root;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      boolean json = shown.toLowerCase(Locale.ROOT).endsWith(".json");
      try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
        root = (json ? JSON : YAML).readTree(parser);
      }
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw problem(new Problem(shown, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "is not valid YAML or JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw problem(new Problem(shown, 0, 0, "cannot be read: " + e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw problem(new Problem(shown, 0, 0, "is not a scenario: it must be a mapping with a name, proposals and expect."));
    }
    List<Problem> problems = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    if (root.has("scenarios")) {
      JsonNode list = root.get("scenarios");
      if (!list.isArray() || root.size() != 1) {
        throw problem(new Problem(shown, 0, 0, "must hold either one scenario or only a \"scenarios\" list."));
      }
      for (int i = 0; i < list.size(); i++) {
        scenario(file, "scenarios[" + i + "]", list.get(i), scenarios, problems);
      }
    } else {
      scenario(file, null, root, scenarios, problems);
    }
    if (!problems.isEmpty()) {
      throw new GatewayException(problems.size() + " problem(s) in " + shown + ".", problems);
    }
    return scenarios;
  }

  private static GatewayException problem(Problem problem) {
    return new GatewayException(problem);
  }

  private static void scenario(Path file, String where, JsonNode node, List<Scenario> scenarios, List<Problem> problems) {
    String shown = file.toString();
    String prefix = where == null ? "" : where + ": ";
    if (!node.isObject()) {
      problems.add(new Problem(shown, 0, 0, prefix + "a scenario must be a mapping."));
      return;
    }
    int before = problems.size();
    unknownKeys(node, SCENARIO_KEYS, shown, prefix + "scenario", problems);
    String name = node.path("name").asText("");
    if (name.isBlank()) {
      problems.add(new Problem(shown, 0, 0, prefix + "a scenario needs a \"name\"."));
    }
    String label = prefix + (name.isBlank() ? "" : "scenario \"" + name + "\": ");
    LocalDate asOf = null;
    if (node.hasNonNull("asOf")) {
      try {
        asOf = LocalDate.parse(node.get("asOf").asText());
      } catch (DateTimeParseException e) {
        problems.add(new Problem(shown, 0, 0, label + "asOf must be a date in the form yyyy-MM-dd, but was \"" + node.get("asOf").asText() + "\"."));
      }
    }
    Plan plan = null;
    try {
      if (node.hasNonNull("plan")) {
        Path planFile = file.toAbsolutePath().getParent().resolve(node.get("plan").asText()).normalize();
        plan = PlanReader.create().read(planFile);
      } else if (node.has("proposals")) {
        ObjectNode document = JSON.createObjectNode();
        document.set("proposals", node.get("proposals"));
        plan = PlanReader.create().read(JSON.writeValueAsString(document), shown + ".json");
      } else {
        problems.add(new Problem(shown, 0, 0, label + "a scenario needs \"proposals\" or a \"plan\" file."));
      }
    } catch (InvalidPlanException e) {
      e.problems().forEach(p -> problems.add(new Problem(shown, 0, 0, label + p)));
    } catch (JsonProcessingException e) {
      problems.add(new Problem(shown, 0, 0, label + "its proposals cannot be read: " + e.getOriginalMessage()));
    }
    if (asOf == null && plan != null) {
      asOf = plan.asOf();
    }
    if (asOf == null && !node.hasNonNull("asOf")) {
      problems.add(new Problem(shown, 0, 0, label + "a scenario needs an \"asOf\" date, so that its result never depends on the day it runs."));
    }
    List<Expectation> expectations = new ArrayList<>();
    // "expect" maps each proposal id to what is expected of it; "expected", and a list of entries
    // that each name their "id", are read the same way, as are codesPresent / codesAbsent.
    JsonNode expect = node.has("expect") ? node.path("expect") : node.path("expected");
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    if (expect.isObject()) {
      entries.addAll(expect.properties());
    } else if (expect.isArray()) {
      for (JsonNode item : expect) {
        String id = item.hasNonNull("id") ? item.get("id").asText() : item.path("proposalId").asText("");
        if (id.isBlank()) {
          problems.add(new Problem(shown, 0, 0, label + "each entry of \"expect\" needs the \"id\" of its proposal."));
        } else {
          entries.add(Map.entry(id, item));
        }
      }
    } else if (!expect.isMissingNode()) {
      problems.add(new Problem(shown, 0, 0, label + "\"expect\" must map each proposal id to what is expected of it."));
    }
    for (Map.Entry<String, JsonNode> entry : entries) {
      JsonNode e = entry.getValue();
      if (!e.isObject()) {
        problems.add(new Problem(shown, 0, 0, label + "expect." + entry.getKey() + " must be a mapping."));
        continue;
      }
      unknownKeys(e, EXPECT_KEYS, shown, label + "expect." + entry.getKey(), problems);
      List<String> present = strings(e.get("present"));
      present.addAll(strings(e.get("codesPresent")));
      List<String> absent = strings(e.get("absent"));
      absent.addAll(strings(e.get("codesAbsent")));
      expectations.add(new Expectation(entry.getKey(), text(e, "classification"), text(e, "route"),
          e.hasNonNull("keyDecision") ? e.get("keyDecision").asBoolean() : null, text(e, "eiaLevel"), present, absent));
    }
    JsonNode portfolio = node.path("portfolio");
    if (portfolio.isObject()) {
      unknownKeys(portfolio, PORTFOLIO_KEYS, shown, label + "portfolio", problems);
    }
    Integer errors = node.hasNonNull("errors") ? node.get("errors").asInt() : null;
    if (problems.size() == before && plan != null) {
      scenarios.add(new Scenario(name, shown, asOf, plan, expectations, strings(portfolio.get("present")),
          strings(portfolio.get("absent")), errors));
    }
  }

  private static void unknownKeys(JsonNode node, Set<String> keys, String file, String where, List<Problem> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        problems.add(new Problem(file, 0, 0, where + " has the key \"" + key + "\", which scenarios do not define (expected "
            + String.join(", ", keys.stream().sorted().toList()) + ")."));
      }
    }
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) ? node.get(key).asText() : null;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(item -> values.add(item.asText()));
    } else if (node != null && node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }
}
