package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilgateway.Diff;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.PlanAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change to the rules would change, on the sample plan, with real copies of the bundled rules. */
class DiffTest {
  private static final Path SAMPLE_PLAN = Path.of("../examples/src/main/resources/plans/sample-forward-plan.json");
  private static final Plan PLAN = PlanReader.create().read(SAMPLE_PLAN);
  private static final PlanAssessment BASE = Gateway.bundled().assess(PLAN, PLAN.asOf());

  @TempDir
  Path dir;

  private Path copyOfTheRules() {
    return RuleSet.exportBundled(dir.resolve("export"));
  }

  private static PlanAssessment assess(Path rules) {
    return Gateway.fromDirectory(rules).assess(PLAN, PLAN.asOf());
  }

  @Test
  void raisingTheKeyDecisionValue_listsExactlyTheProposalsBetweenTheOldAndNewValueWithFewerThanTwoWards()
      throws IOException {
    Path rules = copyOfTheRules();
    Path data = rules.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace("keyDecisionValue: 350000", "keyDecisionValue: 500000"));

    Diff diff = Diff.between(BASE, assess(rules));

    List<String> expected = PLAN.proposals().stream()
        .filter(p -> p.annualValue() != null && p.annualValue() > 350_000 && p.annualValue() <= 500_000)
        .filter(p -> p.wards().size() < 2).map(p -> p.id()).toList();
    assertThat(expected).isNotEmpty();
    assertThat(diff.proposals()).extracting(Diff.Entry::proposalId).containsExactlyElementsOf(expected);
    assertThat(diff.proposals()).allSatisfy(entry -> {
      assertThat(entry.change().fields()).containsExactly(new Change.Field("keyDecision", true, false));
      assertThat(entry.title()).isNotBlank();
    });
    assertThat(diff.baseVersion()).isEqualTo(BASE.ruleSetVersion()).isNotEqualTo(diff.rulesVersion());
    assertThat(diff.asOf()).isEqualTo(PLAN.asOf());
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void anUnchangedCopy_differsInNothing() {
    Diff diff = Diff.between(BASE, assess(copyOfTheRules()));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.proposals()).isEmpty();
    assertThat(diff.baseVersion()).isEqualTo(diff.rulesVersion());
  }

  @Test
  void aRuleRemoved_showsItsFindingRemovedOnEveryProposalItFiredOn() throws IOException {
    Path rules = copyOfTheRules();
    Path challenges = rules.resolve("challenge.drl");
    String text = Files.readString(challenges);
    int start = text.indexOf("rule \"Risks not assessed\"");
    int end = text.indexOf("end\n", start) + 4;
    Files.writeString(challenges, text.substring(0, start) + text.substring(end));

    Diff diff = Diff.between(BASE, assess(rules));

    List<String> firedOn = BASE.assessments().stream()
        .filter(a -> a.trace().stream().anyMatch(t -> t.ruleId().equals("GW-CHL-007"))).map(Assessment::proposalId).toList();
    assertThat(firedOn).isNotEmpty();
    assertThat(diff.proposals()).extracting(Diff.Entry::proposalId).containsExactlyElementsOf(firedOn);
    assertThat(diff.proposals()).allSatisfy(entry -> {
      assertThat(entry.change().removed()).contains("CHALLENGE_RISKS");
      assertThat(entry.change().added()).isEmpty();
    });
  }

  @Test
  void aRuleAdded_showsItsFindingAddedWhereItFires() throws IOException {
    Path rules = copyOfTheRules();
    Path challenges = rules.resolve("challenge.drl");
    Files.writeString(challenges, Files.readString(challenges) + """

        rule "Large decommissioning"
          @id("GW-CHL-900")
          @source("Local policy: decommissionings above 50,000 a year go to the group")
          @description("A decommissioning of more than 50,000 a year.")
        when
          $p : Proposal( changeType == ChangeType.DECOMMISSION, annualValue != null, annualValue > 50000 )
        then
          findings.challenge($p, "CHALLENGE_LARGE_DECOMMISSION", "A decommissioning of more than 50,000 a year.");
        end
        """);

    Diff diff = Diff.between(BASE, assess(rules));

    List<String> decommissionings = PLAN.proposals().stream()
        .filter(p -> p.changeType().name().equals("DECOMMISSION") && p.annualValue() != null && p.annualValue() > 50_000)
        .map(p -> p.id()).toList();
    assertThat(decommissionings).isNotEmpty();
    assertThat(diff.proposals()).extracting(Diff.Entry::proposalId).containsExactlyElementsOf(decommissionings);
    assertThat(diff.proposals()).allSatisfy(entry -> {
      assertThat(entry.change().added()).containsExactly("CHALLENGE_LARGE_DECOMMISSION");
      assertThat(entry.change().status()).isEqualTo(Change.Status.CHANGED);
    });
  }

  @Test
  void json_isTheDocumentedForm() throws IOException {
    Path rules = copyOfTheRules();
    Path data = rules.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace("keyDecisionValue: 350000", "keyDecisionValue: 500000"));
    Diff diff = Diff.between(BASE, assess(rules));
    StringWriter out = new StringWriter();

    Reports.json(diff, out);

    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(root.fieldNames()).toIterable().containsExactly("base", "rules", "asOf", "proposals", "portfolio");
    com.fasterxml.jackson.databind.JsonNode first = root.get("proposals").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("proposalId", "title", "fields", "added", "removed");
    assertThat(first.get("fields").toString()).isEqualTo("{\"keyDecision\":[true,false]}");
    assertThat(root.get("portfolio").toString()).isEqualTo("{\"added\":[],\"removed\":[]}");
    assertThat(out.toString()).endsWith("}\n");
  }
}
