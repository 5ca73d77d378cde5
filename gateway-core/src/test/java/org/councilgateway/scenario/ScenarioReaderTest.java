package org.councilgateway.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilgateway.GatewayException;
import org.councilgateway.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files, as policy officers write them. */
class ScenarioReaderTest {
  private static final String PROPOSAL =
      "  - {id: P-1, title: Payroll, leadDirectorate: POLICY_AND_RESOURCES, serviceArea: PAYROLL, changeType: EXTEND}\n";

  private static List<Scenario> read(Path dir, String text) throws IOException {
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, text);
    return ScenarioReader.read(List.of(file));
  }

  @Test
  void read_expectByProposalId_givesEachExpectation(@TempDir Path dir) throws IOException {
    List<Scenario> scenarios = read(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expect:\n  P-1: {classification: SINGLE_DIRECTORATE, keyDecision: false, eiaLevel: NONE,"
        + " present: [CHALLENGE_RISKS], absent: [CHALLENGE_SAFEGUARDING]}\n");

    assertThat(scenarios).singleElement().satisfies(scenario -> {
      assertThat(scenario.name()).isEqualTo("Payroll");
      assertThat(scenario.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
      assertThat(scenario.plan().proposals()).hasSize(1);
      assertThat(scenario.expectations()).containsExactly(new Expectation("P-1", "SINGLE_DIRECTORATE", null, false,
          "NONE", List.of("CHALLENGE_RISKS"), List.of("CHALLENGE_SAFEGUARDING")));
    });
  }

  @Test
  void read_expectedAsAListWithIds_readsTheSameExpectations(@TempDir Path dir) throws IOException {
    List<Scenario> scenarios = read(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expected:\n  - {id: P-1, classification: SINGLE_DIRECTORATE, keyDecision: false, eiaLevel: NONE,"
        + " codesPresent: [CHALLENGE_RISKS], codesAbsent: [CHALLENGE_SAFEGUARDING]}\n");

    assertThat(scenarios.get(0).expectations()).containsExactly(new Expectation("P-1", "SINGLE_DIRECTORATE", null,
        false, "NONE", List.of("CHALLENGE_RISKS"), List.of("CHALLENGE_SAFEGUARDING")));
  }

  @Test
  void read_unknownKeyAndMissingDate_reportEveryProblemWithTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> read(dir, "name: Payroll\nproposals:\n" + PROPOSAL + "expect:\n  P-1: {clasification: COUNCIL_WIDE}\n"))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.problems()).extracting(Problem::message)
            .containsExactly(
                "scenario \"Payroll\": a scenario needs an \"asOf\" date, so that its result never depends on the day it runs.",
                "scenario \"Payroll\": expect.P-1 has the key \"clasification\", which scenarios do not define (expected "
                    + "absent, classification, codesAbsent, codesPresent, eiaLevel, id, keyDecision, present, proposalId, route)."));
  }
}
