package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.MeetingPack;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.Origin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A proposal's origin: read with the plan, carried unchanged into the JSON assessment, shown in the pack, used by no rule. */
class OriginTest {
  private static final Gateway GATEWAY = Gateway.bundled();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final String PROPOSAL = "\"id\": \"P-1\", \"title\": \"Fostering\", \"leadDirectorate\": \"PEOPLE\","
      + " \"serviceArea\": \"FOSTER_CARE\", \"changeType\": \"NEW\"";
  private static final String ORIGIN = "\"origin\": {\"ocid\": \"ocds-x-1\", \"releaseId\": \"r1\", \"date\": "
      + "\"2020-01-02T00:00:00Z\", \"buyer\": \"Leeds City Council\", \"url\": \"https://example.org/p.json\","
      + " \"inferred\": [\"serviceArea FOSTER_CARE from \\\"foster*\\\" in the title\", \"changeType NEW: no earlier\"],"
      + " \"reference\": \"council key 7\", \"note\": null}";

  private static Plan plan(String proposal) {
    return PlanReader.create().read("{\"proposals\": [{" + proposal + "}]}", "plan.json");
  }

  @Test
  void origin_isReadWithItsKeysInOrder_nullLeavingAKeyOut() {
    Plan plan = plan(PROPOSAL + ", " + ORIGIN);

    assertThat(plan.errors()).isEmpty();
    Origin origin = plan.proposals().get(0).origin();
    assertThat(origin.entries()).extracting(Origin.Entry::key)
        .containsExactly("ocid", "releaseId", "date", "buyer", "url", "inferred", "reference");
    assertThat(origin.text("buyer")).isEqualTo("Leeds City Council");
    assertThat(origin.texts("inferred")).containsExactly("serviceArea FOSTER_CARE from \"foster*\" in the title",
        "changeType NEW: no earlier");
  }

  @Test
  void origin_valuesThatAreNotTextsOrListsOfTexts_areErrorsAtTheirPaths() {
    Plan plan = plan(PROPOSAL + ", \"origin\": {\"ocid\": 12, \"inferred\": [\"ok\", true], \"deep\": {\"a\": \"b\"}}");

    assertThat(plan.proposals()).isEmpty();
    assertThat(plan.errors()).extracting(InputError::path)
        .containsExactly("/proposals/0/origin/deep", "/proposals/0/origin/inferred/1", "/proposals/0/origin/ocid");
    assertThat(plan.errors()).extracting(InputError::message).allSatisfy(m -> assertThat(m).contains("origin's"));
  }

  @Test
  void origin_thatIsNotAnObject_isAnError() {
    Plan plan = plan(PROPOSAL + ", \"origin\": \"Contracts Finder\"");

    assertThat(plan.errors()).extracting(InputError::path, InputError::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/proposals/0/origin",
            "origin must be an object, but was \"Contracts Finder\"."));
  }

  @Test
  void jsonAssessment_carriesTheOriginUnchanged_rightAfterTheProposalId() {
    String json = Reports.json(GATEWAY.assess(plan(PROPOSAL + ", " + ORIGIN), AS_OF));

    assertThat(json).contains("      \"proposalId\": \"P-1\",\n      \"origin\": {\n        \"ocid\": \"ocds-x-1\",\n"
        + "        \"releaseId\": \"r1\",\n        \"date\": \"2020-01-02T00:00:00Z\",\n"
        + "        \"buyer\": \"Leeds City Council\",\n        \"url\": \"https://example.org/p.json\",\n"
        + "        \"inferred\": [\n          \"serviceArea FOSTER_CARE from \\\"foster*\\\" in the title\",\n"
        + "          \"changeType NEW: no earlier\"\n        ],\n        \"reference\": \"council key 7\"\n      },\n"
        + "      \"classification\": ");
  }

  @Test
  void origin_takesNoPartInAnyRule_theAssessmentIsTheSameWithoutIt() {
    PlanAssessment with = GATEWAY.assess(plan(PROPOSAL + ", " + ORIGIN), AS_OF);
    PlanAssessment without = GATEWAY.assess(plan(PROPOSAL), AS_OF);

    assertThat(Reports.json(with).replaceAll("(?s)      \"origin\": \\{.*?\n      },\n", ""))
        .isEqualTo(Reports.json(without));
    assertThat(Reports.json(without)).doesNotContain("origin");
  }

  @Test
  void meetingPack_showsTheOriginAmongTheProposalsFacts() {
    PlanAssessment result = GATEWAY.assess(plan(PROPOSAL + ", " + ORIGIN), AS_OF);
    Document page = Jsoup.parse(MeetingPack.builder().build().write(result));

    List<String> facts = page.select("section#P-1 dl.facts dt").eachText();
    assertThat(facts).contains("Origin: OCDS ocid", "Origin: buyer", "Origin: worked out", "Origin: reference");
    assertThat(page.select("section#P-1 dl.facts dd").eachText()).contains("ocds-x-1", "Leeds City Council",
        "serviceArea FOSTER_CARE from \"foster*\" in the title; changeType NEW: no earlier");
  }
}
