package org.councilgateway.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway docs}: prints the rule catalogue, or what a rule set changes against the live one. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = {"Prints the rule catalogue and the reference data.",
        "Each rule's id, name, the finding codes it records, description and source, grouped by concern, "
            + "then the reference data and an appendix of helper rules, as Markdown or HTML.",
        "With --against, prints instead what the rules (the bundled ones, or --rules) add, remove and change "
            + "against the live rules in DIR."})
final class DocsCommand implements Callable<Integer> {
  enum Format { markdown, html }

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory to document instead of the bundled rules.")
  Path rules;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown", description = "markdown (default) or html.")
  Format format;

  @Option(names = "--against", paramLabel = "DIR",
      description = "The live rules directory: prints the rules and reference data added, removed and changed against it.")
  Path against;

  @Option(names = "--fields", description = "Prints what a rule can read (the proposal's fields, helpers and facts, and with --rules its local fields and settings) instead.")
  boolean fields;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (fields) {
      if (against != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--fields and --against cannot be used together: --fields prints what a rule can read, not a rule set.");
      }
      // With a rules directory, its local fields and settings too.
      spec.commandLine().getOut().print(rules == null ? Reports.fieldsMarkdown()
          : Reports.fieldsMarkdown(GatewayCommand.ruleSet(rules)));
      return GatewayCommand.OK;
    }
    RuleSet ruleSet = GatewayCommand.ruleSet(rules);
    if (against != null) {
      RuleSet live = GatewayCommand.ruleSet(against);
      spec.commandLine().getOut().print(format == Format.html ? Reports.catalogueChangesHtml(live, ruleSet)
          : Reports.catalogueChangesMarkdown(live, ruleSet));
      return GatewayCommand.OK;
    }
    spec.commandLine().getOut().print(format == Format.html ? Reports.catalogueHtml(ruleSet) : Reports.catalogueMarkdown(ruleSet));
    return GatewayCommand.OK;
  }
}
