package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Gate;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.GateStage;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness at the gate, in the results, the JSON and the text, and decided by data a council edits. */
class GateReadinessTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  /** Procures for older people with risks not assessed and no EIA: not ready for PROCUREMENT. */
  private static Proposal.Builder dayCentre(String id) {
    return Proposal.builder().id(id).title("Day centre").leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE")
        .changeType(ChangeType.NEW).objectives(List.of("Less isolation")).outcomes(List.of("WELLBEING"))
        .clientGroups(List.of("OLDER_PEOPLE")).consulted(List.of(org.councilgateway.model.Consultee.SERVICE_USERS))
        .deliveryOptions(List.of(org.councilgateway.model.DeliveryOption.OUTSOURCE,
            org.councilgateway.model.DeliveryOption.GRANT));
  }

  private static PlanAssessment assess(Gateway gateway, Proposal... proposals) {
    return gateway.assess(new Plan(AS_OF, List.of(proposals), List.of()), AS_OF);
  }

  @Test
  void assess_proposalAtAStage_carriesItsGate_andWithoutAStageNone() {
    PlanAssessment result = assess(Gateway.bundled(), dayCentre("A").stage(GateStage.PROCUREMENT).build(),
        dayCentre("B").build());

    Assessment staged = result.assessments().get(0);
    assertThat(staged.gate()).isEqualTo(new Gate(GateStage.PROCUREMENT,
        List.of("CHALLENGE_RISKS", "CHALLENGE_SOCIAL_VALUE", "EIA_OUTSTANDING")));
    assertThat(staged.gate().ready()).isFalse();
    assertThat(result.assessments().get(1).gate()).isNull();
  }

  @Test
  void json_gateComesRightAfterChallenges_onlyForAProposalWithAStage() {
    String json = Reports.json(assess(Gateway.bundled(), dayCentre("A").stage(GateStage.PROCUREMENT).build(),
        dayCentre("B").build()));

    String first = json.substring(0, json.indexOf("\"proposalId\": \"B\""));
    assertThat(first.indexOf("\"gate\"")).isGreaterThan(first.indexOf("\"challenges\""))
        .isLessThan(first.indexOf("\"portfolio\""));
    assertThat(first).containsSubsequence("\"stage\": \"PROCUREMENT\"", "\"ready\": false", "\"blockers\"",
        "\"CHALLENGE_RISKS\"", "\"CHALLENGE_SOCIAL_VALUE\"", "\"EIA_OUTSTANDING\"");
    assertThat(json.substring(json.indexOf("\"proposalId\": \"B\""))).doesNotContain("\"gate\"");
  }

  @Test
  void text_saysFirstWhichProposalsAreNotReadyAndWhy() {
    String text = Reports.text(assess(Gateway.bundled(), dayCentre("A").stage(GateStage.PROCUREMENT).build(),
        dayCentre("B").stage(GateStage.OPTIONS).build()));

    assertThat(text).contains("Readiness at the gate: 1 of 2 proposal(s) with a stage not ready for it.\n"
        + "  A Not ready for PROCUREMENT: CHALLENGE_RISKS, CHALLENGE_SOCIAL_VALUE, EIA_OUTSTANDING\n");
    assertThat(text).contains("A: SINGLE_DIRECTORATE, route DIRECTORATE\n  Day centre; annual value not stated\n"
        + "  Not ready for PROCUREMENT: CHALLENGE_RISKS, CHALLENGE_SOCIAL_VALUE, EIA_OUTSTANDING\n");
    assertThat(text).contains("B: SINGLE_DIRECTORATE, route DIRECTORATE\n  Day centre; annual value not stated\n"
        + "  Ready for OPTIONS\n");
  }

  @Test
  void text_planWithoutStages_saysNothingOfReadiness() {
    assertThat(Reports.text(assess(Gateway.bundled(), dayCentre("A").build()))).doesNotContain("Ready", "ready");
  }

  @Test
  void gateStageTable_isData_aCouncilChangesWhatBlocksAStageWithoutJava(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace(
        "{stage: OPTIONS, requires: []}", "{stage: OPTIONS, requires: [CHALLENGE_RISKS]}"));

    Assessment edited = assess(Gateway.of(RuleSet.fromDirectory(rules)), dayCentre("A").stage(GateStage.OPTIONS).build())
        .assessments().get(0);

    assertThat(edited.gate().blockers()).containsExactly("CHALLENGE_RISKS");
    assertThat(assess(Gateway.bundled(), dayCentre("A").stage(GateStage.OPTIONS).build()).assessments().get(0)
        .gate().ready()).isTrue();
  }
}
