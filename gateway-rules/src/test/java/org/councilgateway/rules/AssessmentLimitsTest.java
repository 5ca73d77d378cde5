package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.councilgateway.model.ChangeType;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.GatewayOptions;
import org.councilgateway.Limits;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bound on an assessment stops a rule set that would exceed it with a sentence naming the
 * limit, and a plan just within it is assessed as before.
 */
class AssessmentLimitsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  private static final String HEADER = """
      package org.councilgateway.rules;

      import org.councilgateway.model.Proposal;
      import org.councilgateway.facts.AffectedDirectorate;
      import org.councilgateway.facts.Findings;

      global Findings findings;

      """;

  private static String rule(String name, String id, String when, String then) {
    return "rule \"" + name + "\"\n  @id(\"" + id + "\")\n  @source(\"A test\")\n  @description(\"A test rule.\")\n"
        + "when\n" + when + "then\n" + then + "end\n\n";
  }

  /** A rule that inserts a fact whose text doubles at every firing. */
  private static final String GROWING = HEADER
      + rule("Seed", "GW-T-001", "  $p : Proposal( $id : id )\n",
          "  insert(new AffectedDirectorate($id, \"AB\", \"GROW\"));\n")
      + rule("Grow", "GW-T-002", "  $a : AffectedDirectorate( route == \"GROW\", $id : proposalId, $d : directorate )\n",
          "  insert(new AffectedDirectorate($id, $d + $d, \"GROW\"));\n");

  /** A rule that inserts an equal fact every time it fires: each insert makes it fire again. */
  private static final String MULTIPLYING = HEADER
      + rule("Seed", "GW-T-001", "  $p : Proposal( $id : id )\n",
          "  insert(new AffectedDirectorate($id, \"X\", \"MORE\"));\n")
      + rule("More", "GW-T-002", "  $a : AffectedDirectorate( route == \"MORE\", $id : proposalId )\n",
          "  insert(new AffectedDirectorate($id, \"X\", \"MORE\"));\n");

  private static Path rules(Path dir, String extra) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("extra.drl"), extra);
    return rules;
  }

  private static Proposal proposal(String id, String lead, LocalDate start) {
    return Proposal.builder().id(id).title("Proposal " + id).leadDirectorate(lead).serviceArea("ADULT_SOCIAL_CARE").changeType(ChangeType.RECOMMISSION)
        .startDate(start).build();
  }

  private static Plan plan(int size) {
    return Plan.of(IntStream.range(0, size).mapToObj(i -> proposal(String.format("P-%05d", i),
        i % 2 == 0 ? "PEOPLE" : "PLACES", AS_OF.plusMonths(2))).toList());
  }

  @Test
  void assess_factWithEverLongerText_stopsAtTheTextLimit(@TempDir Path dir) throws IOException {
    Gateway gateway = Gateway.of(RuleSet.fromDirectory(rules(dir, GROWING)));

    assertThatThrownBy(() -> gateway.assess(plan(8), AS_OF)).isInstanceOfSatisfying(GatewayException.class,
        e -> assertThat(e.getMessage()).isEqualTo("A rule made a fact holding a text of 16,384 characters; "
            + "the most is 10,000 (limit textChars, or 8 times the longest text of the proposals assessed)."));
  }

  @Test
  void assess_factWithEverLongerText_withinARaisedLimit_goesOnToTheNextLimit(@TempDir Path dir) throws IOException {
    Gateway gateway = Gateway.of(RuleSet.fromDirectory(rules(dir, GROWING)), GatewayOptions.builder().limits(Limits.DEFAULTS.withTextChars(20_000)).build());

    assertThatThrownBy(() -> gateway.assess(plan(1), AS_OF)).isInstanceOfSatisfying(GatewayException.class,
        e -> assertThat(e.getMessage()).contains("32,768 characters; the most is 20,000 (limit textChars"));
  }

  @Test
  void assess_rulesInsertingWithoutEnd_stopAtTheFactsLimit(@TempDir Path dir) throws IOException {
    Gateway gateway = Gateway.of(RuleSet.fromDirectory(rules(dir, MULTIPLYING)), GatewayOptions.builder().limits(Limits.DEFAULTS.withFacts(100, 10)).build());

    assertThatThrownBy(() -> gateway.assess(plan(3), AS_OF)).isInstanceOfSatisfying(GatewayException.class,
        e -> assertThat(e.getMessage()).isEqualTo("The rules inserted more than 130 facts into a session of 3 "
            + "proposal(s), the most they may (limit factsPerSession 100 plus factsPerProposal 10 for each "
            + "proposal), and were stopped."));
  }

  @Test
  void assess_moreFindingsThanTheLimit_stops() {
    Gateway gateway = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().limits(Limits.DEFAULTS.withFindings(20, 1)).build());

    assertThatThrownBy(() -> gateway.assess(plan(10), AS_OF)).isInstanceOfSatisfying(GatewayException.class,
        e -> assertThat(e.getMessage()).isEqualTo("The rules recorded more than 30 findings for 10 proposal(s), "
            + "the most an assessment may record (limit findingsPerPlan 20 plus findingsPerProposal 1 for each "
            + "proposal), and were stopped."));
  }

  @Test
  void assess_findingsWithinTheLimit_assessesAsWithTheDefaults() {
    PlanAssessment unbounded = Gateway.bundled().assess(plan(10), AS_OF);

    PlanAssessment bounded = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().limits(Limits.DEFAULTS.withFindings(1_000, 0)).build()).assess(plan(10), AS_OF);

    assertThat(unbounded.assessments()).allSatisfy(a -> assertThat(a.challenges()).isNotEmpty());
    assertThat(bounded).isEqualTo(unbounded);
  }

  @Test
  void assess_longerThanTheTimeLimit_isHalted() {
    Gateway gateway = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().limits(Limits.DEFAULTS.withAssessmentTime(Duration.ofNanos(1))).build());

    assertThatThrownBy(() -> gateway.assess(plan(300), AS_OF)).isInstanceOfSatisfying(GatewayException.class,
        e -> assertThat(e.getMessage()).startsWith("The assessment of 300 proposal(s) took longer than 0.000000001s, "
            + "the most an assessment may take (limit assessmentTime), and its rules were halted."));
  }

  /**
   * 2,500 proposals in one service area, starting the same month, with alternating leads: every
   * pair with different leads overlaps, over 1.5 million findings as POLICY.md defines them. The
   * assessment stops at the findings limit instead of eating the machine.
   */
  @Test
  void assess_quadraticOverlaps_stopAtTheFindingsLimit() {
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      proposals.add(proposal(String.format("P-%05d", i), i % 2 == 0 ? "PEOPLE" : "PLACES", AS_OF.plusMonths(1)));
    }

    assertThatThrownBy(() -> Gateway.bundled().assess(Plan.of(proposals), AS_OF))
        .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getMessage())
            .startsWith("The rules recorded more than 350,000 findings for 2,500 proposal(s)"));
  }
}
