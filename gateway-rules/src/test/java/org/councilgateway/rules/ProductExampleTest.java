package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Classification;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.assessment.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.assessment.Route;
import org.junit.jupiter.api.Test;

/** PRODUCT.md's example proposal gives exactly PRODUCT.md's example output. */
class ProductExampleTest {
  private static final Path PLAN = Path.of("src/main/plans/product-example.json");

  private static PlanAssessment assess() {
    return Gateway.bundled().assess(PlanReader.create().read(PLAN), null);
  }

  @Test
  void productExample_givesTheDocumentedCodesTargetsAndOrder() {
    PlanAssessment result = assess();

    assertThat(result.asOf()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(result.ruleSetVersion()).matches("sha256:[0-9a-f]{64}");
    assertThat(result.errors()).isEmpty();
    assertThat(result.portfolio()).isEmpty();
    Assessment a = result.assessments().get(0);
    assertThat(a.proposalId()).isEqualTo("NL-2027-003");
    assertThat(a.classification()).isEqualTo(Classification.COUNCIL_WIDE);
    assertThat(a.scopeReasonCodes()).containsExactly(
        "SCOPE_COUNCIL_WIDE_SERVICE", "SCOPE_INTERDEPENDENT_SERVICE", "SCOPE_SHARED_FUNDING");
    assertThat(a.scopeReasons()).allSatisfy(reason -> assertThat(reason.ruleId()).startsWith("GW-SCOPE-"));
    assertThat(a.scopeReasons().get(0).message()).isEqualTo("Service area LEISURE is council-wide by nature.");
    assertThat(a.route()).isEqualTo(Route.STRATEGIC_COMMISSIONING_GROUP);
    assertThat(a.keyDecision()).isTrue();
    assertThat(a.keyDecisionReason().code()).isEqualTo("KEY_DECISION");
    assertThat(a.keyDecisionReason().message()).isNotBlank();
    assertThat(a.ruleSetVersion()).isEqualTo(result.ruleSetVersion());
    assertThat(a.asOf()).isEqualTo(result.asOf());
    assertThat(a.impacts()).extracting(Finding::code, Finding::target).containsExactly(
        tuple("CROSS_DIRECTORATE_IMPACT", "PEOPLE"),
        tuple("SERVICE_INTERDEPENDENCY", "PUBLIC_HEALTH"),
        tuple("PARTNER_COMMISSIONER", "CCG"),
        tuple("EXTERNAL_FUNDING", "PUBLIC_HEALTH_GRANT"));
    assertThat(a.impacts().get(0).ruleId()).isEqualTo("GW-IMP-001");
    assertThat(a.impacts()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    assertThat(a.impacts()).allSatisfy(f -> assertThat(f.message()).endsWith("."));
    assertThat(a.eia().required()).isTrue();
    assertThat(a.eia().level()).isEqualTo(EiaLevel.SCREENING);
    assertThat(a.eia().characteristics()).containsExactly("AGE", "DISABILITY", "GENDER_REASSIGNMENT",
        "MARRIAGE_AND_CIVIL_PARTNERSHIP", "PREGNANCY_AND_MATERNITY", "RACE", "RELIGION_OR_BELIEF", "SEX",
        "SEXUAL_ORIENTATION");
    assertThat(a.eia().assessments()).singleElement().satisfies(kind -> {
      assertThat(kind.kind()).isEqualTo(EiaKind.SERVICE);
      assertThat(kind.level()).isEqualTo(EiaLevel.SCREENING);
      assertThat(kind.reasons()).containsExactly("EIA_PROTECTED_GROUPS");
    });
    assertThat(a.eia().actions()).isEmpty();
    // The second edition (docs/policy.md section 6) adds three challenges to the first edition's one: the
    // example recommissions without a service review, a word on social value or a named contract monitor.
    assertThat(a.challenges()).extracting(Finding::code).containsExactly("CHALLENGE_IN_HOUSE_OPTION",
        "CHALLENGE_SERVICE_REVIEW", "CHALLENGE_SOCIAL_VALUE", "CHALLENGE_CONTRACT_MONITORING");
    assertThat(a.challenges().get(0).source()).startsWith("North Lincolnshire");
    assertThat(a.portfolio()).isEmpty();
    assertThat(a.warnings()).isEmpty();
    assertThat(a.trace()).extracting(t -> t.ruleId()).contains("GW-IMP-001").isSorted();
  }

  @Test
  void productExample_jsonHasTheDocumentedShape() {
    String json = Reports.json(assess());

    assertThat(json).startsWith("{\n  \"rulesetVersion\": \"sha256:")
        .contains("\n  \"asOf\": \"2026-11-23\",\n  \"assessments\": [\n    {\n      \"proposalId\": \"NL-2027-003\",\n"
            + "      \"classification\": \"COUNCIL_WIDE\",\n      \"scopeReasons\": [\n")
        .contains("\"actions\": []")
        .contains("\"warnings\": []")
        .contains("\n  \"portfolio\": [],\n  \"errors\": []\n}\n")
        .doesNotContain("\"target\": null")
        .doesNotContain(" : ");
  }

  @Test
  void productExample_sameInputGivesTheSameBytes() {
    assertThat(Reports.json(assess())).isEqualTo(Reports.json(assess()));
  }
}
