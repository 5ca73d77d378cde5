package org.councilgateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.councilgateway.Plan;
import org.junit.jupiter.api.Test;

/** A scenario's name, file and what came out never forge a line of the runner's output. */
class ScenarioReportEscapingTest {

  @Test
  void text_nameAndFailuresWithControlCharacters_areEscaped() {
    Scenario scenario = new Scenario("Pay\nPASS forged\u001b[2J", "dir/a\nb.yaml", LocalDate.of(2026, 11, 23),
        Plan.of(List.of()), List.of(), List.of(), List.of(), null);
    ScenarioResult passed = new ScenarioResult(scenario, List.of(), Set.of(), List.of());
    ScenarioResult failed = new ScenarioResult(scenario, List.of("P\r1: expected x"), Set.of(), List.of("P\t1: out"));

    String text = ScenarioReport.text(new ScenarioRunner.Report(List.of(passed, failed), List.of(), 0));

    assertThat(text).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\t");
    assertThat(text.lines()).contains("PASS Pay\\u000aPASS forged\\u001b[2J",
        "FAIL Scenario \"Pay\\u000aPASS forged\\u001b[2J\" (dir/a\\u000ab.yaml) failed:",
        "  - P\\u000d1: expected x", "    P\\u00091: out");
  }
}
