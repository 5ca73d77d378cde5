package org.councilgateway.scenario;

import java.util.List;
import java.util.Set;

/**
 * The outcome of running one scenario.
 *
 * @param scenario the scenario
 * @param failures what was expected and what came out, one line each; empty when it passed
 * @param rulesFired the ids of every rule that fired
 * @param actual a short account of what came out, per proposal, for a failure report
 */
public record ScenarioResult(Scenario scenario, List<String> failures, Set<String> rulesFired, List<String> actual) {

  /**
   * Copies the collections.
   *
   * @param scenario the scenario
   * @param failures what was expected and what came out, one line each; empty when it passed
   * @param rulesFired the ids of every rule that fired
   * @param actual a short account of what came out, per proposal, for a failure report
   */
  public ScenarioResult {
    failures = List.copyOf(failures);
    rulesFired = Set.copyOf(rulesFired);
    actual = List.copyOf(actual);
  }

  /**
   * Tells whether every expectation held.
   *
   * @return true when it passed
   */
  public boolean passed() {
    return failures.isEmpty();
  }
}
