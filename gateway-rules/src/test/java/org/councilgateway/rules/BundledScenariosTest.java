package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.Gateway;
import org.councilgateway.RuleInfo;
import org.councilgateway.RuleSet;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioRunner;
import org.councilgateway.scenario.ScenarioTests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bundled rules' scenarios, one test each, and the rule coverage they give. */
class BundledScenariosTest {
  private static final Path SCENARIOS = Path.of("src/main/scenarios");

  @TestFactory
  @DisplayName("Bundled scenarios")
  Stream<DynamicTest> scenarios() {
    return ScenarioTests.of(Gateway.bundled(), SCENARIOS);
  }

  @Test
  void scenarios_makeEveryBundledRuleFire() {
    ScenarioRunner.Report report = ScenarioRunner.runAll(Gateway.bundled(), ScenarioReader.read(List.of(SCENARIOS), RuleSet.bundled()));

    assertThat(report.unfired()).extracting(RuleInfo::id).as("rules no scenario made fire").isEmpty();
  }
}
