package org.councilgateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway docs}: prints the rule catalogue. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = {"Prints the rule catalogue and the reference data.",
        "Each rule's id, name, description and source, grouped by concern, as Markdown or HTML."})
final class DocsCommand implements Callable<Integer> {
  enum Format { markdown, html }

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory to document instead of the bundled rules.")
  Path rules;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown (default) or html.")
  Format format;

  @Option(names = "--fields", description = "Prints what a rule can read (the proposal's fields, helpers and facts, and with --rules its local fields and settings) instead.")
  boolean fields;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (fields) {
      // With a rules directory, its local fields and settings too.
      spec.commandLine().getOut().print(rules == null ? Reports.fieldsMarkdown()
          : Reports.fieldsMarkdown(GatewayCommand.ruleSet(rules)));
      return GatewayCommand.OK;
    }
    RuleSet ruleSet = GatewayCommand.ruleSet(rules);
    spec.commandLine().getOut().print(format == Format.html ? Reports.catalogueHtml(ruleSet) : Reports.catalogueMarkdown(ruleSet));
    return GatewayCommand.OK;
  }
}
