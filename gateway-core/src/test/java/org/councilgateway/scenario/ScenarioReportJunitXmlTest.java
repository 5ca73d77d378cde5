package org.councilgateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.councilgateway.Plan;
import org.junit.jupiter.api.Test;

/** The JUnit XML's timestamp, as its schema wants it whatever the clock says. */
class ScenarioReportJunitXmlTest {

  @Test
  void aRunOnTheMinute_stillHasItsSeconds_andNanosAreLeftOut() {
    Scenario scenario = new Scenario("Pay", "pay.yaml", LocalDate.of(2026, 11, 23), Plan.of(List.of()), List.of(),
        List.of(), List.of(), null);
    ScenarioRunner.Report report = new ScenarioRunner.Report(
        List.of(new ScenarioResult(scenario, List.of(), Set.of(), List.of())), List.of(), 0);

    StringWriter onTheMinute = new StringWriter();
    ScenarioReport.junitXml(report, LocalDateTime.of(2026, 12, 2, 1, 48), "host", onTheMinute);
    StringWriter withNanos = new StringWriter();
    ScenarioReport.junitXml(report, LocalDateTime.of(2026, 12, 2, 1, 48, 7, 123_456_789), "host", withNanos);

    assertThat(onTheMinute.toString()).contains("timestamp=\"2026-12-02T01:48:00\"");
    assertThat(withNanos.toString()).contains("timestamp=\"2026-12-02T01:48:07\"");
  }
}
