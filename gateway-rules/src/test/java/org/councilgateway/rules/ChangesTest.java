package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Changes;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.InvalidPlanException;
import org.councilgateway.Plan;
import org.councilgateway.Reports;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Consultee;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changed between two assessments: since the last meeting, from the earlier one's JSON report. */
class ChangesTest {
  private static final LocalDate EARLIER = LocalDate.of(2026, 10, 1);
  private static final LocalDate LATER = LocalDate.of(2026, 11, 23);
  private static final Gateway GATEWAY = Gateway.bundled();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static Proposal.Builder proposal(String id) {
    return Proposal.builder().id(id).title("Day centre " + id).leadDirectorate("PEOPLE")
        .serviceArea("ADULT_SOCIAL_CARE").changeType(ChangeType.NEW).objectives(List.of("Less isolation"))
        .outcomes(List.of("WELLBEING")).clientGroups(List.of("OLDER_PEOPLE")).consulted(List.of(Consultee.SERVICE_USERS))
        .deliveryOptions(List.of(DeliveryOption.OUTSOURCE, DeliveryOption.GRANT)).risksAssessed(true)
        .annualValue(100_000L);
  }

  private static PlanAssessment assess(LocalDate asOf, List<InputError> errors, Proposal... proposals) {
    return GATEWAY.assess(new Plan(asOf, List.of(proposals), errors), asOf);
  }

  private Path write(PlanAssessment result) throws IOException {
    Path file = Files.createTempFile(dir, "previous", ".json");
    Files.writeString(file, Reports.json(result));
    return file;
  }

  @Test
  void since_newChangedUnchangedAndWithdrawn_eachAsTheEarlierReportShows() throws IOException {
    PlanAssessment before = assess(EARLIER, List.of(), proposal("KEEP").build(), proposal("GROW").build(),
        proposal("GONE").build());
    PlanAssessment after = assess(LATER, List.of(), proposal("KEEP").build(),
        proposal("GROW").annualValue(2_000_000L).risksAssessed(false).build(), proposal("ADDED").build());

    Changes changes = Changes.since(write(before), after);

    assertThat(changes.asOf()).isEqualTo(EARLIER);
    assertThat(changes.ruleSetVersion()).isEqualTo(before.ruleSetVersion());
    assertThat(changes.withdrawn()).containsExactly("GONE");
    assertThat(changes.of("KEEP")).isEqualTo(new Change(Change.Status.UNCHANGED, List.of(), List.of(), List.of()));
    assertThat(changes.of("ADDED").status()).isEqualTo(Change.Status.NEW);
    assertThat(changes.of("ADDED").fields()).isEmpty();
    assertThat(changes.of("ADDED").added()).isNotEmpty().isSorted()
        .isEqualTo(changes.of("ADDED").added().stream().sorted().distinct().toList());
    Change grew = changes.of("GROW");
    assertThat(grew.status()).isEqualTo(Change.Status.CHANGED);
    assertThat(grew.fields()).contains(new Change.Field("keyDecision", false, true));
    assertThat(grew.added()).contains("CHALLENGE_RISKS");
    assertThat(grew.removed()).doesNotContain("CHALLENGE_RISKS");
    assertThat(changes.count(Change.Status.NEW)).isEqualTo(1);
    assertThat(changes.count(Change.Status.CHANGED)).isEqualTo(1);
    assertThat(changes.count(Change.Status.UNCHANGED)).isEqualTo(1);
  }

  @Test
  void since_fromTheJsonReport_isTheSameAsBetweenTheTwoAssessments() throws IOException {
    PlanAssessment before = assess(EARLIER, List.of(), proposal("A").build(), proposal("B").risksAssessed(false).build(),
        proposal("C").build());
    PlanAssessment after = assess(LATER, List.of(), proposal("A").annualValue(900_000L).build(), proposal("B").build(),
        proposal("D").build());

    Changes read = Changes.since(write(before), after);
    Changes direct = Changes.between(before, after);

    assertThat(read.proposals()).isEqualTo(direct.proposals());
    assertThat(read.withdrawn()).isEqualTo(direct.withdrawn()).containsExactly("C");
    assertThat(read.portfolioAdded()).isEqualTo(direct.portfolioAdded());
    assertThat(read.portfolioRemoved()).isEqualTo(direct.portfolioRemoved());
  }

  @Test
  void aChangedFindingAcrossThePlan_isRemovedAndAddedAsCodeAndItsProposals() {
    LocalDate april = LocalDate.of(2027, 4, 1);
    PlanAssessment before = assess(EARLIER, List.of(), proposal("A").startDate(april).build(),
        proposal("B").leadDirectorate("PLACES").startDate(april.plusMonths(1)).build());
    PlanAssessment after = assess(LATER, List.of(), proposal("A").startDate(april).build(),
        proposal("B").leadDirectorate("PLACES").startDate(april.plusYears(4)).build(),
        proposal("C").leadDirectorate("PLACES").startDate(april).build());

    Changes changes = Changes.between(before, after);

    assertThat(changes.portfolioRemoved()).containsExactly("OVERLAP_JOIN_UP:A,B");
    assertThat(changes.portfolioAdded()).containsExactly("OVERLAP_JOIN_UP:A,C");
    assertThat(changes.of("A").removed()).containsExactly("OVERLAP_JOIN_UP:A,B");
    assertThat(changes.of("A").added()).containsExactly("OVERLAP_JOIN_UP:A,C");
    assertThat(changes.of("A").status()).isEqualTo(Change.Status.CHANGED);
    assertThat(changes.of("B").removed()).contains("OVERLAP_JOIN_UP:A,B");
    assertThat(changes.of("C").status()).isEqualTo(Change.Status.NEW);
    assertThat(changes.of("C").added()).contains("OVERLAP_JOIN_UP:A,C");
  }

  @Test
  void aProposalNowInvalid_isNotWithdrawn_forThePlanStillHoldsIt() {
    PlanAssessment before = assess(EARLIER, List.of(), proposal("A").build(), proposal("B").build());
    PlanAssessment after = assess(LATER, List.of(new InputError(1, "B", "/proposals/1/changeType", "Not a change type.")),
        proposal("A").build());

    Changes changes = Changes.between(before, after);

    assertThat(changes.withdrawn()).isEmpty();
    assertThat(changes.proposals()).containsOnlyKeys("A");
  }

  @Test
  void json_sinceAfterAsOf_andChangesOnEveryAssessment_inTheDocumentedForm() throws IOException {
    PlanAssessment before = assess(EARLIER, List.of(), proposal("KEEP").build(), proposal("GROW").build(),
        proposal("GONE").build());
    PlanAssessment after = assess(LATER, List.of(), proposal("KEEP").build(),
        proposal("GROW").annualValue(2_000_000L).build(), proposal("ADDED").build());
    StringWriter out = new StringWriter();

    Reports.json(after, Changes.since(write(before), after), out);

    String text = out.toString();
    assertThat(text.indexOf("\"since\"")).isGreaterThan(text.indexOf("\"asOf\"")).isLessThan(text.indexOf("\"assessments\""));
    JsonNode root = JSON.readTree(text);
    assertThat(root.get("since").toString()).isEqualTo(
        "{\"asOf\":\"2026-10-01\",\"rulesetVersion\":\"" + before.ruleSetVersion() + "\",\"withdrawn\":[\"GONE\"]}");
    JsonNode keep = root.get("assessments").get(0).get("changes");
    assertThat(keep.toString()).isEqualTo("{\"status\":\"UNCHANGED\",\"fields\":{},\"added\":[],\"removed\":[]}");
    JsonNode grow = root.get("assessments").get(1).get("changes");
    assertThat(grow.get("status").asText()).isEqualTo("CHANGED");
    assertThat(grow.get("fields").get("keyDecision").toString()).isEqualTo("[false,true]");
    JsonNode added = root.get("assessments").get(2).get("changes");
    assertThat(added.get("status").asText()).isEqualTo("NEW");
    assertThat(added.has("fields")).isFalse();
    assertThat(Reports.json(after)).doesNotContain("\"since\"", "\"changes\"");
  }

  @Test
  void text_changesSince_countsAndNamesEachNewChangedAndWithdrawnProposal() throws IOException {
    PlanAssessment before = assess(EARLIER, List.of(), proposal("KEEP").build(), proposal("GROW").build(),
        proposal("GONE").build());
    PlanAssessment after = assess(LATER, List.of(), proposal("KEEP").build(),
        proposal("GROW").annualValue(2_000_000L).build(), proposal("ADDED").build());
    StringWriter out = new StringWriter();

    Reports.text(after, Changes.since(write(before), after), out);

    assertThat(out.toString()).contains("Changes since 2026-10-01 (rule set " + before.ruleSetVersion()
        + "): 1 new, 1 changed, 1 unchanged, 1 withdrawn.", "  New: ADDED Day centre ADDED\n",
        "  Changed: GROW Day centre GROW: keyDecision false to true", "  Withdrawn: GONE\n");
  }

  @Test
  void previousThatIsNotAnAssessment_isRefusedWithASentenceNamingThePlace() throws IOException {
    PlanAssessment after = assess(LATER, List.of(), proposal("A").build());
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, "{\"asOf\": \"2026-11-23\", \"proposals\": []}");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"rulesetVersion\": \"sha256:00\", \"asOf\": \"2026-10-01\", \"assessments\": [{\"proposalId\": \"A\"}]}");
    Path notJson = dir.resolve("notes.json");
    Files.writeString(notJson, "Minutes of the last meeting\n");

    assertThatThrownBy(() -> Changes.since(plan, after)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("plan.json").hasMessageContaining("is not the JSON report of a gateway assessment")
        .hasMessageContaining("/rulesetVersion, it is missing");
    assertThatThrownBy(() -> Changes.since(broken, after)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("/assessments/0/classification, it is missing");
    assertThatThrownBy(() -> Changes.since(notJson, after)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("notes.json:1:").hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> Changes.since(dir.resolve("missing.json"), after)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("does not exist");
  }
}
