package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the reference documents true: docs/policy.md lists exactly the codes the bundled rules can
 * record and the reader's warnings, each row citing the rules that record it; docs/formats.md names
 * every proposal field the sample plan uses and every scenario key the bundled scenarios use.
 *
 * <p>The rules and the sample files are read as text (DRL) or through Jackson, not through the
 * gateway's own classes, so the test holds however those classes are arranged.
 */
class ReferenceDocsTest {
  private static final Path POLICY_DOC = Path.of("../docs/policy.md");
  private static final Path FORMATS_DOC = Path.of("../docs/formats.md");
  private static final Path RULES = Path.of("src/main/resources/org/councilgateway/rules");
  private static final Path SCENARIOS = Path.of("src/main/scenarios");
  private static final Path SAMPLE_PLAN = Path.of("../examples/src/main/resources/plans/sample-forward-plan.json");
  private static final Path CORE_SOURCES = Path.of("../gateway-core/src/main/java");

  /** The {@code findings} methods that record a code; keyDecision and characteristics record none. */
  private static final Set<String> CODED_METHODS = Set.of("scope", "impact", "eiaReason", "eiaAction", "challenge",
      "portfolio");
  private static final Pattern FINDINGS_CALL = Pattern.compile("\\bfindings\\s*\\.\\s*(\\w+)\\s*\\(");
  /** The code: the first argument (portfolio) or the second (after the proposal), a string literal. */
  private static final Pattern CODE_ARGUMENT = Pattern.compile("\\G\\s*(?:\\$?\\w+\\s*,\\s*)?\"([A-Z][A-Z0-9_]*)\"");
  private static final Pattern RULE_START = Pattern.compile("(?m)^\\s*rule\\s+\"");
  private static final Pattern RULE_ID = Pattern.compile("@id\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
  private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void policyDoc_listsEveryFindingCode() {
    Map<String, Set<String>> recorded = codesRecordedByRules();
    Set<String> documented = codeRows(POLICY_DOC, false).keySet();

    assertThat(recorded).as("codes found in the bundled DRL files").isNotEmpty();
    assertThat(documented)
        .as("the codes in docs/policy.md's finding tables (| code | meaning | source |, outside \"Warnings\")"
            + " must be exactly the codes the bundled rules record")
        .containsExactlyInAnyOrderElementsOf(recorded.keySet());
  }

  @Test
  void rulesByCode_givesEachCodeWithTheRulesThatRecordIt_asTheRuleFilesDo() {
    Map<String, Set<String>> recorded = codesRecordedByRules();
    Map<String, Set<String>> fromApi = new java.util.TreeMap<>();
    org.councilgateway.RuleSet.bundled().rulesByCode().forEach((code, rules) -> fromApi.put(code,
        rules.stream().map(org.councilgateway.RuleInfo::id).collect(java.util.stream.Collectors.toSet())));

    assertThat(fromApi.remove("KEY_DECISION")).as("the rules that decide a key decision").isNotEmpty();
    assertThat(fromApi).isEqualTo(new java.util.TreeMap<>(recorded));
  }

  @Test
  void policyDoc_citesTheRulesThatRecordEachCode() {
    Map<String, Set<String>> recorded = codesRecordedByRules();
    Map<String, String> rows = codeRows(POLICY_DOC, false);

    for (Map.Entry<String, Set<String>> code : recorded.entrySet()) {
      String row = rows.get(code.getKey());
      assertThat(row).as("the row of %s in docs/policy.md", code.getKey()).isNotNull();
      for (String ruleId : code.getValue()) {
        assertThat(row).as("the row of %s in docs/policy.md cites rule %s, which records it", code.getKey(), ruleId)
            .contains("`" + ruleId + "`");
      }
    }
  }

  @Test
  void policyDoc_listsEveryWarningCode() {
    Set<String> made = warningCodesInSource();
    Set<String> documented = codeRows(POLICY_DOC, true).keySet();

    assertThat(made).as("warning codes found in the gateway-core sources that make Warnings").isNotEmpty();
    assertThat(documented).as("the codes in docs/policy.md's \"Warnings\" table must be exactly the reader's warnings")
        .containsExactlyInAnyOrderElementsOf(made);
  }

  @Test
  void formatsDoc_namesEveryFieldOfTheSamplePlan() throws IOException {
    JsonNode plan = JSON.readTree(SAMPLE_PLAN.toFile());
    Set<String> fields = new TreeSet<>();
    plan.fieldNames().forEachRemaining(fields::add);
    Set<String> proposalFields = new TreeSet<>();
    for (JsonNode proposal : plan.get("proposals")) {
      proposal.fieldNames().forEachRemaining(proposalFields::add);
      nestedFields("", proposal, fields);
    }
    Set<String> named = firstColumnNames(FORMATS_DOC);

    assertThat(proposalFields).as("the sample plan's proposal fields").contains("id", "provider", "eia");
    assertThat(named).as("docs/formats.md must name, in the first column of a table, every top-level field of a"
        + " proposal in the sample plan").containsAll(proposalFields);
    assertThat(named).as("docs/formats.md must name every nested field the sample plan uses, as parent.child or"
        + " list[].child").containsAll(fields);
  }

  @Test
  void formatsDoc_namesEveryScenarioKeyTheBundledScenariosUse() throws IOException {
    Set<String> keys = new TreeSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SCENARIOS)) {
      files = walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(yaml|yml|json)")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode root = (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
      if (root.has("scenarios")) {
        keys.add("scenarios");
        root.get("scenarios").forEach(scenario -> scenarioKeys(scenario, keys));
      } else {
        scenarioKeys(root, keys);
      }
    }
    Set<String> named = firstColumnNames(FORMATS_DOC);

    assertThat(files).as("the bundled scenario files").isNotEmpty();
    assertThat(keys).as("keys the bundled scenarios use").contains("name", "asOf", "expect", "present", "absent");
    assertThat(named).as("docs/formats.md must name, in the first column of a table, every scenario key the bundled"
        + " scenarios use").containsAll(keys);
  }

  /**
   * Every code the bundled rules record through {@code findings}, with the ids of the rules that
   * record it. A call whose code is not a string literal fails the test, so no code escapes it.
   */
  private static Map<String, Set<String>> codesRecordedByRules() {
    Map<String, Set<String>> codes = new TreeMap<>();
    for (Path file : files(RULES, ".drl")) {
      String text = withoutComments(read(file));
      Matcher start = RULE_START.matcher(text);
      List<Integer> starts = new ArrayList<>();
      while (start.find()) {
        starts.add(start.start());
      }
      starts.add(text.length());
      for (int i = 0; i + 1 < starts.size(); i++) {
        String rule = text.substring(starts.get(i), starts.get(i + 1));
        Matcher id = RULE_ID.matcher(rule);
        String ruleId = id.find() ? id.group(1) : "(a rule without @id in " + file + ")";
        Matcher call = FINDINGS_CALL.matcher(rule);
        while (call.find()) {
          if (!CODED_METHODS.contains(call.group(1))) {
            continue;
          }
          Matcher code = CODE_ARGUMENT.matcher(rule);
          if (!code.find(call.end())) {
            fail("Cannot read the code of findings." + call.group(1) + "(...) in rule " + ruleId + " of " + file
                + ": it must be a string literal such as \"CHALLENGE_RISKS\".");
          }
          codes.computeIfAbsent(code.group(1), k -> new TreeSet<>()).add(ruleId);
        }
      }
    }
    return codes;
  }

  /** The codes of the reader's warnings: the code literals of every source file that makes a Warning. */
  private static Set<String> warningCodesInSource() {
    Set<String> codes = new TreeSet<>();
    for (Path file : files(CORE_SOURCES, ".java")) {
      String text = withoutComments(read(file));
      if (!text.contains("new Warning(")) {
        continue;
      }
      Matcher literal = CODE_LITERAL.matcher(text);
      while (literal.find()) {
        codes.add(literal.group(1));
      }
    }
    return codes;
  }

  /**
   * The rows of the tables headed {@code | code | ...} in a document, by the code in backticks in
   * their first column: those under a "Warnings" heading, or those elsewhere.
   */
  private static Map<String, String> codeRows(Path doc, boolean warnings) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (Table table : tables(doc)) {
      if (!table.header().get(0).equals("code") || table.heading().contains("Warnings") != warnings) {
        continue;
      }
      for (Row row : table.rows()) {
        String code = onlyBackticked(doc, row);
        String previous = rows.put(code, row.line());
        assertThat(previous).as("%s lists %s twice", doc, code).isNull();
      }
    }
    return rows;
  }

  /** Every name in backticks in the first column of any table of a document. */
  private static Set<String> firstColumnNames(Path doc) {
    Set<String> names = new TreeSet<>();
    for (Table table : tables(doc)) {
      for (Row row : table.rows()) {
        Matcher name = BACKTICKED.matcher(row.cells().get(0));
        while (name.find()) {
          names.add(name.group(1));
        }
      }
    }
    return names;
  }

  private static String onlyBackticked(Path doc, Row row) {
    Matcher name = BACKTICKED.matcher(row.cells().get(0));
    if (!name.find() || !row.cells().get(0).equals("`" + name.group(1) + "`")) {
      fail(doc + ": the first column of a code table must hold one code in backticks, but this row has "
          + row.cells().get(0) + ": " + row.line());
    }
    return name.group(1);
  }

  private record Row(List<String> cells, String line) {}

  private record Table(String heading, List<String> header, List<Row> rows) {}

  /** The Markdown tables of a document, each with the heading it stands under. */
  private static List<Table> tables(Path doc) {
    List<Table> tables = new ArrayList<>();
    String heading = "";
    List<String> lines = read(doc).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("## ")) {
        heading = line.substring(3).strip();
      }
      if (!line.startsWith("|") || i + 1 >= lines.size() || !lines.get(i + 1).strip().matches("\\|[-:| ]+\\|")) {
        continue;
      }
      List<String> header = cells(line);
      List<Row> rows = new ArrayList<>();
      i += 2;
      while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
        rows.add(new Row(cells(lines.get(i).strip()), lines.get(i)));
        i++;
      }
      tables.add(new Table(heading, header, rows));
    }
    return tables;
  }

  /** The cells of a table row; {@code \|} inside a cell is not a separator. */
  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  /** Adds {@code parent.child} for objects and {@code list[].child} for lists of objects, below a proposal. */
  private static void nestedFields(String prefix, JsonNode node, Set<String> fields) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        if (!prefix.isEmpty()) {
          fields.add(path);
        }
        nestedFields(path, field.getValue(), fields);
      });
    } else if (node.isArray()) {
      node.forEach(item -> nestedFields(prefix + "[]", item, fields));
    }
  }

  private static void scenarioKeys(JsonNode scenario, Set<String> keys) {
    scenario.fieldNames().forEachRemaining(keys::add);
    JsonNode expect = scenario.has("expect") ? scenario.get("expect") : scenario.path("expected");
    if (expect.isObject()) {
      expect.forEach(expectation -> expectation.fieldNames().forEachRemaining(keys::add));
    } else if (expect.isArray()) {
      expect.forEach(expectation -> expectation.fieldNames().forEachRemaining(keys::add));
    }
    scenario.path("portfolio").fieldNames().forEachRemaining(keys::add);
  }

  /** The text without its comments ({@code //} to the end of the line, and block comments), strings kept. */
  private static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, text.length());
        out.append(text, i, end);
        i = end;
      } else if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static List<Path> files(Path root, String extension) {
    assertThat(root).as("the directory %s (relative to the gateway-rules module)", root).isDirectory();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(extension)).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
