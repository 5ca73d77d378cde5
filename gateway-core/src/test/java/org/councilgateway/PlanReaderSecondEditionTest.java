package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.PlanJson.plan;
import static org.councilgateway.PlanJson.proposal;

import java.time.LocalDate;
import org.councilgateway.model.ContractMonitoring;
import org.councilgateway.model.GateStage;
import org.councilgateway.model.MonitoringLevel;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The second edition's fields: serviceReviewedOn, socialValueConsidered, contractMonitoring and stage. */
class PlanReaderSecondEditionTest {
  private static final PlanReader READER = PlanReader.create();

  private static Plan read(PlanJson proposal) {
    return READER.read(plan(proposal), "plan.json");
  }

  @Test
  void read_everyNewField_isCarriedIntoTheProposal() {
    Proposal p = read(proposal("A").with("serviceReviewedOn", "\"2026-03-31\"").with("socialValueConsidered", "true")
        .with("contractMonitoring", "{\"owner\": \"Contracts team\", \"level\": \"HIGH\"}")
        .with("stage", "\"PROCUREMENT\"")).proposals().get(0);

    assertThat(p.serviceReviewedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(p.socialValueConsidered()).isTrue();
    assertThat(p.contractMonitoring()).isEqualTo(new ContractMonitoring("Contracts team", MonitoringLevel.HIGH));
    assertThat(p.stage()).isEqualTo(GateStage.PROCUREMENT);
  }

  @Test
  void read_newFieldsAbsent_areAsThePolicySays() {
    Proposal p = read(proposal("A")).proposals().get(0);

    assertThat(p.serviceReviewedOn()).isNull();
    assertThat(p.socialValueConsidered()).isFalse();
    assertThat(p.contractMonitoring()).isNull();
    assertThat(p.stage()).isNull();
  }

  @Test
  void read_monitoringWithoutLevel_isLight_andABlankOwnerIsNoOwnerButNoError() {
    Plan plan = read(proposal("A").with("contractMonitoring", "{\"owner\": \"  \"}"));

    assertThat(plan.errors()).isEmpty();
    ContractMonitoring monitoring = plan.proposals().get(0).contractMonitoring();
    assertThat(monitoring.level()).isEqualTo(MonitoringLevel.LIGHT);
    assertThat(monitoring.hasOwner()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      stage              | "procurement"                         | /proposals/0/stage                    | stage must be one of NEEDS, OPTIONS, SPECIFICATION, PROCUREMENT, AWARD, DELIVERY, REVIEW, but was "procurement".
      contractMonitoring | {"owner": "X", "level": "MEDIUM"}     | /proposals/0/contractMonitoring/level | level must be one of LIGHT, STANDARD, HIGH, but was "MEDIUM".
      contractMonitoring | {"owner": 3}                          | /proposals/0/contractMonitoring/owner | owner must be a text, but was 3.
      contractMonitoring | {"owner": "X", "frequency": "weekly"} | /proposals/0/contractMonitoring/frequency | Unknown field "frequency": the contractMonitoring format does not define it.
      serviceReviewedOn  | "31/03/2026"                          | /proposals/0/serviceReviewedOn        | serviceReviewedOn must be a date in the form yyyy-MM-dd, but was "31/03/2026".
      socialValueConsidered | "yes"                              | /proposals/0/socialValueConsidered    | socialValueConsidered must be true or false, but was "yes".
      """)
  void read_badValue_isAnErrorForThatProposalOnly(String field, String json, String path, String message) {
    Plan plan = READER.read(plan(proposal("A").with(field, json), proposal("B")), "plan.json");

    assertThat(plan.proposals()).extracting(Proposal::id).containsExactly("B");
    assertThat(plan.errors()).singleElement().satisfies(error -> {
      assertThat(error.path()).isEqualTo(path);
      assertThat(error.message()).isEqualTo(message);
    });
  }
}
