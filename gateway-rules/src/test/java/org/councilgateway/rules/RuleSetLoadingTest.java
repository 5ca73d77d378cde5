package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.model.ChangeType;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayOptions;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleInfo;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking rule sets: the bundled one, copies of it, and broken copies. */
class RuleSetLoadingTest {
  static final Path BUNDLED = Path.of("src/main/resources/org/councilgateway/rules");

  static Path copy(Path dir) throws IOException {
    Path target = dir.resolve("rules");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(BUNDLED)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as("the text to replace in " + file).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  static List<Problem> problems(Path rules) {
    return RuleSet.validate(rules);
  }

  @Test
  void bundled_everyRuleHasMetadataAndAUniqueId() {
    List<RuleInfo> rules = RuleSet.bundled().rules();

    assertThat(rules).hasSizeGreaterThan(40);
    assertThat(rules).allSatisfy(rule -> {
      assertThat(rule.id()).matches("GW-[A-Z]+-[A-Z0-9]+");
      assertThat(rule.source()).isNotBlank();
      assertThat(rule.description()).isNotBlank();
    });
    assertThat(rules).extracting(RuleInfo::id).doesNotHaveDuplicates();
  }

  @Test
  void bundled_indexListsEveryFileInTheRulesFolder() throws IOException {
    List<String> index = Files.readAllLines(BUNDLED.resolve("rules.index")).stream().filter(l -> !l.isBlank()).sorted().toList();
    try (Stream<Path> files = Files.list(BUNDLED)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("rules.index")).sorted())
          .containsExactlyElementsOf(index);
    }
  }

  @Test
  void copyInADirectory_hasTheSameVersionAsTheBundledRules(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);

    assertThat(RuleSet.fromDirectory(rules).version()).isEqualTo(RuleSet.bundled().version());
  }

  @Test
  void version_ignoresLineEndings(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path scope = rules.resolve("scope.drl");
    Files.writeString(scope, Files.readString(scope).replace("\n", "\r\n"));

    assertThat(RuleSet.fromDirectory(rules).version()).isEqualTo(RuleSet.bundled().version());
  }

  @Test
  void version_changesWithTheReferenceData(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    edit(rules.resolve("reference-data.yaml"), "keyDecisionValue: 350000", "keyDecisionValue: 500000");

    RuleSet changed = RuleSet.fromDirectory(rules);

    assertThat(changed.version()).isNotEqualTo(RuleSet.bundled().version());
    Proposal proposal = Proposal.builder().id("P").title("Payroll").leadDirectorate("POLICY_AND_RESOURCES").serviceArea("PAYROLL").changeType(ChangeType.EXTEND)
        .annualValue(400_000L).build();
    assertThat(Gateway.of(changed).assess(proposal, LocalDate.of(2026, 11, 23)).keyDecision()).isFalse();
    assertThat(Gateway.bundled().assess(proposal, LocalDate.of(2026, 11, 23)).keyDecision()).isTrue();
  }

  @Test
  void assess_ruleThatKeepsFiringItself_isStoppedWithAClearError(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Files.writeString(rules.resolve("loop.drl"), String.join("\n",
        "package org.councilgateway.rules;",
        "import org.councilgateway.facts.Findings;",
        "import org.councilgateway.facts.Reduction;",
        "global Findings findings;",
        "rule \"Feeds itself\"",
        "  @id(\"LOOP-001\") @source(\"a test\") @description(\"Inserts a fact that makes it fire again.\")",
        "when",
        "  $r : Reduction()",
        "then",
        "  insert(new Reduction($r.percent(), $r.proposalId()));",
        "end",
        ""));
    // Facts bounded far above the firing bound, so that the firing bound is what stops the rule.
    Gateway gateway = Gateway.of(RuleSet.fromDirectory(rules), GatewayOptions.builder().limits(org.councilgateway.Limits.DEFAULTS.withFacts(1_000_000, 0)).build());
    Proposal cut = Proposal.builder().id("R").title("Cut").leadDirectorate("PEOPLE").serviceArea("ADVOCACY").changeType(ChangeType.REDUCE)
        .reductionPercent(java.math.BigDecimal.TEN).build();

    assertThatThrownBy(() -> gateway.assess(cut, LocalDate.of(2026, 11, 23)))
        .isInstanceOfSatisfying(org.councilgateway.GatewayException.class, e -> assertThat(e.getMessage())
            .isEqualTo("The rules fired more than 12000 times for 1 proposal(s) and were stopped: a rule is probably making itself fire again."));
  }

  @Nested
  @DisplayName("validate reports each problem with its file and line")
  class Validate {
    @Test
    void validate_syntaxError_givesFileLineAndColumn(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path scope = rules.resolve("scope.drl");
      edit(scope, "  $p : Proposal( $area : serviceArea )\n", "  $p : Proposal( $area : serviceArea \n");

      List<Problem> problems = problems(rules);

      assertThat(problems).isNotEmpty();
      assertThat(problems.get(0).file()).isEqualTo(scope.toString());
      assertThat(problems.get(0).line()).isBetween(20, 30);
      assertThat(problems.get(0).column()).isPositive();
      assertThat(problems.get(0).toString()).matches(java.util.regex.Pattern.quote(scope.toString()) + ":\\d+:\\d+: .+");
      assertThat(problems).noneMatch(p -> p.message().contains("null Package"));
    }

    @Test
    void validate_ruleWithoutId_namesTheRuleAndTheKey(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path challenge = rules.resolve("challenge.drl");
      edit(challenge, "  @id(\"GW-CHL-007\")\n", "");

      assertThat(problems(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).isEqualTo(challenge.toString());
        assertThat(problem.line()).isPositive();
        assertThat(problem.message()).isEqualTo(
            "Rule \"Risks not assessed\" has no @id; every rule needs @id, @source and @description.");
      });
    }

    @Test
    void validate_ruleWithoutDescription_namesTheRuleAndTheKey(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      edit(rules.resolve("impacts.drl"),
          "  @description(\"Each distinct funding source other than the council's own budget.\")\n", "");

      assertThat(problems(rules)).extracting(Problem::message)
          .containsExactly("Rule \"External funding\" has no @description; every rule needs @id, @source and @description.");
    }

    @Test
    void validate_duplicateRuleId_namesBothRules(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      edit(rules.resolve("challenge.drl"), "@id(\"GW-CHL-002\")", "@id(\"GW-CHL-001\")");

      assertThat(problems(rules)).singleElement().extracting(Problem::message).asString()
          .contains("Rule \"No outcomes\" has the id GW-CHL-001, which rule \"No commissioning objectives\"");
    }

    @Test
    void validate_typeError_isReportedAtTheRuleNotInGeneratedJava(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path scope = rules.resolve("scope.drl");
      edit(scope, "annualValue != null, annualValue > $limit", "annualValue != null, annualValue > \"abc\"");

      List<Problem> problems = problems(rules);

      assertThat(problems).isNotEmpty().allSatisfy(problem -> {
        assertThat(problem.file()).isEqualTo(scope.toString());
        assertThat(problem.line()).isPositive();
        assertThat(problem.message()).doesNotContain("public static").doesNotContain("\n");
      });
    }

    @Test
    void validate_unknownProperty_isReportedInTheRuleFile(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path challenge = rules.resolve("challenge.drl");
      edit(challenge, "$p : Proposal( !risksAssessed )", "$p : Proposal( !risksAsessed )");

      List<Problem> problems = problems(rules);

      assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo(challenge.toString()));
      assertThat(problems.get(0).message()).contains("risksAsessed");
    }

    @Test
    void validate_referenceDataThatIsNotYaml_givesTheLine(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path data = rules.resolve("reference-data.yaml");
      edit(data, "  - PLACES\n", "  - PLACES: [\n");

      assertThat(problems(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).isEqualTo(data.toString());
        assertThat(problem.line()).isPositive();
        assertThat(problem.message()).startsWith("is not valid YAML");
      });
    }

    @Test
    void validate_serviceAreaOwnedByUndefinedDirectorate_givesTheLine(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path data = rules.resolve("reference-data.yaml");
      edit(data, "{code: WASTE, owner: PLACES,", "{code: WASTE, owner: ENVIRONMENT,");
      int line = Files.readAllLines(data).indexOf(
          Files.readAllLines(data).stream().filter(l -> l.contains("ENVIRONMENT")).findFirst().orElseThrow()) + 1;

      assertThat(problems(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.message()).isEqualTo("Service area WASTE is owned by ENVIRONMENT, which is not a directorate in directorates.");
      });
    }

    @Test
    void validate_referenceToUndefinedServiceArea_isReported(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      edit(rules.resolve("reference-data.yaml"), "  - PAYROLL\n\n# Safeguarding", "  - PAYROL\n\n# Safeguarding");

      assertThat(problems(rules)).extracting(Problem::message)
          .containsExactly("inHouseCapability names PAYROL, which is not a service area in serviceAreas.");
    }

    @Test
    void validate_interdependencyToUndefinedServiceArea_isReported(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      edit(rules.resolve("reference-data.yaml"), "{from: LEISURE, to: PUBLIC_HEALTH,", "{from: LEISURE, to: PUBLIC_HEALTHS,");

      assertThat(problems(rules)).extracting(Problem::message)
          .containsExactly("Interdependency to PUBLIC_HEALTHS is not a service area in serviceAreas.");
    }

    @Test
    void validate_clientGroupEngagingAnUnknownCharacteristic_isReportedAtItsPlace(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Path data = rules.resolve("reference-data.yaml");
      edit(data, "{code: OLDER_PEOPLE, characteristics: [AGE]}", "{code: OLDER_PEOPLE, characteristics: [AGES]}");
      List<String> lines = Files.readAllLines(data);
      int line = lines.indexOf(lines.stream().filter(l -> l.contains("[AGES]")).findFirst().orElseThrow()) + 1;

      assertThat(problems(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.file()).endsWith("reference-data.yaml");
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.column()).isEqualTo(lines.get(line - 1).indexOf("AGES") + 1);
        assertThat(problem.message()).startsWith("Client group OLDER_PEOPLE engages AGES");
      });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        keyDecisionValue: 350000    | keyDecisionValue: -1    | settings.keyDecisionValue must be a whole number of at least 0 but was -1.
        overlapWindowMonths: 12     | overlapWindowMonths: 0  | settings.overlapWindowMonths must be a whole number of at least 1 but was 0.
        eiaValidityMonths: 12       | eiaValidityMonths: 0    | settings.eiaValidityMonths must be a whole number of at least 1 but was 0.
        keyDecisionWards: 2         | keyDecisionWards: -2    | settings.keyDecisionWards must be a whole number of at least 1 but was -2.
        serviceReviewValidityMonths: 12 | serviceReviewValidityMonths: 0 | settings.serviceReviewValidityMonths must be a whole number of at least 1 but was 0.
        """)
    void validate_aSettingOutOfItsRange_isReportedAtItsValue(String before, String after, String message, @TempDir Path dir)
        throws IOException {
      Path rules = copy(dir);
      Path data = rules.resolve("reference-data.yaml");
      edit(data, before, after);
      List<String> lines = Files.readAllLines(data);
      int line = lines.indexOf(lines.stream().filter(l -> l.contains(after)).findFirst().orElseThrow()) + 1;

      assertThat(problems(rules)).singleElement().satisfies(problem -> {
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.column()).isEqualTo(lines.get(line - 1).indexOf(after.substring(after.indexOf(": ") + 2)) + 1);
        assertThat(problem.message()).isEqualTo(message);
      });
    }

    @Test
    void validate_missingReferenceData_isReported(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      Files.delete(rules.resolve("reference-data.yaml"));

      assertThat(problems(rules)).extracting(Problem::toString)
          .containsExactly(rules + ": has no reference-data.yaml beside the rules.");
    }

    @Test
    void fromDirectory_brokenRules_throwOneExceptionWithEveryProblem(@TempDir Path dir) throws IOException {
      Path rules = copy(dir);
      edit(rules.resolve("challenge.drl"), "  @id(\"GW-CHL-007\")\n", "");
      edit(rules.resolve("impacts.drl"), "  @id(\"GW-IMP-004\")\n", "");

      assertThatThrownBy(() -> RuleSet.fromDirectory(rules))
          .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void fromDirectory_notADirectory_saysSo(@TempDir Path dir) {
      Path absent = dir.resolve("absent");

      assertThatThrownBy(() -> RuleSet.fromDirectory(absent))
          .isInstanceOfSatisfying(org.councilgateway.GatewayException.class,
              e -> assertThat(e.describe()).isEqualTo(absent + ": is not a directory of rules."));
    }
  }
}
