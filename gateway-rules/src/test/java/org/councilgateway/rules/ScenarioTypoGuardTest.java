package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.Gateway;
import org.councilgateway.RuleSet;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioResult;
import org.councilgateway.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt code in a scenario fails it, naming the closest code a rule records, rather than passing silently. */
class ScenarioTypoGuardTest {
  private static final Gateway GATEWAY = Gateway.bundled();

  @TempDir
  Path dir;

  private ScenarioResult run(String expect) throws IOException {
    Path file = dir.resolve("typo.yaml");
    Files.writeString(file, """
        name: Payroll
        asOf: 2026-11-23
        proposals:
          - {id: P-1, title: Payroll bureau, leadDirectorate: POLICY_AND_RESOURCES, serviceArea: PAYROLL,
             changeType: EXTEND, risksAssessed: true}
        expect:
          P-1:
        """ + expect);
    return ScenarioRunner.run(GATEWAY, ScenarioReader.readFile(file).get(0));
  }

  @Test
  void aMisspeltAbsentCode_failsNamingTheClosestRealOne() throws IOException {
    ScenarioResult result = run("    absent: [CHALLENGE_RISK]\n");

    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).containsExactly(
        "P-1: CHALLENGE_RISK is not a code any rule in this rule set records; did you mean CHALLENGE_RISKS?");
  }

  @Test
  void aCodeWithATarget_isCheckedByItsCode_andACodeFarFromAnyGetsNoGuess() throws IOException {
    ScenarioResult result = run("    absent: [\"UNKNOWN_SERVICE_AREAS:PAYROLL\", MARKET_IMPACT_ASSESSMENT_MISSING]\n");

    assertThat(result.failures()).containsExactly(
        "P-1: UNKNOWN_SERVICE_AREAS is not a code any rule in this rule set records; did you mean UNKNOWN_SERVICE_AREA?",
        "P-1: MARKET_IMPACT_ASSESSMENT_MISSING is not a code any rule in this rule set records");
  }

  @Test
  void realCodes_rulesAndDataWarnings_pass() throws IOException {
    ScenarioResult result = run("    absent: [CHALLENGE_RISKS, \"UNKNOWN_SERVICE_AREA:PAYROLL\", KEY_DECISION]\n");

    assertThat(result.failures()).isEmpty();
    assertThat(RuleSet.bundled().codes()).contains("CHALLENGE_RISKS", "UNKNOWN_SERVICE_AREA", "KEY_DECISION",
        "OVERLAP_JOIN_UP", "REVIEW_DATED_AFTER_AS_OF");
  }
}
