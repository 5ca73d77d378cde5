package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.assessment.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.model.Proposal;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans longer than one batch of the gateway's first stage (128 proposals): rules that compare
 * proposals still see them all, and the reports a long plan streams are the ones it returns.
 */
class LargePlanTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final int SIZE = 1_500;

  private static PlanAssessment large;

  /**
   * 1,500 proposals, each in a service area of its own (a made-up one, named with an accent, which
   * the output repeats in a warning) except the first and the last, which share LIBRARIES and
   * start a month apart under different directorates.
   */
  private static Plan plan(int size) {
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean end = i == 0 || i == size - 1;
      proposals.add(Proposal.builder().id(String.format("L-%05d", i)).title("Proposal " + i).leadDirectorate(i == 0 ? "PEOPLE" : "PLACES").serviceArea(end ? "LIBRARIES" : "BIBLIOTHÈQUE_" + i).changeType(ChangeType.VARY)
          .startDate(AS_OF.plusMonths(i == 0 ? 1 : 2))
          .build());
    }
    return new Plan(AS_OF, proposals, List.of(new InputError(size, null, "/proposals/" + size + "/id", "id is required.")));
  }

  @BeforeAll
  static void assessOnce() {
    large = Gateway.bundled().assess(plan(SIZE), AS_OF);
  }

  @Test
  void assess_proposalsInTheFirstAndLastBatch_areFoundToOverlap() {
    assertThat(large.portfolio()).extracting(PortfolioFinding::code, PortfolioFinding::proposalIds)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("OVERLAP_JOIN_UP", List.of("L-00000", "L-01499")));
    assertThat(large.assessments().get(0).portfolio()).hasSize(1);
    assertThat(large.assessments().get(SIZE - 1).portfolio()).hasSize(1);
    assertThat(large.assessments().get(SIZE / 2).portfolio()).isEmpty();
  }

  @Test
  void assess_eachProposal_findsWhatItFindsOnItsOwn() {
    Gateway gateway = Gateway.bundled();
    for (int i = 1; i < SIZE - 1; i += 97) {
      Assessment inPlan = large.assessments().get(i);
      Assessment alone = gateway.assess(plan(SIZE).proposals().get(i), AS_OF);
      assertThat(inPlan).as("proposal %d", i).isEqualTo(alone);
    }
  }

  @Test
  void assess_userRuleComparingTwoProposals_seesProposalsInOtherBatches(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("twins.drl"), """
        package org.councilgateway.rules;

        import org.councilgateway.model.Proposal;
        import org.councilgateway.facts.Findings;

        global Findings findings;

        rule "Another proposal in the same service area"
          @id("GW-TEST-TWIN")
          @source("A test")
          @description("Notes a proposal that shares its service area with another.")
        when
          $p : Proposal( $area : serviceArea )
          Proposal( this != $p, serviceArea == $area, $other : id )
        then
          findings.challenge($p, "CHALLENGE_TEST_TWIN", "Shares " + $area + " with " + $other + ".");
        end
        """);

    PlanAssessment result = Gateway.of(RuleSet.fromDirectory(rules)).assess(plan(SIZE), AS_OF);

    assertThat(result.assessments()).filteredOn(a -> a.challenges().stream()
            .anyMatch(f -> f.code().equals("CHALLENGE_TEST_TWIN")))
        .extracting(Assessment::proposalId).containsExactly("L-00000", "L-01499");
    assertThat(result.assessments().get(0).challenges()).extracting(Finding::message)
        .contains("Shares LIBRARIES with L-01499.");
  }

  @Test
  void assess_ruleAcrossThePlanUsingFactsAnotherInserts_seesThem(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Files.writeString(rules.resolve("joint.drl"), """
        package org.councilgateway.rules;

        import org.councilgateway.model.Proposal;
        import org.councilgateway.facts.AffectedDirectorate;
        import org.councilgateway.facts.Findings;
        import java.util.List;

        global Findings findings;

        rule "Proposals in one service area affect a joint board"
          @id("GW-TEST-JOINT-1")
          @source("A test")
          @description("Two proposals in one service area: the first affects a joint board.")
        when
          $p : Proposal( $area : serviceArea, $id : id )
          Proposal( id > $id, serviceArea == $area )
        then
          insert(new AffectedDirectorate($id, "JOINT_BOARD", "DECLARED"));
        end

        rule "A joint board is affected"
          @id("GW-TEST-JOINT-2")
          @source("A test")
          @description("Reports each proposal that affects the joint board.")
        when
          AffectedDirectorate( directorate == "JOINT_BOARD", $id : proposalId )
        then
          findings.portfolio("TEST_JOINT_BOARD", List.of($id), $id + " affects the joint board.");
        end
        """);

    PlanAssessment result = Gateway.of(RuleSet.fromDirectory(rules)).assess(plan(SIZE), AS_OF);

    assertThat(result.portfolio()).filteredOn(f -> f.code().equals("TEST_JOINT_BOARD"))
        .extracting(PortfolioFinding::proposalIds).containsExactly(List.of("L-00000"));
    assertThat(result.portfolio()).extracting(PortfolioFinding::code).contains("OVERLAP_JOIN_UP");
  }

  static Stream<PlanAssessment> results() {
    PlanAssessment empty = new PlanAssessment(large.ruleSetVersion(), AS_OF, List.of(), List.of(), List.of());
    PlanAssessment small = Gateway.bundled().assess(plan(3), AS_OF);
    return Stream.of(empty, small, large);
  }

  @ParameterizedTest
  @MethodSource("results")
  void reports_streamedAsBytes_areTheReturnedTextInUtf8(PlanAssessment result) {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    ByteArrayOutputStream text = new ByteArrayOutputStream();

    Reports.json(result, json);
    Reports.text(result, text);

    assertThat(json.toByteArray()).isEqualTo(Reports.json(result).getBytes(StandardCharsets.UTF_8));
    assertThat(text.toByteArray()).isEqualTo(Reports.text(result).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reports_ofALongPlan_holdEveryProposalOnceInOrder() {
    String text = Reports.text(large);
    String json = Reports.json(large);

    for (int i = 0; i < SIZE; i += 149) {
      String id = String.format("L-%05d", i);
      assertThat(text.indexOf("\n" + id + ": ")).as(id).isPositive()
          .isEqualTo(text.lastIndexOf("\n" + id + ": "));
      assertThat(json.indexOf("\"proposalId\": \"" + id + "\"")).as(id).isPositive();
    }
    for (int i = 0; i < SIZE; i += 499) {
      // Rendered on its own, at the depth it has in the plan's list.
      String alone = Reports.json(large.assessments().get(i)).stripTrailing().indent(4).stripTrailing();
      assertThat(json).as("assessment %d", i).contains(alone);
    }
    assertThat(text).contains("BIBLIOTHÈQUE_7").endsWith("id is required.\n");
    assertThat(json.indexOf("L-00149")).isLessThan(json.indexOf("L-01490"));
  }
}
