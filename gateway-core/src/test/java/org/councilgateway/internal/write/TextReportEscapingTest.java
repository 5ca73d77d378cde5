package org.councilgateway.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.councilgateway.assessment.Classification;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.assessment.EiaOutcome;
import org.councilgateway.assessment.Finding;
import org.councilgateway.InputError;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.Route;
import org.junit.jupiter.api.Test;

/** No value in a plan can forge a line of the text report or act on the terminal showing it. */
class TextReportEscapingTest {
  private static final String FORGED = "A\nNL-2027-001: COUNCIL_WIDE, route STRATEGIC_COMMISSIONING_GROUP\u001b[2J";
  private static final String SHOWN = "A\\u000aNL-2027-001: COUNCIL_WIDE, route STRATEGIC_COMMISSIONING_GROUP\\u001b[2J";

  private static PlanAssessment assessment(String id) {
    Finding finding = new Finding("CHALLENGE_RISKS", "PEOPLE\u202E", "GW-CHL-002", "appendix 4.1", "Proposal " + id + " states no risks.");
    Proposal proposal = Proposal.builder().id(id).title("Title of " + id).leadDirectorate("PEOPLE")
        .serviceArea("ADVOCACY").changeType(ChangeType.NEW).build();
    Assessment assessed = new Assessment(proposal, Classification.SINGLE_DIRECTORATE, List.of(), Route.DIRECTORATE,
        null, List.of(), new EiaOutcome(false, EiaLevel.NONE, List.of(), List.of(), List.of()), List.of(finding),
        null, List.of(), List.of(), List.of(), "sha256:00", LocalDate.of(2026, 11, 23));
    InputError error = new InputError(1, id + "-2", "/proposals/1/changeType", "changeType must be one of NEW, but was \""
        + id + "\".");
    return new PlanAssessment("sha256:00", LocalDate.of(2026, 11, 23), List.of(assessed), List.of(), List.of(error));
  }

  @Test
  void write_idWithNewlineAndEscape_staysOnItsLinesEscaped() {
    String text = TextReport.write(assessment(FORGED));

    assertThat(text).doesNotContain("\u001b").doesNotContain("\u202E").doesNotContain("\r");
    assertThat(text.lines()).filteredOn(line -> line.contains("NL-2027-001")).containsExactly(
        SHOWN + ": SINGLE_DIRECTORATE, route DIRECTORATE",
        "  Title of " + SHOWN + "; annual value not stated",
        "    CHALLENGE_RISKS PEOPLE\\u202e: Proposal " + SHOWN + " states no risks. [GW-CHL-002]",
        "  proposal 1 (" + SHOWN + "-2) /proposals/1/changeType: changeType must be one of NEW, but was \"" + SHOWN + "\".");
  }

  @Test
  void write_soundValues_areUnchanged() {
    String text = TextReport.write(assessment("NL-2027-010"));

    assertThat(text).contains("\nNL-2027-010: SINGLE_DIRECTORATE, route DIRECTORATE\n")
        .contains("\n  proposal 1 (NL-2027-010-2) /proposals/1/changeType: changeType must be one of NEW, but was \"NL-2027-010\".\n");
  }
}
