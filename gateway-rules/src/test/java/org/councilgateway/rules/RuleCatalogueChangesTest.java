package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a proposed rule set adds, removes and changes against the live one, for a committee: built
 * from rules directories exported from the bundled rules and edited as a policy officer would.
 */
class RuleCatalogueChangesTest {

  /** The bundled rules exported to {@code dir/live/rules}, as the live rules. */
  private static Path live(Path dir) {
    return RuleSet.exportBundled(dir.resolve("live"));
  }

  /** The bundled rules exported to {@code dir/proposed/rules}, to edit. */
  private static Path proposed(Path dir) {
    return RuleSet.exportBundled(dir.resolve("proposed"));
  }

  @Test
  void changesMarkdown_ruleAddedRemovedAndDescribedAnew_settingRaised_serviceAreaAdded(@TempDir Path dir)
      throws IOException {
    Path proposed = proposed(dir);
    Path challenge = proposed.resolve("challenge.drl");
    RuleSetLoadingTest.edit(challenge, "@description(\"The proposal states no commissioning objectives.\")",
        "@description(\"The proposal states no commissioning objectives at all.\")");
    String text = Files.readString(challenge);
    int from = text.indexOf("rule \"Wards named: report to community committees\"");
    Files.writeString(challenge, text.substring(0, from) + text.substring(text.indexOf("end\n", from) + 4)
        + "\nrule \"Neither outcomes nor objectives\"\n"
        + "  @id(\"GW-CHL-022\")\n"
        + "  @source(\"Local policy\")\n"
        + "  @description(\"The proposal states neither outcomes nor objectives.\")\n"
        + "when\n"
        + "  $p : Proposal( outcomes.isEmpty(), objectives.isEmpty() )\n"
        + "then\n"
        + "  findings.challenge($p, \"CHALLENGE_NOTHING_STATED\", \"Nothing is stated.\");\n"
        + "end\n");
    Path data = proposed.resolve("reference-data.yaml");
    RuleSetLoadingTest.edit(data, "keyDecisionValue: 350000", "keyDecisionValue: 500000");
    RuleSetLoadingTest.edit(data, "  - {code: FACILITIES, owner: POLICY_AND_RESOURCES, scope: BY_IMPACTS}\n",
        "  - {code: FACILITIES, owner: POLICY_AND_RESOURCES, scope: BY_IMPACTS}\n"
            + "  - {code: LIBRARIES, owner: PLACES, scope: COUNCIL_WIDE}\n");
    RuleSet before = RuleSet.fromDirectory(live(dir));
    RuleSet after = RuleSet.fromDirectory(proposed);

    String markdown = Reports.catalogueChangesMarkdown(before, after);

    assertThat(markdown).isEqualTo("# Changes to the rule catalogue\n\n"
        + "The proposed rules (version " + after.version() + ", 55 rules) against the live rules (version "
        + before.version() + ", 55 rules).\n\n"
        + "## Rules added\n\n"
        + "| id | rule | finding codes | description | source |\n|---|---|---|---|---|\n"
        + "| GW-CHL-022 | Neither outcomes nor objectives | CHALLENGE_NOTHING_STATED | The proposal states neither "
        + "outcomes nor objectives. | Local policy |\n\n"
        + "## Rules removed\n\n"
        + "| id | rule | finding codes | description | source |\n|---|---|---|---|---|\n"
        + "| GW-CHL-012 | Wards named: report to community committees | CHALLENGE_MEMBER_REPORTING | A proposal naming "
        + "at least one ward reports its performance through the community committees. | Leeds City Council, Scrutiny "
        + "Board inquiry statement 'Commissioning', Recommendation 1, 26-27 |\n\n"
        + "## Rules changed\n\n"
        + "- GW-CHL-001 No commissioning objectives — description: \"The proposal states no commissioning objectives.\" "
        + "→ \"The proposal states no commissioning objectives at all.\"\n\n"
        + "## Reference data changed\n\n"
        + "- serviceAreas: LIBRARIES added (owner PLACES, scope COUNCIL_WIDE)\n"
        + "- settings.keyDecisionValue: 350,000 → 500,000\n");
    assertThat(Reports.catalogueChangesHtml(before, after)).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<title>Changes to the rule catalogue</title>")
        .contains("<h2>Rules removed</h2>\n<table>\n<tr><th>id</th>")
        .contains("<td>GW-CHL-022</td><td>Neither outcomes nor objectives</td><td>CHALLENGE_NOTHING_STATED</td>")
        .contains("<h2>Reference data changed</h2>\n<ul>\n"
            + "<li>serviceAreas: LIBRARIES added (owner PLACES, scope COUNCIL_WIDE)</li>\n"
            + "<li>settings.keyDecisionValue: 350,000 → 500,000</li>\n</ul>\n");
  }

  @Test
  void changesMarkdown_aRulesNameCodesAndConditions_andEveryKindOfReferenceData(@TempDir Path dir) throws IOException {
    Path proposed = proposed(dir);
    RuleSetLoadingTest.edit(proposed.resolve("challenge.drl"), "rule \"No outcomes\"\n", "rule \"No outcomes stated\"\n");
    RuleSetLoadingTest.edit(proposed.resolve("challenge.drl"), "  $p : Proposal( outcomes.isEmpty() )\n",
        "  $p : Proposal( outcomes.size() < 1 )\n");
    RuleSetLoadingTest.edit(proposed.resolve("challenge.drl"), "\"CHALLENGE_OUTCOMES\", \"No outcomes are stated.\"",
        "\"CHALLENGE_NO_OUTCOMES\", \"No outcomes are stated.\"");
    // Spacing alone is no change.
    RuleSetLoadingTest.edit(proposed.resolve("challenge.drl"), "  $p : Proposal( objectives.isEmpty() )\n",
        "  $p :   Proposal(\n      objectives.isEmpty() )\n");
    Path data = proposed.resolve("reference-data.yaml");
    RuleSetLoadingTest.edit(data, "  - POLICY_AND_RESOURCES\n", "  - POLICY_AND_RESOURCES\n  - COMMUNITIES\n");
    RuleSetLoadingTest.edit(data, "  - {code: WASTE, owner: PLACES, scope: BY_IMPACTS}\n", "");
    RuleSetLoadingTest.edit(data, "{code: ICT, owner: POLICY_AND_RESOURCES, scope: BY_IMPACTS}",
        "{code: ICT, owner: POLICY_AND_RESOURCES, scope: COUNCIL_WIDE}");
    RuleSetLoadingTest.edit(data, "  - {from: TRANSPORT, to: SCHOOL_SERVICES, source: \"local policy (home-to-school transport)\"}\n", "");
    RuleSetLoadingTest.edit(data, "{code: LGBT, characteristics: [SEXUAL_ORIENTATION, GENDER_REASSIGNMENT]}",
        "{code: LGBT, characteristics: [SEXUAL_ORIENTATION]}");
    RuleSetLoadingTest.edit(data, "  - PROBATION\n", "");
    RuleSetLoadingTest.edit(data, "safeguardingSensitive:\n", "safeguardingSensitive:\n  - ADULT_SOCIAL_CARE\n");
    RuleSetLoadingTest.edit(data, "  # councilName: North Lincolnshire Council", "  councilName: North Lincolnshire Council");
    RuleSetLoadingTest.edit(data, "overlapWindowMonths: 12", "overlapWindowMonths: 18");
    RuleSetLoadingTest.edit(data, "{partner: CCG, serviceAreas: [MENTAL_HEALTH, CARERS_SUPPORT]}",
        "{partner: CCG, serviceAreas: [MENTAL_HEALTH]}\n  - {partner: NHS, serviceAreas: [PUBLIC_HEALTH]}");
    RuleSetLoadingTest.edit(data, "CHALLENGE_SOCIAL_VALUE, EIA_OUTSTANDING]", "CHALLENGE_SOCIAL_VALUE]");
    RuleSetLoadingTest.edit(data, "{stage: OPTIONS, requires: []}", "{stage: OPTIONS, requires: [EIA_OUTSTANDING]}");
    RuleSet before = RuleSet.fromDirectory(live(dir));
    RuleSet after = RuleSet.fromDirectory(proposed);

    String markdown = Reports.catalogueChangesMarkdown(before, after);

    assertThat(markdown.substring(markdown.indexOf("## "))).isEqualTo("## Rules changed\n\n"
        + "- GW-CHL-002 No outcomes stated — name: \"No outcomes\" → \"No outcomes stated\"\n"
        + "- GW-CHL-002 No outcomes stated — finding codes: CHALLENGE_OUTCOMES → CHALLENGE_NO_OUTCOMES\n"
        + "- GW-CHL-002 No outcomes stated — what it looks for (its conditions, when) changed\n"
        + "- GW-CHL-002 No outcomes stated — what it does (its actions, then) changed\n\n"
        + "## Reference data changed\n\n"
        + "- directorates: COMMUNITIES added\n"
        + "- serviceAreas: WASTE removed (owner PLACES, scope BY_IMPACTS)\n"
        + "- serviceAreas.ICT: owner POLICY_AND_RESOURCES, scope BY_IMPACTS → owner POLICY_AND_RESOURCES, scope COUNCIL_WIDE\n"
        + "- interdependencies: TRANSPORT to SCHOOL_SERVICES removed (source \"local policy (home-to-school transport)\")\n"
        + "- clientGroups.LGBT: characteristics SEXUAL_ORIENTATION, GENDER_REASSIGNMENT → characteristics SEXUAL_ORIENTATION\n"
        + "- partnerCommissioners: PROBATION removed\n"
        + "- safeguardingSensitive: ADULT_SOCIAL_CARE added\n"
        + "- settings.overlapWindowMonths: 12 → 18\n"
        + "- settings.councilName: not set → North Lincolnshire Council\n"
        + "- jointWorkplans: NHS added (service areas PUBLIC_HEALTH)\n"
        + "- jointWorkplans.CCG: service areas MENTAL_HEALTH, CARERS_SUPPORT → service areas MENTAL_HEALTH\n"
        + "- gateStages.OPTIONS: requires none → EIA_OUTSTANDING\n"
        + "- gateStages.PROCUREMENT: requires CHALLENGE_DELIVERY_OPTIONS, CHALLENGE_IN_HOUSE_OPTION, "
        + "CHALLENGE_STAKEHOLDERS, CHALLENGE_RISKS, CHALLENGE_SOCIAL_VALUE, EIA_OUTSTANDING → CHALLENGE_DELIVERY_OPTIONS, "
        + "CHALLENGE_IN_HOUSE_OPTION, CHALLENGE_STAKEHOLDERS, CHALLENGE_RISKS, CHALLENGE_SOCIAL_VALUE\n");
  }

  @Test
  void changesMarkdown_theSameRules_sayNothingHasChangedInOneLine(@TempDir Path dir) {
    RuleSet live = RuleSet.fromDirectory(live(dir));

    String markdown = Reports.catalogueChangesMarkdown(live, RuleSet.bundled());

    assertThat(markdown).isEqualTo("# Changes to the rule catalogue\n\n"
        + "Nothing has changed: the proposed rules (version " + RuleSet.bundled().version() + ") have the same rules "
        + "and reference data as the live rules (version " + live.version() + ").\n");
  }
}
