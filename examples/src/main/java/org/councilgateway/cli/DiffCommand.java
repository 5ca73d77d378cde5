package org.councilgateway.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.councilgateway.Diff;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.scenario.Scenario;
import org.councilgateway.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway diff PLAN --rules NEW}: what a change to the rules would change on a plan. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Assesses a plan (or every scenario in a directory) under the base rules and under NEW,",
        "as of the same date, and reports every proposal whose answer would differ.",
        "Exit 0 when nothing differs, 1 when something does, 2 when the plan or either rule set cannot be used."})
final class DiffCommand implements Callable<Integer> {
  enum Format { text, json, html }

  @Parameters(index = "0", paramLabel = "PLAN", description = "A plan file, or a directory of scenario files.")
  Path plan;

  @Option(names = "--rules", paramLabel = "NEW", required = true, description = "The changed rules directory.")
  Path rules;

  @Option(names = "--base", paramLabel = "DIR", description = "The rules to compare with (the bundled rules without it).")
  Path base;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The assessment date (yyyy-MM-dd) for both.")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or html.")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes the report to FILE instead of standard output.")
  Path output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // Both rule sets compile side by side, each on its own thread.
    CompletableFuture<Gateway> baseRules = CompletableFuture.supplyAsync(() -> GatewayCommand.gateway(base));
    CompletableFuture<Gateway> newRules = CompletableFuture.supplyAsync(() -> GatewayCommand.gateway(rules));
    List<Diff.Part> parts = new ArrayList<>();
    if (Files.isDirectory(plan)) {
      Gateway before = join(baseRules);
      Gateway after = join(newRules);
      // Read for the new rules: their local fields, and the settings a scenario's values may read.
      List<Scenario> scenarios = ScenarioReader.read(List.of(plan), after.ruleSet());
      for (Scenario scenario : scenarios) {
        LocalDate date = asOf != null ? asOf : scenario.asOf();
        parts.add(new Diff.Part(scenario.file() + " (" + scenario.name() + ")", before.assess(scenario.plan(), date),
            after.assess(scenario.plan(), date)));
      }
      if (parts.isEmpty()) {
        spec.commandLine().getErr().println(new org.councilgateway.Problem(plan.toString(), 0, 0,
            "holds no scenario files to compare."));
        return GatewayCommand.UNUSABLE;
      }
    } else {
      // The plan is read for the new rules, whose local fields it may carry.
      Plan read = PlanReader.create(GatewayCommand.options()).forRules(join(newRules).ruleSet()).read(plan);
      LocalDate date = asOf != null ? asOf : read.asOf() != null ? read.asOf() : LocalDate.now();
      parts.add(new Diff.Part(null, join(baseRules).assess(read, date), join(newRules).assess(read, date)));
    }
    Diff diff = Diff.of(parts);
    if (output == null) {
      write(diff, spec.commandLine().getOut());
    } else {
      try (java.io.Writer out = Files.newBufferedWriter(output, java.nio.charset.StandardCharsets.UTF_8)) {
        write(diff, out);
      } catch (java.io.IOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e);
      } catch (java.io.UncheckedIOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e.getCause());
      }
    }
    return diff.isEmpty() ? GatewayCommand.OK : GatewayCommand.FAILED;
  }

  private void write(Diff diff, java.io.Writer out) throws java.io.IOException {
    switch (format) {
      case json -> Reports.json(diff, out);
      case text -> Reports.text(diff, out);
      case html -> Reports.html(diff, out);
    }
    out.flush();
  }

  private static Gateway join(CompletableFuture<Gateway> loading) {
    try {
      return loading.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
