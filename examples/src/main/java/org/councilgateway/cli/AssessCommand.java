package org.councilgateway.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway assess PLAN}: assesses every proposal and the plan as a whole. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = {"Assesses every proposal in a forward plan, and the plan as a whole.",
        "The plan is JSON or YAML; '-' reads it from standard input.",
        "Exit 0 when all are assessed, 1 when some proposals are invalid (the rest are still assessed),",
        "2 when the plan or the rules cannot be used."})
final class AssessCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssessCommand.class);

  enum Format { text, json }

  /** The name standard input has in messages. */
  static final String STANDARD_INPUT = "standard input";

  @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file, or - for standard input.")
  Path plan;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The assessment date (yyyy-MM-dd); overrides the plan's asOf.")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format format;

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory to use instead of the bundled rules.")
  Path rules;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand
  GatewayCommand root;

  private static void flush(java.io.OutputStream bytes) {
    try {
      bytes.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Integer call() {
    // Load the rules while the plan is read: the two take similar time and share nothing.
    java.util.concurrent.CompletableFuture<Gateway> loading =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> GatewayCommand.gateway(rules));
    long started = System.nanoTime();
    boolean standardInput = plan.toString().equals("-");
    Plan read = standardInput ? PlanReader.create(GatewayCommand.options()).readStream(System.in, STANDARD_INPUT)
        : PlanReader.create(GatewayCommand.options()).read(plan);
    long wasRead = System.nanoTime();
    Gateway gateway;
    try {
      gateway = loading.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    long loaded = System.nanoTime();
    PlanAssessment result = gateway.assess(read, asOf);
    long assessed = System.nanoTime();
    java.io.PrintWriter out = spec.commandLine().getOut();
    java.io.OutputStream bytes = root.bytesOut;
    if (bytes != null) {
      out.flush();
      if (format == Format.json) {
        Reports.json(result, bytes);
      } else {
        Reports.text(result, bytes);
      }
      flush(bytes);
    } else if (format == Format.json) {
      Reports.json(result, out);
    } else {
      Reports.text(result, out);
    }
    out.flush();
    LOG.debug("Read the plan in {} ms, waited {} ms for the rules, assessed in {} ms, wrote the report in {} ms",
        (wasRead - started) / 1_000_000, (loaded - wasRead) / 1_000_000, (assessed - loaded) / 1_000_000,
        (System.nanoTime() - assessed) / 1_000_000);
    if (!result.errors().isEmpty()) {
      // As a problem, so that the plan's name is shown with its control characters escaped.
      spec.commandLine().getErr().println(new Problem(standardInput ? STANDARD_INPUT : plan.toString(), 0, 0,
          result.errors().stream().map(e -> e.index()).distinct().count()
          + " proposal(s) could not be assessed; each is listed under errors."));
      return GatewayCommand.FAILED;
    }
    return GatewayCommand.OK;
  }
}
