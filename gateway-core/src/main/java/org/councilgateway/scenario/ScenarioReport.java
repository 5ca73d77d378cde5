package org.councilgateway.scenario;

import org.councilgateway.RuleInfo;
import org.councilgateway.internal.Text;

/**
 * Writes scenario results for a person: a line per scenario, and expected versus actual for a
 * failure. Control characters from the files are shown as escapes, so no value forges a line.
 */
public final class ScenarioReport {
  private ScenarioReport() {}

  /**
   * Describes a failed scenario: what was expected and what came out, and which rules fired.
   *
   * @param result the result
   * @return the description, several lines
   */
  public static String failure(ScenarioResult result) {
    StringBuilder out = new StringBuilder();
    out.append("Scenario \"").append(Text.escape(result.scenario().name())).append("\" (")
        .append(Text.escape(result.scenario().file())).append(") failed:\n");
    result.failures().forEach(f -> out.append("  - ").append(Text.escape(f)).append('\n'));
    out.append("  What came out:\n");
    result.actual().forEach(a -> out.append("    ").append(Text.escape(a)).append('\n'));
    return out.toString();
  }

  /**
   * Writes a whole run: each scenario's result, the rules no scenario fired, and the closing line
   * {@code N passed, N failed}.
   *
   * @param report the run
   * @return the text
   */
  public static String text(ScenarioRunner.Report report) {
    StringBuilder out = new StringBuilder();
    for (ScenarioResult result : report.results()) {
      if (result.passed()) {
        out.append("PASS ").append(Text.escape(result.scenario().name())).append('\n');
      } else {
        out.append("FAIL ").append(failure(result));
      }
    }
    out.append('\n');
    if (report.unfired().isEmpty()) {
      out.append("Rule coverage: 100% (every one of the ").append(report.ruleCount()).append(" rules fired in some scenario)\n");
    } else {
      out.append(String.format("Rule coverage: %.1f%%; %d rule(s) no scenario made fire:%n", report.coverage(), report.unfired().size()));
      for (RuleInfo rule : report.unfired()) {
        out.append("  ").append(Text.escape(rule.id())).append(" \"").append(Text.escape(rule.name())).append("\" (")
            .append(Text.escape(rule.file())).append(':')
            .append(rule.line()).append(")\n");
      }
    }
    out.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
    return out.toString();
  }
}
