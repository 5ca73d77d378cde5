package org.councilgateway;

import org.councilgateway.model.CompletedEia;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.model.Proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.councilgateway.PlanJson.proposal;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading one proposal on its own: valid, or an exception carrying every problem. */
@DisplayName("PlanReader reading a single proposal")
class PlanReaderProposalTest {
  private static final PlanReader READER = PlanReader.create();

  private static InvalidPlanException invalid(String content, String name) {
    InvalidPlanException thrown =
        catchThrowableOfType(InvalidPlanException.class, () -> READER.readProposal(content, name));
    assertThat(thrown).as("an invalid proposal throws").isNotNull();
    return thrown;
  }

  @Nested
  @DisplayName("a valid proposal")
  class Valid {

    @Test
    void readProposal_productExampleJson_givesEveryField() {
      String json = """
          {"id": "NL-2027-003", "title": "Leisure centres and physical activity",
           "leadDirectorate": "PLACES", "serviceArea": "LEISURE", "changeType": "RECOMMISSION",
           "objectives": ["Increase physical activity among the least active"],
           "outcomes": ["HEALTHIER_POPULATION"], "annualValue": 2100000, "termMonths": 60,
           "startDate": "2027-04-01", "reductionPercent": null, "affectedDirectorates": [],
           "fundingSources": [{"source": "COUNCIL_BUDGET", "directorate": "PLACES", "annualAmount": 1500000},
                              {"source": "PUBLIC_HEALTH_GRANT", "directorate": "PEOPLE", "annualAmount": 600000}],
           "clientGroups": ["GENERAL_PUBLIC"], "partners": ["CCG"],
           "deliveryOptions": ["OUTSOURCE", "COUNCIL_COMPANY"], "commissionerManagesInHouseProvider": false,
           "consulted": ["SERVICE_USERS"], "consultedDirectorates": ["PEOPLE"], "risksAssessed": true,
           "paymentModel": "OUTCOME_BASED",
           "provider": {"name": "Active Lincs Trust", "sector": "VCS", "performance": "GOOD", "otherCouncilContracts": 0},
           "eligibilityChange": false,
           "staffing": {"postsDeleted": 0, "postsCreated": 0, "postsRedesignated": 0, "tupeTransfer": false},
           "wards": [],
           "eia": {"completed": [{"kind": "SERVICE", "level": "SCREENING", "on": "2026-06-01"}],
                   "assessorTrainingCurrent": true}}
          """;

      assertThat(READER.readProposal(json, "proposal.json")).isEqualTo(PlanReaderTest.PRODUCT_EXAMPLE);
    }

    @Test
    void readProposal_yaml_givesTheSameAsJson() {
      String yaml = """
          id: P-1
          title: Youth clubs
          leadDirectorate: PEOPLE
          serviceArea: YOUTH_PROVISION
          changeType: REDUCE
          reductionPercent: 12.5
          wards: [Ashby, Ashby, Brigg]
          eia:
            completed:
              - {kind: STAFFING, level: FULL, on: 2026-01-05}
          """;

      Proposal fromYaml = READER.readProposal(yaml, "proposal.yaml");

      assertThat(fromYaml).isEqualTo(READER.readProposal(proposal("P-1")
          .with("changeType", "\"REDUCE\"")
          .with("reductionPercent", "12.5")
          .with("wards", "[\"Ashby\", \"Ashby\", \"Brigg\"]")
          .with("eia", "{\"completed\": [{\"kind\": \"STAFFING\", \"level\": \"FULL\", \"on\": \"2026-01-05\"}]}")
          .toString(), "proposal.json"));
      assertThat(fromYaml.wards()).containsExactly("Ashby", "Brigg");
      assertThat(fromYaml.eia().completed())
          .containsExactly(new CompletedEia(EiaKind.STAFFING, EiaLevel.FULL, LocalDate.of(2026, 1, 5)));
    }
  }

  @Nested
  @DisplayName("an invalid proposal")
  class Invalid {

    @Test
    void readProposal_oneProblem_throwsItWithThePath() {
      InvalidPlanException thrown = invalid(proposal("P-1").with("changeType", "\"reduce\"").toString(), "p.json");

      assertThat(thrown).hasMessage("The proposal in p.json is invalid: /changeType: changeType must be one of"
          + " NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was \"reduce\".");
      assertThat(thrown.problems()).containsExactly(new Problem("p.json", 0, 0, "/changeType: changeType must be"
          + " one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION, but was \"reduce\"."));
    }

    @Test
    void readProposal_manyProblems_carriesEveryOne() {
      String json = proposal("P-1")
          .without("title")
          .with("termMonths", "1.5")
          .with("startDate", "\"2027-02-30\"")
          .with("provider", "{\"sector\": \"VCS\", \"rating\": 1}")
          .with("fundingSources", "[{\"annualAmount\": 5}]")
          .with("eia", "{\"completed\": [{\"kind\": \"SERVICE\", \"level\": \"FULL\"}]}")
          .with("colour", "\"red\"")
          .toString();

      InvalidPlanException thrown = invalid(json, "p.json");

      assertThat(thrown.problems()).extracting(Problem::file).containsOnly("p.json");
      assertThat(thrown.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
          "/colour: Unknown field \"colour\": the proposal format does not define it.",
          "/title: title is required.",
          "/termMonths: termMonths must be a whole number of at least 0 and at most 2147483647, but was 1.5.",
          "/startDate: startDate must be a date in the form yyyy-MM-dd, but was \"2027-02-30\".",
          "/provider/rating: Unknown field \"rating\": the provider format does not define it.",
          "/provider/name: name is required.",
          "/fundingSources/0/source: source is required: one of COUNCIL_BUDGET, PUBLIC_HEALTH_GRANT, NHS,"
              + " POLICE, EXTERNAL_GRANT.",
          "/eia/completed/0/on: on is required: a date in the form yyyy-MM-dd.");
      assertThat(thrown.getMessage()).startsWith("The proposal in p.json is invalid: /");
      assertThat(thrown.describe().lines()).hasSize(8);
    }

    @Test
    void readProposal_everyRequiredFieldMissing_carriesEachOne() {
      InvalidPlanException thrown = invalid("{}", "p.json");

      assertThat(thrown.problems()).containsExactlyInAnyOrder(
          new Problem("p.json", 0, 0, "/id: id is required."),
          new Problem("p.json", 0, 0, "/title: title is required."),
          new Problem("p.json", 0, 0, "/leadDirectorate: leadDirectorate is required."),
          new Problem("p.json", 0, 0, "/serviceArea: serviceArea is required."),
          new Problem("p.json", 0, 0,
              "/changeType: changeType is required: one of NEW, RECOMMISSION, EXTEND, VARY, REDUCE, DECOMMISSION."));
    }

    @Test
    void readProposal_notAnObject_saysSo() {
      InvalidPlanException thrown = invalid("42", "p.json");

      assertThat(thrown).hasMessage("The proposal in p.json is invalid: A proposal must be an object, but this is 42.");
      assertThat(thrown.problems())
          .containsExactly(new Problem("p.json", 0, 0, "A proposal must be an object, but this is 42."));
    }

    @Test
    void readProposal_aWholePlan_isNotAProposal() {
      InvalidPlanException thrown = invalid("{\"proposals\": [" + proposal("P-1") + "]}", "p.json");

      assertThat(thrown.problems()).extracting(Problem::message)
          .contains("/proposals: Unknown field \"proposals\": the proposal format does not define it.");
    }

    @Test
    void readProposal_notJson_isUnusable() {
      InvalidPlanException thrown = invalid("{\"id\": ", "p.json");

      assertThat(thrown.problems()).hasSize(1);
      assertThat(thrown.problems().get(0).file()).isEqualTo("p.json");
      assertThat(thrown.problems().get(0).message()).startsWith("is not valid JSON: ");
    }

    @Test
    void readProposal_emptyDocument_saysItIsMissing() {
      InvalidPlanException thrown = invalid("", "p.json");

      assertThat(thrown.problems())
          .containsExactly(new Problem("p.json", 0, 0, "A proposal must be an object, but this is missing."));
    }

    @Test
    void readProposal_problems_areImmutable() {
      List<Problem> problems = invalid("{}", "p.json").problems();

      assertThat(problems).isUnmodifiable();
    }
  }
}
