package org.councilgateway.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.Gateway;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Runs scenario files as JUnit 5 dynamic tests, one test per scenario. In an adopter's test class:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios() {
 *   return ScenarioTests.of(Gateway.fromDirectory(Path.of("rules")), Path.of("scenarios"));
 * }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the test classpath, as any JUnit 5 test does.
 */
public final class ScenarioTests {
  private ScenarioTests() {}

  /**
   * One dynamic test per scenario found in the files and directories given.
   *
   * @param gateway the gateway, on the rule set under test
   * @param paths scenario files or directories
   * @return the tests
   * @throws org.councilgateway.GatewayException when a scenario file is unusable
   */
  // JUnit is an optional dependency (requires static in module-info): only a JUnit test calls this.
  @SuppressWarnings("exports")
  public static Stream<DynamicTest> of(Gateway gateway, Path... paths) {
    List<Scenario> scenarios = ScenarioReader.read(List.of(paths), gateway.ruleSet());
    return scenarios.stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), Path.of(scenario.file()).toUri(), () -> {
      ScenarioResult result = ScenarioRunner.run(gateway, scenario);
      if (!result.passed()) {
        throw new AssertionFailedError(ScenarioReport.failure(result));
      }
    }));
  }
}
