package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.InputError;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.facts.LocalField;
import org.councilgateway.model.LocalValues;
import org.councilgateway.scenario.Scenario;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A council's own fields and settings, declared in the reference data, read from every plan format
 * and by rules, and settings read by scenarios: a copy of the bundled rules with a local field, a
 * local setting and a rule that reads both.
 */
class LocalFieldsTest {
  static final String DECLARATIONS = """

      localFields:
        - {name: marketImpactAssessed, type: boolean, description: Whether the effect on the local market has been assessed}
        - {name: boardDate, type: date, description: When the programme board saw it}
        - {name: themes, type: codes, values: [GROWTH, HEALTH], description: The council plan themes it serves}
      localSettings:
        - {name: largeDecommissioningValue, type: number, description: A decommissioning worth more than this a year is large}
      """;
  static final String RULE = """

      rule "Large decommissioning without a market impact assessment"
        @id("LOCAL-CHL-001")
        @description("A decommissioning worth more a year than the large decommissioning value needs a market impact assessment.")
        @source("Change request CR-12")
      when
        $s : Settings()
        $p : Proposal( changeType == ChangeType.DECOMMISSION, annualValue != null,
                       annualValue > $s.local().number("largeDecommissioningValue"),
                       !local().flag("marketImpactAssessed") )
      then
        findings.challenge($p, "CHALLENGE_MARKET_IMPACT", "No market impact assessment for a large decommissioning.");
      end
      """;

  @TempDir
  static Path shared;
  static Path rules;
  static RuleSet ruleSet;

  @BeforeAll
  static void councilRules() throws IOException {
    rules = RuleSet.exportBundled(shared.resolve("council"));
    Files.writeString(rules.resolve("reference-data.yaml"), DECLARATIONS, java.nio.file.StandardOpenOption.APPEND);
    RuleSetLoadingTest.edit(rules.resolve("reference-data.yaml"), "settings:\n", "settings:\n  largeDecommissioningValue: 1000000\n");
    Files.writeString(rules.resolve("challenge.drl"), RULE, java.nio.file.StandardOpenOption.APPEND);
    ruleSet = RuleSet.fromDirectory(rules);
  }

  private static String proposal(String id, long annualValue, String local) {
    return "{\"id\": \"" + id + "\", \"title\": \"Day centres\", \"leadDirectorate\": \"PEOPLE\", \"serviceArea\": \"PUBLIC_HEALTH\","
        + " \"changeType\": \"DECOMMISSION\", \"annualValue\": " + annualValue + (local == null ? "" : ", \"local\": " + local) + "}";
  }

  private static Plan read(String... proposals) {
    return PlanReader.create().forRules(ruleSet).read("{\"asOf\": \"2026-11-23\", \"proposals\": ["
        + String.join(",", proposals) + "]}", "plan.json");
  }

  private static List<String> codes(PlanAssessment result, String id) {
    Assessment assessment = result.assessments().stream().filter(a -> a.proposalId().equals(id)).findFirst().orElseThrow();
    return assessment.challenges().stream().map(Finding::code).toList();
  }

  @Test
  void theDeclarations_areInTheReferenceData_andTheSettingInSettings() {
    assertThat(ruleSet.referenceData().localFields()).extracting(LocalField::name, LocalField::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("marketImpactAssessed", LocalField.Type.BOOLEAN),
            org.assertj.core.groups.Tuple.tuple("boardDate", LocalField.Type.DATE),
            org.assertj.core.groups.Tuple.tuple("themes", LocalField.Type.CODES));
    assertThat(ruleSet.referenceData().localFields().get(2).values()).containsExactly("GROWTH", "HEALTH");
    assertThat(ruleSet.referenceData().settings().local().number("largeDecommissioningValue")).isEqualTo(1_000_000L);
  }

  @Test
  void aRuleReadingALocalFieldAndALocalSetting_firesOnlyWhereBothSaySo() {
    Plan plan = read(proposal("LARGE", 1_000_001, null), proposal("ASSESSED", 2_000_000, "{\"marketImpactAssessed\": true}"),
        proposal("AT-THE-VALUE", 1_000_000, "{\"marketImpactAssessed\": false}"),
        proposal("NOT-ASSESSED", 5_000_000, "{\"marketImpactAssessed\": false}"));
    assertThat(plan.errors()).isEmpty();

    PlanAssessment result = Gateway.of(ruleSet).assess(plan, LocalDate.of(2026, 11, 23));

    assertThat(codes(result, "LARGE")).contains("CHALLENGE_MARKET_IMPACT");
    assertThat(codes(result, "NOT-ASSESSED")).contains("CHALLENGE_MARKET_IMPACT");
    assertThat(codes(result, "ASSESSED")).doesNotContain("CHALLENGE_MARKET_IMPACT");
    assertThat(codes(result, "AT-THE-VALUE")).doesNotContain("CHALLENGE_MARKET_IMPACT");
  }

  @Test
  void localValues_areReadAsTheirDeclaredTypes() {
    Plan plan = read(proposal("P-1", 1, "{\"marketImpactAssessed\": true, \"boardDate\": \"2026-10-01\", \"themes\": [\"HEALTH\"]}"));

    LocalValues local = plan.proposals().get(0).local();
    assertThat(local.flag("marketImpactAssessed")).isTrue();
    assertThat(local.date("boardDate")).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(local.codes("themes")).containsExactly("HEALTH");
    assertThat(local.number("boardDate")).isNull();
    assertThat(local.has("themes")).isTrue();
  }

  @Test
  void anUnknownOrMistypedLocalField_isAnErrorAtIt_andTheOtherProposalsAreRead() {
    Plan plan = read(proposal("TYPO", 1, "{\"marketImpactAssesed\": true}"),
        proposal("WRONG", 1, "{\"marketImpactAssessed\": \"yes\", \"boardDate\": \"1 October\", \"themes\": [\"WEALTH\"]}"),
        proposal("GOOD", 1, "{\"marketImpactAssessed\": true}"));

    assertThat(plan.proposals()).extracting(p -> p.id()).containsExactly("GOOD");
    assertThat(plan.errors()).extracting(InputError::path, InputError::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/proposals/0/local/marketImpactAssesed", "Unknown local field \"marketImpactAssesed\":"
            + " the reference data's localFields does not declare it; did you mean marketImpactAssessed? The local fields are"
            + " marketImpactAssessed, boardDate, themes."),
        org.assertj.core.groups.Tuple.tuple("/proposals/1/local/boardDate", "local.boardDate must be a date in the form yyyy-MM-dd, but was \"1 October\"."),
        org.assertj.core.groups.Tuple.tuple("/proposals/1/local/marketImpactAssessed", "local.marketImpactAssessed must be true or false, but was \"yes\"."),
        org.assertj.core.groups.Tuple.tuple("/proposals/1/local/themes/0", "Entry 0 of local.themes must be one of GROWTH, HEALTH, but was \"WEALTH\"."));
  }

  @Test
  void aReaderNotMadeForTheRules_refusesALocalField_sayingNoneIsDeclared() {
    Plan plan = PlanReader.create().read("{\"proposals\": [" + proposal("P-1", 1, "{\"marketImpactAssessed\": true}") + "]}",
        "plan.json");

    assertThat(plan.errors()).extracting(InputError::message).containsExactly(
        "Unknown local field \"marketImpactAssessed\": the reference data declares no local fields (localFields).");
  }

  @Test
  void yamlAndCsv_carryLocalFieldsToo() {
    Plan yaml = PlanReader.create().forRules(ruleSet).read("""
        proposals:
          - {id: Y-1, title: Day centres, leadDirectorate: PEOPLE, serviceArea: PUBLIC_HEALTH, changeType: DECOMMISSION,
             local: {marketImpactAssessed: true, themes: [GROWTH]}}
        """, PlanReader.Format.YAML, "plan.yaml");
    Plan csv = PlanReader.create().forRules(ruleSet).readStream(new java.io.ByteArrayInputStream((
        "id,title,leadDirectorate,serviceArea,changeType,local.marketImpactAssessed,local.themes,local.boardDate\r\n"
        + "C-1,Day centres,PEOPLE,PUBLIC_HEALTH,DECOMMISSION,TRUE,GROWTH;HEALTH,2026-10-01\r\n"
        + "C-2,Day centres,PEOPLE,PUBLIC_HEALTH,DECOMMISSION,maybe,,\r\n").getBytes(StandardCharsets.UTF_8)),
        PlanReader.Format.CSV, "plan.csv");

    assertThat(yaml.errors()).isEmpty();
    assertThat(yaml.proposals().get(0).local().flag("marketImpactAssessed")).isTrue();
    assertThat(yaml.proposals().get(0).local().codes("themes")).containsExactly("GROWTH");
    assertThat(csv.proposals()).singleElement().satisfies(p -> {
      assertThat(p.local().flag("marketImpactAssessed")).isTrue();
      assertThat(p.local().codes("themes")).containsExactly("GROWTH", "HEALTH");
      assertThat(p.local().date("boardDate")).isEqualTo(LocalDate.of(2026, 10, 1));
    });
    assertThat(csv.errors()).singleElement().satisfies(e -> {
      assertThat(e.location()).isEqualTo("F3");
      assertThat(e.message()).isEqualTo("local.marketImpactAssessed must be true or false, but was \"maybe\".");
    });
  }

  @Test
  void aSpreadsheetColumnForAnUndeclaredLocalField_isRefusedNamingTheClosest() {
    Throwable thrown = catchThrowableOfType(org.councilgateway.InvalidPlanException.class, () -> PlanReader.create()
        .forRules(ruleSet).readStream(new java.io.ByteArrayInputStream(
            "id,title,leadDirectorate,serviceArea,changeType,local.marketImpactAssesed\r\n".getBytes(StandardCharsets.UTF_8)),
            PlanReader.Format.CSV, "plan.csv"));

    assertThat(thrown).hasMessageContaining("has the header \"local.marketImpactAssesed\" in cell F1, which is not a local field the"
        + " reference data declares; did you mean local.marketImpactAssessed? The local columns are"
        + " local.marketImpactAssessed, local.boardDate, local.themes.");
  }

  @Test
  void theColumns_endWithALocalColumnPerDeclaredField() {
    assertThat(PlanReader.create().forRules(ruleSet).columns()).endsWith("stage", "local.marketImpactAssessed",
        "local.boardDate", "local.themes");
    assertThat(PlanReader.create().columns()).isEqualTo(PlanReader.spreadsheetColumns());
  }

  @Test
  void aScenario_readsSettingsAndLocalFields_whenReadForTheRules() throws IOException {
    Path file = shared.resolve("market.yaml");
    Files.writeString(file, """
        scenarios:
          - name: Just above the large decommissioning value, not assessed
            asOf: 2026-11-23
            proposals:
              - {id: M-1, title: Day centres, leadDirectorate: PEOPLE, serviceArea: PUBLIC_HEALTH, changeType: DECOMMISSION,
                 annualValue: "{largeDecommissioningValue} + 1"}
              - {id: M-2, title: Day centres, leadDirectorate: PEOPLE, serviceArea: PUBLIC_HEALTH, changeType: DECOMMISSION,
                 annualValue: "{largeDecommissioningValue}", local: {marketImpactAssessed: false}}
              - {id: M-3, title: Day centres, leadDirectorate: PEOPLE, serviceArea: PUBLIC_HEALTH, changeType: DECOMMISSION,
                 annualValue: "{ keyDecisionValue } - 1"}
            expect:
              M-1: {present: [CHALLENGE_MARKET_IMPACT]}
              M-2: {absent: [CHALLENGE_MARKET_IMPACT]}
              M-3: {keyDecision: false}
        """);

    List<Scenario> scenarios = ScenarioReader.read(List.of(file), ruleSet);

    assertThat(scenarios.get(0).plan().proposals()).extracting(p -> p.annualValue())
        .containsExactly(1_000_001L, 1_000_000L, 349_999L);
    assertThat(ScenarioRunner.runAll(Gateway.of(ruleSet), scenarios).failed()).isZero();
  }

  @Test
  void aScenarioReadingAnUnknownSetting_orReadWithoutRules_isAProblemAtTheValue() throws IOException {
    Path file = shared.resolve("typo.yaml");
    Files.writeString(file, """
        name: Typo
        asOf: 2026-11-23
        proposals:
          - {id: T-1, title: Day centres, leadDirectorate: PEOPLE, serviceArea: PUBLIC_HEALTH, changeType: DECOMMISSION,
             annualValue: "{keyDecisionVal} + 1"}
        expect:
          T-1: {keyDecision: true}
        """);

    GatewayException withRules = catchThrowableOfType(GatewayException.class, () -> ScenarioReader.read(List.of(file), ruleSet));
    GatewayException without = catchThrowableOfType(GatewayException.class, () -> ScenarioReader.read(List.of(file)));

    assertThat(withRules.problems()).extracting(Problem::toString).containsExactly(file + ":5:19: scenario \"Typo\":"
        + " {keyDecisionVal} is not a number setting of this rule set; did you mean {keyDecisionValue}? The number settings"
        + " are keyDecisionValue, keyDecisionWards, eiaValidityMonths, overlapWindowMonths, blanketReductionCount,"
        + " cumulativeProviderCount, serviceReviewValidityMonths, largeDecommissioningValue.");
    assertThat(without.problems()).extracting(Problem::message).containsExactly("scenario \"Typo\": {keyDecisionVal} + 1"
        + " reads a setting, which needs the rule set: read the scenarios with gateway test, or ScenarioReader.read(paths, rules).");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      localFields: [{name: market impact, type: boolean, description: x}] | A local field needs "name": a letter, then letters and digits (no spaces), such as marketImpactAssessed, but found "market impact".
      localFields: [{name: flag, type: yesno, description: x}] | The type of a local field must be one of boolean, number, text, date, codes, but was "yesno".
      localFields: [{name: flag, type: boolean}] | A local field needs "description": what it means, in plain words, for the catalogue and the fields reference.
      localFields: [{name: flag, type: boolean, description: x}, {name: flag, type: text, description: y}] | The local field flag is declared twice in localFields.
      localFields: [{name: flag, type: boolean, description: x, values: [A]}] | Only a local field of type codes has "values".
      localSettings: [{name: keyDecisionValue, type: number, description: x}] | The local setting keyDecisionValue has the name of a setting the gateway already has: give it a name of its own, or set settings.keyDecisionValue directly.
      localSettings: [{name: marketImpactValue, type: number, description: x}] | settings.marketImpactValue is missing: localSettings declares it, so settings must give its value.
      """)
  void aFaultyDeclaration_isReportedInPlainWords(String declaration, String message, @TempDir Path dir) throws IOException {
    Path copy = RuleSetLoadingTest.copy(dir);
    Files.writeString(copy.resolve("reference-data.yaml"), "\n" + declaration + "\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(RuleSet.validate(copy)).extracting(Problem::message).containsExactly(message);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      marketImpactValue: 1000000 | settings.marketImpactValue is not a setting the gateway knows. To add a setting of your own, declare it under localSettings, with its name, type and description.
      keyDecisionValu: 1         | settings.keyDecisionValu is not a setting the gateway knows; did you mean keyDecisionValue? To add a setting of your own, declare it under localSettings, with its name, type and description.
      """)
  void anUndeclaredSetting_saysHowToDeclareOne(String setting, String message, @TempDir Path dir) throws IOException {
    Path copy = RuleSetLoadingTest.copy(dir);
    RuleSetLoadingTest.edit(copy.resolve("reference-data.yaml"), "settings:\n", "settings:\n  " + setting + "\n");

    assertThat(RuleSet.validate(copy)).extracting(Problem::message).containsExactly(message);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      boolean | maybe        | settings.large must be true or false, but was "maybe".
      number  | -5           | settings.large must be a whole number of at least 0, but was "-5".
      date    | next April   | settings.large must be a date in the form yyyy-MM-dd, but was "next April".
      codes   | GROWTH       | settings.large must be a list of codes, but was "GROWTH".
      """)
  void aLocalSettingOfTheWrongType_isReportedAtItsValue(String type, String value, String message, @TempDir Path dir)
      throws IOException {
    Path copy = RuleSetLoadingTest.copy(dir);
    Path data = copy.resolve("reference-data.yaml");
    Files.writeString(data, "\nlocalSettings: [{name: large, type: " + type + ", description: x}]\n",
        java.nio.file.StandardOpenOption.APPEND);
    RuleSetLoadingTest.edit(data, "settings:\n", "settings:\n  large: " + value + "\n");
    List<String> lines = Files.readAllLines(data);

    assertThat(RuleSet.validate(copy)).singleElement().satisfies(problem -> {
      assertThat(problem.message()).isEqualTo(message);
      assertThat(problem.line()).isEqualTo(lines.indexOf("  large: " + value) + 1);
    });
  }

  @Test
  void aSlipInTheDirectoratesList_isOneProblemAtTheSlip_notOneAtEveryServiceAreaItOwns(@TempDir Path dir)
      throws IOException {
    Path copy = RuleSetLoadingTest.copy(dir);
    Path data = copy.resolve("reference-data.yaml");
    RuleSetLoadingTest.edit(data, "  - PLACES\n", "  - PLACSE\n");
    List<String> lines = Files.readAllLines(data);

    assertThat(RuleSet.validate(copy)).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(lines.indexOf("  - PLACSE") + 1);
      assertThat(problem.message()).isEqualTo("directorates lists PLACSE, which nothing names, while 8 service area(s) are"
          + " owned by PLACES, which directorates does not list (first on line 14): is PLACSE a slip for PLACES? Correct"
          + " the one that is misspelt.");
    });
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      local().flag("marketImpactAssessed") | local().flag("marketImpactAsessed") | Rule "Large decommissioning without a market impact assessment" reads the local value "marketImpactAsessed", which the reference data does not declare (under localFields or localSettings); did you mean marketImpactAssessed?
      local().flag("marketImpactAssessed") | local().number("marketImpactAssessed") | Rule "Large decommissioning without a market impact assessment" reads "marketImpactAssessed" with number(...), but it is declared as boolean: read it with flag("marketImpactAssessed").
      """)
  void aRuleReadingALocalValueByAWrongName_orWithTheWrongReader_isReportedAtTheRead(String from, String to,
      String message, @TempDir Path dir) throws IOException {
    Path copy = RuleSet.exportBundled(dir.resolve("council"));
    Files.writeString(copy.resolve("reference-data.yaml"), DECLARATIONS, java.nio.file.StandardOpenOption.APPEND);
    RuleSetLoadingTest.edit(copy.resolve("reference-data.yaml"), "settings:\n", "settings:\n  largeDecommissioningValue: 1000000\n");
    Files.writeString(copy.resolve("challenge.drl"), RULE.replace(from, to), java.nio.file.StandardOpenOption.APPEND);
    List<String> lines = Files.readAllLines(copy.resolve("challenge.drl"));
    int line = lines.size() - 3;

    assertThat(RuleSet.validate(copy)).singleElement().satisfies(problem -> {
      assertThat(problem.message()).isEqualTo(message);
      assertThat(problem.line()).isEqualTo(line);
      assertThat(problem.column()).isEqualTo(lines.get(line - 1).indexOf("local()") + 1);
    });
  }

  @Test
  void aReadInABlockComment_isNotChecked(@TempDir Path dir) throws IOException {
    Path copy = RuleSet.exportBundled(dir.resolve("council"));
    Files.writeString(copy.resolve("reference-data.yaml"), DECLARATIONS, java.nio.file.StandardOpenOption.APPEND);
    RuleSetLoadingTest.edit(copy.resolve("reference-data.yaml"), "settings:\n", "settings:\n  largeDecommissioningValue: 1000000\n");
    Files.writeString(copy.resolve("challenge.drl"), RULE
        .replace("then\n", "then\n  /* once: local().flag(\"oldName\")\n     and local().number(\"older\") */\n"),
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(RuleSet.validate(copy)).isEmpty();
  }

  @Test
  void anUnknownLocalFieldFarFromAnyDeclared_isRefusedListingThem() {
    Plan plan = read(proposal("FAR", 1, "{\"colour\": \"red\"}"));

    assertThat(plan.errors()).extracting(InputError::message).containsExactly("Unknown local field \"colour\": the"
        + " reference data's localFields does not declare it. The local fields are marketImpactAssessed, boardDate, themes.");
  }

  @Test
  void aHostileDescription_isTextInTheCatalogues_withItsControlCharactersMadeVisible(@TempDir Path dir) throws IOException {
    Path copy = RuleSet.exportBundled(dir.resolve("council"));
    Files.writeString(copy.resolve("reference-data.yaml"), "\nlocalFields:\n  - {name: flag, type: boolean, description:"
        + " \"<script>document.title=1</script> \\e[2J \\u202e\"}\n", java.nio.file.StandardOpenOption.APPEND);
    RuleSet hostile = RuleSet.fromDirectory(copy);

    for (String html : List.of(org.councilgateway.Reports.catalogueHtml(hostile),
        org.councilgateway.Reports.catalogueChangesHtml(RuleSet.bundled(), hostile))) {
      assertThat(html).contains("&lt;script&gt;document.title=1&lt;/script&gt; \\u001b[2J \\u202e")
          .doesNotContain("<script").doesNotContain("\u001b").doesNotContain("\u202e");
    }
    assertThat(org.councilgateway.Reports.catalogueChangesMarkdown(RuleSet.bundled(), hostile))
        .contains("\\u001b[2J \\u202e").doesNotContain("\u001b").doesNotContain("\u202e");
  }
}
