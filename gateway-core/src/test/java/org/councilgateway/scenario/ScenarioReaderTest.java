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
          "NONE", List.of("CHALLENGE_RISKS"), List.of("CHALLENGE_SAFEGUARDING"), null, null));
    });
  }

  @Test
  void read_expectedAsAListWithIds_readsTheSameExpectations(@TempDir Path dir) throws IOException {
    List<Scenario> scenarios = read(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expected:\n  - {id: P-1, classification: SINGLE_DIRECTORATE, keyDecision: false, eiaLevel: NONE,"
        + " codesPresent: [CHALLENGE_RISKS], codesAbsent: [CHALLENGE_SAFEGUARDING]}\n");

    assertThat(scenarios.get(0).expectations()).containsExactly(new Expectation("P-1", "SINGLE_DIRECTORATE", null,
        false, "NONE", List.of("CHALLENGE_RISKS"), List.of("CHALLENGE_SAFEGUARDING"), null, null));
  }

  @Test
  void read_unknownKeyAndMissingDate_reportEveryProblemWithTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> read(dir, "name: Payroll\nproposals:\n" + PROPOSAL + "expect:\n  P-1: {clasification: COUNCIL_WIDE}\n"))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.problems()).extracting(Problem::message)
            .containsExactly(
                "scenario \"Payroll\": a scenario needs an \"asOf\" date, so that its result never depends on the day it runs.",
                "scenario \"Payroll\": expect.P-1 has the key \"clasification\", which scenarios do not define (expected "
                    + "absent, blockers, classification, codesAbsent, codesPresent, eiaLevel, id, keyDecision, present, proposalId, "
                    + "ready, route)."));
  }

  private static List<Problem> problems(Path dir, String text) {
    GatewayException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(GatewayException.class, () -> read(dir, text));
    assertThat(thrown).as("the scenario is refused").isNotNull();
    return thrown.problems();
  }

  @Test
  void read_errorsNotANumber_isAProblemAtItsPlace(@TempDir Path dir) {
    List<Problem> problems = problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL + "errors: abc\n");

    assertThat(problems).containsExactly(new Problem(dir.resolve("scenario.yaml").toString(), 5, 9,
        "scenario \"Payroll\": errors must be a whole number of at least 0 (how many proposals are invalid), but was \"abc\"."));
  }

  @Test
  void read_errorsNegativeOrNotFinite_isAProblem(@TempDir Path dir) {
    assertThat(problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL + "errors: -1\n"))
        .extracting(Problem::message).singleElement().asString().endsWith("but was -1.");
    assertThat(problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL + "errors: .nan\n"))
        .extracting(Problem::message).singleElement().asString().endsWith("but was .nan.");
  }

  @Test
  void read_errorsAWholeNumber_isRead(@TempDir Path dir) throws IOException {
    assertThat(read(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL + "errors: 0\n").get(0).errors()).isZero();
  }

  @Test
  void read_keyDecisionMaybe_isAProblemAtItsPlace(@TempDir Path dir) {
    List<Problem> problems = problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expect:\n  P-1:\n    keyDecision: maybe\n");

    assertThat(problems).containsExactly(new Problem(dir.resolve("scenario.yaml").toString(), 7, 18,
        "scenario \"Payroll\": expect.P-1.keyDecision must be true or false, but was \"maybe\"."));
  }

  @Test
  void read_readyMaybeAndBlockersNotCodes_areProblemsAtTheirPlaces(@TempDir Path dir) {
    List<Problem> problems = problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expect:\n  P-1:\n    ready: maybe\n    blockers: [CHALLENGE_RISKS, {code: X}]\n");

    assertThat(problems).extracting(Problem::message).containsExactly(
        "scenario \"Payroll\": expect.P-1.ready must be true or false, but was \"maybe\".",
        problems.get(1).message());
    assertThat(problems.get(1).message()).startsWith("scenario \"Payroll\": expect.P-1.blockers");
    assertThat(problems).extracting(Problem::line).containsExactly(7, 8);
  }

  @Test
  void read_classificationAList_isAProblem(@TempDir Path dir) {
    assertThat(problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expect:\n  P-1: {classification: [COUNCIL_WIDE], present: 5}\n"))
        .extracting(Problem::message).containsExactly(
            "scenario \"Payroll\": expect.P-1.present must be a code or a list of codes, but was 5.",
            "scenario \"Payroll\": expect.P-1.classification must be a text, but was a list.");
  }

  @Test
  void read_planAndProposalsTogether_isAProblem(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("plan.json"), "{\"proposals\": []}");

    List<Problem> problems = problems(dir, "name: Payroll\nasOf: 2026-11-23\nplan: plan.json\nproposals:\n" + PROPOSAL);

    assertThat(problems).containsExactly(new Problem(dir.resolve("scenario.yaml").toString(), 5, 3,
        "scenario \"Payroll\": a scenario has either \"proposals\" or a \"plan\" file, not both."));
  }

  @Test
  void read_duplicateKey_isAProblemAtTheSecondKey(@TempDir Path dir) {
    List<Problem> problems = problems(dir, "name: Payroll\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "expect:\n  P-1: {keyDecision: true}\n  P-1: {keyDecision: false}\n");

    assertThat(problems).containsExactly(new Problem(dir.resolve("scenario.yaml").toString(), 7, 3,
        "The key \"P-1\" is given twice in one mapping (first on line 6): give each key once, as the later would"
            + " silently replace the earlier."));
  }

  @Test
  void read_planOnDevZero_isRefusedUnread(@TempDir Path dir) {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");

    List<Problem> problems = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> problems(dir, "name: Zero\nasOf: 2026-11-23\nplan: /dev/zero\n"));

    assertThat(problems).containsExactly(new Problem(dir.resolve("scenario.yaml").toString(), 3, 7, "scenario \"Zero\": "
        + "/dev/zero: cannot be read: it is not a regular file but a device, a pipe or a socket, which is never read as a plan."));
  }

  @Test
  void read_planOnANamedPipe_isRefusedUnread(@TempDir Path dir) throws Exception {
    Path fifo = org.councilgateway.Fifos.make(dir.resolve("plan.json"));

    List<Problem> problems = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> problems(dir, "name: Pipe\nasOf: 2026-11-23\nplan: plan.json\n"));

    assertThat(problems).extracting(Problem::message).containsExactly("scenario \"Pipe\": " + fifo
        + ": cannot be read: it is not a regular file but a device, a pipe or a socket, which is never read as a plan.");
  }

  @Test
  void read_scenarioFileThatIsANamedPipe_isRefusedUnread(@TempDir Path dir) throws Exception {
    Path fifo = org.councilgateway.Fifos.make(dir.resolve("scenario.yaml"));

    GatewayException thrown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> org.assertj.core.api.Assertions.catchThrowableOfType(GatewayException.class, () -> ScenarioReader.read(List.of(fifo))));

    assertThat(thrown.problems()).containsExactly(new Problem(fifo.toString(), 0, 0, "cannot be read: it is not a regular"
        + " file but a device, a pipe or a socket, which is never read as a scenario file."));
    assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> org.assertj.core.api.Assertions.catchThrowableOfType(GatewayException.class, () -> ScenarioReader.readFile(fifo)))
        .problems()).extracting(Problem::message).singleElement().asString().startsWith("cannot be read: it is not a regular file");
  }

  @Test
  void read_inlineProposalWithAHugeExponent_isAnInvalidProposalTheScenarioCanExpect(@TempDir Path dir) throws IOException {
    List<Scenario> scenarios = read(dir, "name: Huge\nasOf: 2026-11-23\nproposals:\n" + PROPOSAL
        + "  - {id: P-2, title: Cut, leadDirectorate: PEOPLE, serviceArea: LEISURE, changeType: REDUCE,"
        + " reductionPercent: 1e-999999999}\nerrors: 1\n");

    assertThat(scenarios.get(0).plan().proposals()).extracting(org.councilgateway.model.Proposal::id).containsExactly("P-1");
    assertThat(scenarios.get(0).plan().errors()).singleElement().satisfies(error -> {
      assertThat(error.path()).isEqualTo("/proposals/1/reductionPercent");
      assertThat(error.message()).contains("the numberScale limit");
    });
  }

  @Test
  void read_notFiniteInAScenarioField_isALocatedProblem(@TempDir Path dir) {
    assertThat(problems(dir, "name: Payroll\nasOf: .inf\nproposals:\n" + PROPOSAL)).first().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.message()).isEqualTo("scenario \"Payroll\": asOf must be a date in the form yyyy-MM-dd, but was .inf.");
    });
  }
}
