package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.Reports;
import org.councilgateway.RuleInfo;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published catalogue lists every rule, by concern, and the reference data. */
class RuleCatalogueTest {

  @Test
  void markdown_listsEveryRuleWithItsSourceAndTheReferenceData() {
    RuleSet rules = RuleSet.bundled();

    String markdown = Reports.catalogueMarkdown(rules);

    for (RuleInfo rule : rules.rules()) {
      assertThat(markdown).contains("| " + rule.id() + " | " + rule.name() + " | ");
    }
    assertThat(markdown).startsWith("# Programme gateway rule catalogue\n")
        .containsSubsequence("## Scope", "## Cross-cutting impacts", "## Equality impact assessment",
            "## Gateway challenge", "## Across the forward plan", "## Reference data")
        .contains("| LEISURE | PLACES | COUNCIL_WIDE |")
        .containsPattern("\\| GW-CHL-\\d+ \\| [^|]+ \\| CHALLENGE_RISKS \\| ")
        .contains("| key-decision annual value (more than this) | 350,000 |");
  }

  @Test
  void markdown_eachRuleRowCarriesTheCodesItRecords_andNothingWhenItRecordsNone() {
    String markdown = Reports.catalogueMarkdown(RuleSet.bundled());

    assertThat(markdown).contains("## Scope: single-directorate or council-wide\n\n"
            + "| id | rule | finding codes | description | source |\n|---|---|---|---|---|\n"
            + "| GW-SCOPE-001 | Service area is council-wide by nature | SCOPE_COUNCIL_WIDE_SERVICE | A proposal in a "
            + "service area that the reference data marks council-wide by nature is council-wide activity. | North "
            + "Lincolnshire Council, Commissioning Programme Gateway outline design, appendix 4.2 |\n")
        .contains("| GW-SCOPE-005 | Key decision by annual value | KEY_DECISION | ")
        // Works its code out at run time, so none is written out; it still decides, so it is no helper.
        .contains("| GW-GATE-001 | A stage's requirement is still open |  | A proposal at a gate stage ")
        .contains("| GW-EIA-007 | Protected characteristics engaged |  | ");
  }

  @Test
  void markdown_helperRules_areInTheAppendixAtTheEndAndNotInTheConcernTables() {
    RuleSet rules = RuleSet.bundled();

    String markdown = Reports.catalogueMarkdown(rules);

    assertThat(markdown).contains(", " + rules.rules().size() + " rules (4 of them helper rules, listed in the appendix).\n");
    String appendix = markdown.substring(markdown.indexOf("## Appendix: helper rules"));
    assertThat(appendix).isEqualTo("## Appendix: helper rules\n\n"
        + "These rules prepare facts for other rules and decide nothing on their own: they record no finding.\n\n"
        + "| id | rule | description | source |\n|---|---|---|---|\n"
        + "| GW-PF-H01 | Index start dates by service area | Helper: places each proposal with a start date under its "
        + "service area, by period of the overlap window. | North Lincolnshire Council, 'One-Council' Commissioning "
        + "cabinet report, 2.9 |\n"
        + "| GW-PF-H02 | Index start dates by client group and outcome | Helper: places each proposal with a start date "
        + "under each of its client groups paired with each of its outcomes. | North Lincolnshire Council, Commissioning "
        + "Programme Gateway outline design, appendix 4.1 |\n"
        + "| GW-PF-H03 | Index providers | Helper: notes each provider a proposal names, whether it is rated as "
        + "underperforming there, and whether the proposal cuts it as a voluntary-sector provider. | Wandsworth Borough "
        + "Council, Paper 15-190, 8; Leeds City Council, Scrutiny Board inquiry statement 'Commissioning', 34 and 42 |\n"
        + "| GW-PF-H04 | Index reductions by percentage | Helper: notes each reduction that states its percentage. | "
        + "Leeds City Council, Scrutiny Board inquiry statement 'Commissioning', 36 |\n");
    String main = markdown.substring(0, markdown.indexOf("## Appendix: helper rules"));
    assertThat(main).doesNotContain("GW-PF-H0").contains("| GW-PF-001 | Overlap within one period | OVERLAP_JOIN_UP | ");
  }

  @Test
  void markdown_aHelperThatStartsToRecordAFinding_leavesTheAppendix(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    RuleSetLoadingTest.edit(rules.resolve("portfolio.drl"), "  insert(Reduction.of($percent, $id));\n",
        "  insert(Reduction.of($percent, $id));\n  findings.challenge($p, \"CHALLENGE_REDUCTION\", \"It cuts the service.\");\n");

    String markdown = Reports.catalogueMarkdown(RuleSet.fromDirectory(rules));

    String main = markdown.substring(0, markdown.indexOf("## Appendix: helper rules"));
    // GW-SCOPE-002 inserts an AffectedDirectorate and records a scope reason: it decides, so it is no helper.
    assertThat(main).contains("| GW-SCOPE-002 | Another directorate is declared affected | SCOPE_OTHER_DIRECTORATE_AFFECTED | ")
        .contains("| GW-PF-H04 | Index reductions by percentage | CHALLENGE_REDUCTION | ");
    assertThat(markdown.substring(markdown.indexOf("## Appendix: helper rules"))).contains("| GW-PF-H03 | ")
        .doesNotContain("GW-PF-H04");
    assertThat(markdown).contains(" rules (3 of them helper rules, listed in the appendix).\n");
  }

  @Test
  void markdown_settingsAndReferenceNumbers_haveThousandsSeparatorsWhateverTheDefaultLocale(@TempDir Path dir)
      throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    RuleSetLoadingTest.edit(rules.resolve("reference-data.yaml"), "keyDecisionValue: 350000", "keyDecisionValue: 1250000");
    RuleSetLoadingTest.edit(rules.resolve("reference-data.yaml"), "overlapWindowMonths: 12", "overlapWindowMonths: 1200");
    RuleSet edited = RuleSet.fromDirectory(rules);
    java.util.Locale before = java.util.Locale.getDefault();
    String markdown;
    try {
      // In German the separator would be a full stop, in French a space.
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      markdown = Reports.catalogueMarkdown(edited);
    } finally {
      java.util.Locale.setDefault(before);
    }

    assertThat(markdown).contains("### Settings (local policy)\n\n| setting | value |\n|---|---|\n"
        + "| key-decision annual value (more than this) | 1,250,000 |\n"
        + "| key-decision wards (at least) | 2 |\n"
        + "| EIA validity, months | 12 |\n"
        + "| overlap window, months | 1,200 |\n"
        + "| blanket reduction, proposals | 3 |\n"
        + "| cumulative provider impact, proposals | 2 |\n"
        + "| service review validity, months | 12 |\n"
        + "| council name (for reports; decides nothing) | not set |\n");
  }

  @Test
  void html_carriesTheSameRulesEscaped() {
    RuleSet rules = RuleSet.bundled();

    String html = Reports.catalogueHtml(rules);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<td>GW-CHL-012</td>")
        .contains("<h2>Appendix: helper rules</h2>\n<p>These rules prepare facts for other rules and decide nothing on "
            + "their own: they record no finding.</p>\n<table>\n<tr><th>id</th><th>rule</th><th>description</th>")
        .contains("<td>key-decision annual value (more than this)</td><td>350,000</td>")
        .contains("North Lincolnshire Council, 'One-Council' Commissioning cabinet report, 2.9")
        .doesNotContain("<td>|");
    assertThat(html.split("<table>", -1).length).isEqualTo(html.split("</table>", -1).length);
  }

  @Test
  void markdown_referenceDataWithATerminalEscape_printsItEscaped(@TempDir Path dir) throws IOException {
    Path rules = RuleSetLoadingTest.copy(dir);
    RuleSetLoadingTest.edit(rules.resolve("reference-data.yaml"), "  - PEOPLE\n", "  - PEOPLE\n  - \"X\\e[2J\"\n");

    String markdown = Reports.catalogueMarkdown(RuleSet.fromDirectory(rules));

    assertThat(markdown).contains("PEOPLE, X\\u001b[2J").doesNotContain("\u001b");
  }
}
