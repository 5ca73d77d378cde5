package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.Problem;
import org.councilgateway.facts.GateRequirement;
import org.councilgateway.facts.JointWorkplan;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.model.GateStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference data of the second edition: joint workplans, gate stages, the service review validity. */
class ReferenceDataSecondEditionTest {
  private static final Path BUNDLED =
      Path.of("../gateway-rules/src/main/resources/org/councilgateway/rules/reference-data.yaml");
  private static String bundled;

  @BeforeAll
  static void readBundled() throws IOException {
    bundled = Files.readString(BUNDLED);
  }

  private static ReferenceDataReader.Result read(String content) {
    return ReferenceDataReader.read("reference-data.yaml", content);
  }

  /** The bundled file with its section 6 parts cut off (they come last), as a council's older file would be. */
  private static String withoutSecondEdition() {
    String older = bundled.substring(0, bundled.indexOf("\n# Joint workplans"));
    return older.replace("  serviceReviewValidityMonths: 12", "  # (no service review validity)");
  }

  @Test
  void bundled_gateStages_areCumulative() {
    ReferenceData data = read(bundled).data();

    assertThat(data.gateRequirements()).filteredOn(r -> r.stage() == GateStage.NEEDS).isEmpty();
    assertThat(data.gateRequirements()).filteredOn(r -> r.stage() == GateStage.SPECIFICATION)
        .extracting(GateRequirement::code).containsExactly("CHALLENGE_OBJECTIVES", "CHALLENGE_OUTCOMES");
    assertThat(data.gateRequirements()).filteredOn(r -> r.stage() == GateStage.PROCUREMENT)
        .extracting(GateRequirement::code).hasSize(8).contains("CHALLENGE_OBJECTIVES", "EIA_OUTSTANDING")
        .doesNotContain("CHALLENGE_MONITORING_LEVEL");
    assertThat(data.gateRequirements()).filteredOn(r -> r.stage() == GateStage.REVIEW)
        .extracting(GateRequirement::code)
        .containsExactlyElementsOf(data.gateRequirements().stream().filter(r -> r.stage() == GateStage.AWARD)
            .map(GateRequirement::code).toList())
        .hasSize(13);
    assertThat(data.jointWorkplans()).containsExactly(new JointWorkplan("CCG", "MENTAL_HEALTH"),
        new JointWorkplan("CCG", "CARERS_SUPPORT"));
    assertThat(data.settings().serviceReviewValidityMonths()).isEqualTo(12);
    assertThat(data.facts()).containsAll(data.gateRequirements()).containsAll(data.jointWorkplans());
  }

  @Test
  void olderFile_withoutTheSecondEdition_stillLoads_withTheDefaults() {
    ReferenceDataReader.Result result = read(withoutSecondEdition());

    assertThat(result.problems()).isEmpty();
    assertThat(result.data().jointWorkplans()).isEmpty();
    assertThat(result.data().gateRequirements()).isEmpty();
    assertThat(result.data().settings().serviceReviewValidityMonths()).isEqualTo(12);
    assertThat(result.data().settings().councilName()).isNull();
  }

  @Test
  void councilName_isRead() {
    ReferenceData data = read(bundled.replace("  # councilName: North Lincolnshire Council",
        "  councilName: North Lincolnshire Council")).data();

    assertThat(data.settings().councilName()).isEqualTo("North Lincolnshire Council");
  }

  @Test
  void badSecondEditionData_isReportedWhereItIs() {
    String content = withoutSecondEdition().replace("  # (no service review validity)",
        "  serviceReviewValidityMonths: 0") + """

        jointWorkplans:
          - {partner: JOBCENTRE_PLUS, serviceAreas: [MENTAL_HEALTH]}
          - {partner: CCG, serviceAreas: [LIBRARIES]}
        gateStages:
          - {stage: TENDER, requires: [CHALLENGE_RISKS]}
          - {stage: AWARD, requires: [CHALLENGE_RISKS]}
          - {stage: AWARD, requires: []}
        """;

    assertThat(read(content).problems()).extracting(Problem::message).containsExactlyInAnyOrder(
        "settings.serviceReviewValidityMonths must be a whole number of at least 1 but was 0.",
        "Joint workplan partner JOBCENTRE_PLUS is not in partnerCommissioners.",
        "Joint workplan of CCG names LIBRARIES, which is not a service area in serviceAreas.",
        "Gate stage TENDER is not one of NEEDS, OPTIONS, SPECIFICATION, PROCUREMENT, AWARD, DELIVERY, REVIEW.",
        "The gate stage AWARD is defined twice.");
    assertThat(read(content).problems()).allSatisfy(problem -> assertThat(problem.line()).isPositive());
  }
}
