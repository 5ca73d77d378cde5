package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway command as a user runs it: the shaded jar, in a process of its own. */
class GatewayJarIT {
  private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"));
  private static final Path SAMPLE = Path.of("src/main/resources/plans/sample-forward-plan.json");
  private static final Path MIXED = Path.of("src/test/resources/plans/mixed.json");
  private static final Path BUNDLED_RULES = Path.of("../gateway-rules/src/main/resources/org/councilgateway/rules");
  private static final Path BUNDLED_SCENARIOS = Path.of("../gateway-rules/src/main/scenarios");

  /** What a run of the command left behind. */
  record Run(int exit, String out, String err) {}

  static Run gateway(String... args) throws IOException, InterruptedException {
    return gatewayWithInput(null, args);
  }

  /** Runs the command with standard input read from a file, or from nothing when it is null. */
  static Run gatewayWithInput(Path input, String... args) throws IOException, InterruptedException {
    return gatewayWith(input, java.util.Map.of(), args);
  }

  /**
   * Runs the command.
   *
   * @param input the file standard input is read from, or null for none
   * @param environment variables to add to the command's environment
   * @param args the arguments
   */
  static Run gatewayWith(Path input, java.util.Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("gateway-out", ".txt");
    Path err = Files.createTempFile("gateway-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    if (input != null) {
      builder.redirectInput(input.toFile());
    }
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
    Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR).as("the shaded jar; run mvn package first").exists();
  }

  static void noStackTrace(Run run) {
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("\tat ");
  }

  @Nested
  @DisplayName("assess")
  class Assess {
    @Test
    void assess_samplePlanAsText_assessesEveryProposal() throws Exception {
      Run run = gateway("assess", SAMPLE.toString());

      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("18 proposal(s) assessed")
          .contains("NL-2027-001: COUNCIL_WIDE, route STRATEGIC_COMMISSIONING_GROUP, key decision")
          .contains("CHALLENGE_IN_HOUSE_OPTION")
          .contains("Across the forward plan")
          .contains("OVERLAP_JOIN_UP");
      noStackTrace(run);
    }

    @Test
    void assess_samplePlanAsJson_isTheSameBytesEachRun() throws Exception {
      Run first = gateway("assess", SAMPLE.toString(), "--format", "json", "--as-of", "2026-11-23");
      Run second = gateway("assess", "--format=json", "--as-of=2026-11-23", SAMPLE.toString());

      assertThat(first.exit()).isZero();
      assertThat(second.out()).isEqualTo(first.out());
      JsonNode json = new ObjectMapper().readTree(first.out());
      assertThat(json.get("rulesetVersion").asText()).matches("sha256:[0-9a-f]{64}");
      assertThat(json.get("asOf").asText()).isEqualTo("2026-11-23");
      assertThat(json.get("assessments")).hasSize(18);
      assertThat(json.get("errors")).isEmpty();
      assertThat(first.out()).endsWith("}\n").contains("  \"assessments\": [\n");
    }

    @Test
    void assess_mixedPlan_assessesTheGoodAndListsEveryBadOne() throws Exception {
      Run run = gateway("assess", MIXED.toString(), "--format", "json");

      assertThat(run.exit()).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.get("assessments").findValuesAsText("proposalId")).containsExactly("OK-1", "OK-2");
      List<String> paths = json.get("errors").findValuesAsText("path");
      assertThat(paths).containsExactly("/proposals/1/annualValue", "/proposals/1/changeType",
          "/proposals/3/colour", "/proposals/3/id", "/proposals/4/id");
      assertThat(json.get("errors").get(1).get("message").asText()).contains("NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION");
      assertThat(run.err()).contains("3 proposal(s) could not be assessed");
      noStackTrace(run);
    }

    @Test
    void assess_notJson_exitsTwoNamingTheFile(@TempDir Path dir) throws Exception {
      Path plan = dir.resolve("plan.json");
      Files.writeString(plan, "this is not { json");

      Run run = gateway("assess", plan.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().strip()).startsWith(plan.toString()).contains("is not valid JSON").doesNotContain("\n");
      noStackTrace(run);
    }

    @Test
    void assess_devZero_exitsTwoWithoutReadingIt() throws Exception {
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");

      Run run = gateway("assess", "/dev/zero");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("/dev/zero: cannot be read: it is not a regular file but a device, a pipe or a socket,"
          + " which is never read as a plan.\n");
      noStackTrace(run);
    }

    @Test
    void assess_namedPipe_exitsTwoWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
      Path fifo = dir.resolve("plan.json");
      Process mkfifo;
      try {
        mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
      } catch (IOException e) {
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
        return;
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
          "mkfifo could not make a named pipe here");

      Run run = gateway("assess", fifo.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).isEqualTo(fifo + ": cannot be read: it is not a regular file but a device, a pipe or a socket,"
          + " which is never read as a plan.\n");
    }

    @Test
    void assess_planOnStandardInput_isAssessedAsFromAFile() throws Exception {
      Run fromFile = gateway("assess", SAMPLE.toString(), "--format", "json", "--as-of", "2026-11-23");
      Run fromInput = gatewayWithInput(SAMPLE, "assess", "-", "--format", "json", "--as-of", "2026-11-23");

      assertThat(fromInput.exit()).isZero();
      assertThat(fromInput.out()).isEqualTo(fromFile.out());
      noStackTrace(fromInput);
    }

    @Test
    void assess_notJsonOnStandardInput_exitsTwoNamingStandardInput(@TempDir Path dir) throws Exception {
      Path input = Files.writeString(dir.resolve("input"), "{\"proposals\": [}");

      Run run = gatewayWithInput(input, "assess", "-");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).startsWith("standard input:1:").contains("is not valid JSON");
      noStackTrace(run);
    }

    @Test
    void assess_idWithANewlineAndATerminalEscape_isShownEscapedOnItsOwnLine(@TempDir Path dir) throws Exception {
      Path plan = Files.writeString(dir.resolve("plan.json"), "{\"asOf\": \"2026-11-23\", \"proposals\": ["
          + proposal("OK-1", "") + ", " + proposal("X\\u001b[2J\\nOK-1: COUNCIL_WIDE", "") + "]}");

      Run run = gateway("assess", plan.toString());

      assertThat(run.exit()).isZero();
      assertThat(run.out()).doesNotContain("\u001b").contains("\nX\\u001b[2J\\u000aOK-1: COUNCIL_WIDE: ");
      assertThat(run.out().lines()).filteredOn(line -> line.startsWith("OK-1:")).hasSize(1);
    }

    @Test
    void assess_numberWithAHugeExponent_isAnErrorForItsProposalOnly(@TempDir Path dir) throws Exception {
      Path plan = Files.writeString(dir.resolve("plan.json"), "{\"asOf\": \"2026-11-23\", \"proposals\": ["
          + proposal("OK-1", "") + ", " + proposal("HUGE", ", \"reductionPercent\": 1e-999999999") + ", "
          + proposal("OK-2", "") + ", " + proposal("HUGER", ", \"annualValue\": 1e-2147483647") + "]}");

      Run run = gateway("assess", plan.toString(), "--format", "json");

      assertThat(run.exit()).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.get("assessments").findValuesAsText("proposalId")).containsExactly("OK-1", "OK-2");
      assertThat(json.get("errors").findValuesAsText("path"))
          .containsExactly("/proposals/1/reductionPercent", "/proposals/3/annualValue");
      assertThat(json.get("errors").get(0).get("message").asText()).contains("the numberScale limit");
      assertThat(run.err()).isEqualTo(plan + ": 2 proposal(s) could not be assessed; each is listed under errors.\n");
      noStackTrace(run);
    }

    @Test
    void assess_yamlNotFinite_isAnErrorForItsProposalOnly(@TempDir Path dir) throws Exception {
      Path plan = Files.writeString(dir.resolve("plan.yaml"), "asOf: 2026-11-23\nproposals:\n"
          + "  - {id: OK-1, title: T, leadDirectorate: PEOPLE, serviceArea: LEISURE, changeType: NEW}\n"
          + "  - {id: NAN, title: T, leadDirectorate: PEOPLE, serviceArea: LEISURE, changeType: REDUCE, reductionPercent: .nan}\n");

      Run run = gateway("assess", plan.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).contains("\nOK-1: ").contains("reductionPercent is .nan, which is not a finite number.");
      noStackTrace(run);
    }

    @Test
    void assess_missingFile_exitsTwoNamingTheFile(@TempDir Path dir) throws Exception {
      Path plan = dir.resolve("absent.yaml");

      Run run = gateway("assess", plan.toString());

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo(plan + ": does not exist.");
    }
  }

  @Nested
  @DisplayName("validate")
  class Validate {
    @Test
    void validate_bundledRules_areSound() throws Exception {
      Run run = gateway("validate");

      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("The bundled rules: sound");
    }

    @Test
    void validate_gateStageNamingACodeNoRuleRecords_warnsWithItsPlace(@TempDir Path dir) throws Exception {
      Path rules = copyBundledRules(dir);
      Path data = rules.resolve("reference-data.yaml");
      String text = Files.readString(data).replace("{stage: OPTIONS, requires: []}",
          "{stage: OPTIONS, requires: [CHALENGE_RISKS]}");
      Files.writeString(data, text);
      int line = (int) text.lines().takeWhile(l -> !l.contains("CHALENGE_RISKS")).count() + 1;

      Run run = gateway("validate", rules.toString());

      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("sound");
      assertThat(run.err()).contains(data + ":" + line + ":").contains(
          ": gateStages names CHALENGE_RISKS, which no rule records, so it can never block a stage.");
      assertThat(gateway("validate").err()).doesNotContain("gateStages names");
      noStackTrace(run);
    }

    @Test
    void validate_syntaxError_printsFileLineColumn(@TempDir Path dir) throws Exception {
      Path rules = copyBundledRules(dir);
      Path scope = rules.resolve("scope.drl");
      Files.writeString(scope, Files.readString(scope).replace("  $p : Proposal( $area : serviceArea )", "  $p : Proposal( $area : serviceArea"));

      Run run = gateway("validate", rules.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(scope.toString()) + ":\\d+:\\d+: .+");
      noStackTrace(run);
    }

    @Test
    void validate_ruleFileNameWithANewline_printsEachProblemOnOneLine(@TempDir Path dir) throws Exception {
      Path rules = copyBundledRules(dir);
      Path scope = rules.resolve("scope.drl");
      Path renamed = rules.resolve("sc\nope\u001b[2J.drl");
      Files.writeString(renamed, Files.readString(scope).replace("  $p : Proposal( $area : serviceArea )", "  $p : Proposal( $area : serviceArea"));
      Files.delete(scope);

      Run run = gateway("validate", rules.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).doesNotContain("\u001b").contains("sc\\u000aope\\u001b[2J.drl");
      assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).startsWith(rules.toString()));
      noStackTrace(run);
    }

    @Test
    void validate_ruleWithoutSource_namesTheRuleAndTheKey(@TempDir Path dir) throws Exception {
      Path rules = copyBundledRules(dir);
      Path challenge = rules.resolve("challenge.drl");
      Files.writeString(challenge, Files.readString(challenge)
          .replace("  @source(\"North Lincolnshire Council, Commissioning Programme Gateway outline design, appendix 4.1\")\n  @description(\"The proposal states no commissioning objectives.\")",
              "  @description(\"The proposal states no commissioning objectives.\")"));

      Run run = gateway("validate", rules.toString());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).contains(challenge + ":").contains("Rule \"No commissioning objectives\" has no @source");
    }
  }

  @Test
  void test_bundledScenarios_closeWithPassedAndFailed() throws Exception {
    Run run = gateway("test", BUNDLED_SCENARIOS.toString());

    assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$");
    assertThat(run.exit()).isZero();
  }

  @Test
  void test_failingScenario_printsExpectedAndActualAndExitsOne(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("wrong.yaml");
    Files.writeString(scenario, String.join("\n",
        "name: A payroll extension is wrongly expected to be council-wide",
        "asOf: 2026-11-23",
        "proposals:",
        "  - {id: P-1, title: Payroll, leadDirectorate: POLICY_AND_RESOURCES, serviceArea: PAYROLL, changeType: EXTEND}",
        "expect:",
        "  P-1: {classification: COUNCIL_WIDE, present: [CHALLENGE_RISKS], absent: [CHALLENGE_OBJECTIVES]}",
        ""));

    Run run = gateway("test", scenario.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL Scenario \"A payroll extension is wrongly expected to be council-wide\"")
        .contains("P-1: expected classification COUNCIL_WIDE but was SINGLE_DIRECTORATE")
        .contains("P-1: expected CHALLENGE_OBJECTIVES absent, but it is present")
        .contains("What came out:")
        .contains("rules fired [GW-CHL-001")
        .containsPattern("(?m)^0 passed, 1 failed$");
    assertThat(run.out().lines().count()).as("one screen").isLessThan(70);
  }

  @Test
  void test_coverageBelowTheMinimum_exitsOne(@TempDir Path dir) throws Exception {
    Run run = gateway("test", "--coverage-min", "100", BUNDLED_SCENARIOS.resolve("scope").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("rule(s) no scenario made fire").containsPattern("(?m)^\\d+ passed, 0 failed$");
    assertThat(run.err()).contains("is below the required 100.0%");
  }

  @Test
  void docs_bundledRules_listEveryRuleAsMarkdown() throws Exception {
    Run run = gateway("docs");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("# Programme gateway rule catalogue").contains("| GW-SCOPE-001 |").contains("### Service areas");
  }

  /** A sound proposal as JSON, with more fields after the required ones. */
  static String proposal(String id, String more) {
    return "{\"id\": \"" + id + "\", \"title\": \"T\", \"leadDirectorate\": \"PLACES\", \"serviceArea\": \"LEISURE\","
        + " \"changeType\": \"REDUCE\"" + more + "}";
  }

  static Path copyBundledRules(Path dir) throws IOException {
    Path target = dir.resolve("rules");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(BUNDLED_RULES)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  @Nested
  @DisplayName("limits and the compile cache")
  class LimitsAndCache {
    @Test
    void assess_findingsBeyondALoweredLimit_stopWithTheLimitNamed() throws Exception {
      Run run = gateway("assess", SAMPLE.toString(), "--limit", "findingsPerPlan=5", "--limit", "findingsPerProposal=0");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("The rules recorded more than 5 findings for 18 proposal(s), the most an "
          + "assessment may record (limit findingsPerPlan 5 plus findingsPerProposal 0 for each proposal), and were "
          + "stopped.");
      noStackTrace(run);
    }

    @Test
    void assess_unknownLimit_isRefusedWithTheLimitsNamed() throws Exception {
      Run run = gateway("assess", SAMPLE.toString(), "--limit", "speed=11");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("There is no limit called 'speed'; the limits are planBytes, numberDigits");
      noStackTrace(run);
    }

    @Test
    void assess_planOverARaisedLimitLowered_isRefused() throws Exception {
      Run run = gateway("assess", SAMPLE.toString(), "--limit", "planBytes=100");

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("100 bytes");
      noStackTrace(run);
    }

    /**
     * A cache entry replaced by one holding a class with a static initialiser, under the right
     * name and with the right recorded version: the command refuses it with a warning, compiles
     * the rules afresh, and the planted code never runs.
     */
    @Test
    void validate_plantedCompileCacheEntry_isRefusedAndNeverRuns(@TempDir Path dir) throws Exception {
      Path rules = dir.resolve("rules");
      Files.createDirectories(rules);
      try (Stream<Path> files = Files.list(BUNDLED_RULES)) {
        for (Path file : files.toList()) {
          Files.copy(file, rules.resolve(file.getFileName()));
        }
      }
      Path cache = dir.resolve("cache");
      Path marker = dir.resolve("planted-ran");
      java.util.Map<String, String> environment = java.util.Map.of("GATEWAY_COMPILE_CACHE", cache.toString(),
          "GATEWAY_TEST_MARKER", marker.toString());
      Run first = gatewayWith(null, environment, "validate", rules.toString());
      assertThat(first.exit()).isZero();
      String version = first.out().replaceAll("(?s).*version (sha256:[0-9a-f]{64}).*", "$1").strip();
      Path entry;
      try (Stream<Path> entries = Files.list(cache)) {
        entry = entries.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
      }
      Files.write(entry, plantedEntry(version));

      Run second = gatewayWith(null, environment, "validate", rules.toString());

      assertThat(second.exit()).isZero();
      // Compiled afresh, every bundled rule is there (the planted entry held none of them).
      assertThat(second.out()).contains("sound, " + org.councilgateway.RuleSet.bundled().rules().size() + " rules");
      assertThat(second.err()).contains("holds code rule files may not have");
      assertThat(marker).doesNotExist();
      noStackTrace(second);
    }

    /** A cache entry with the right recorded version, naming {@link PlantedModel} as its model. */
    private byte[] plantedEntry(String version) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes);
          java.io.InputStream planted = PlantedModel.class.getResourceAsStream("PlantedModel.class")) {
        zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/councilgateway/ruleset-version"));
        zip.write(version.getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/kie/org/councilgateway/compiled/drools-model"));
        zip.write((PlantedModel.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        zip.putNextEntry(new java.util.zip.ZipEntry(PlantedModel.class.getName().replace('.', '/') + ".class"));
        planted.transferTo(zip);
        zip.closeEntry();
      }
      return bytes.toByteArray();
    }
  }
}
