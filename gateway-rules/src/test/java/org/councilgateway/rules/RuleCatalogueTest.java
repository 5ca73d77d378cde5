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
        .contains("| key-decision annual value (more than this) | 350000 |");
  }

  @Test
  void html_carriesTheSameRulesEscaped() {
    RuleSet rules = RuleSet.bundled();

    String html = Reports.catalogueHtml(rules);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<td>GW-CHL-012</td>")
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
