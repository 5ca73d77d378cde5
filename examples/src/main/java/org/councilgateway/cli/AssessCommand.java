package org.councilgateway.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.councilgateway.Changes;
import org.councilgateway.Gateway;
import org.councilgateway.MeetingPack;
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
        "The plan is JSON, YAML, CSV or XLSX (by its extension; 'gateway template' writes an empty spreadsheet);",
        "'-' reads JSON or YAML from standard input. --format html writes the meeting pack,",
        "--format csv every finding as a row; --since PREVIOUS.json shows what changed since an earlier run.",
        "Exit 0 when all are assessed, 1 when some proposals are invalid (the rest are still assessed),",
        "2 when the plan or the rules cannot be used."})
final class AssessCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssessCommand.class);

  enum Format { text, json, html, csv }

  /** The name standard input has in messages. */
  static final String STANDARD_INPUT = "standard input";

  @Parameters(index = "0", paramLabel = "PLAN",
      description = "The plan file (.json, .yaml, .yml, .csv or .xlsx), or - for standard input.")
  Path plan;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The assessment date (yyyy-MM-dd); overrides the plan's asOf.")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), json, html (the meeting pack) or csv (every finding as a row).")
  Format format;

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory to use instead of the bundled rules.")
  Path rules;

  @Option(names = "--since", paramLabel = "PREVIOUS.json",
      description = "An earlier assessment (the JSON output of assess) to show what changed since (text, json, html).")
  Path since;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes the report to FILE instead of standard output.")
  Path output;

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

  private static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256.", e);
    }
  }

  /** The report in the format asked for, written to bytes (UTF-8) or to a writer. */
  private final class Report {
    private final PlanAssessment result;
    private final Changes changes;
    private final java.util.function.Supplier<MeetingPack> pack;

    Report(PlanAssessment result, Changes changes, java.util.function.Supplier<MeetingPack> pack) {
      this.result = result;
      this.changes = changes;
      this.pack = pack;
    }

    void write(java.io.OutputStream out) {
      switch (format) {
        case json -> {
          if (changes == null) {
            Reports.json(result, out);
          } else {
            Reports.json(result, changes, out);
          }
        }
        case text -> {
          if (changes == null) {
            Reports.text(result, out);
          } else {
            Reports.text(result, changes, out);
          }
        }
        case html -> pack.get().write(result, out);
        case csv -> {
          java.io.Writer writer = new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
          Reports.csv(result, writer);
          try {
            writer.flush();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    }

    /** Through a writer (only where the command has no bytes behind its output, as in tests): the same text. */
    void write(java.io.Writer out) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      write(bytes);
      try {
        out.write(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static Gateway join(java.util.concurrent.CompletableFuture<Gateway> loading) {
    try {
      return loading.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @Override
  public Integer call() {
    if (since != null && format == Format.csv) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--since shows what changed in the text, json and html reports; csv lists the findings only.");
    }
    // Load the bundled rules while the plan is read: the two take similar time and share nothing. A
    // rules directory of the council's own may declare local fields, which the reader must know.
    java.util.concurrent.CompletableFuture<Gateway> loading =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> GatewayCommand.gateway(rules));
    long started = System.nanoTime();
    boolean standardInput = plan.toString().equals("-");
    java.security.MessageDigest digest = sha256();
    PlanReader reader = PlanReader.create(GatewayCommand.options());
    if (rules != null) {
      reader = reader.forRules(join(loading).ruleSet());
    }
    Plan read = standardInput
        ? reader.readStream(new java.security.DigestInputStream(System.in, digest), STANDARD_INPUT)
        : reader.read(plan);
    long wasRead = System.nanoTime();
    Gateway gateway = join(loading);
    long loaded = System.nanoTime();
    PlanAssessment result = gateway.assess(read, asOf);
    Changes changes = since == null ? null : Changes.since(since, result, GatewayCommand.options());
    long assessed = System.nanoTime();
    Report report = new Report(result, changes, () -> {
      MeetingPack.Builder pack = MeetingPack.builder().ruleSet(gateway.ruleSet()).changes(changes);
      return (standardInput ? pack.plan(STANDARD_INPUT, java.util.HexFormat.of().formatHex(digest.digest()))
          : pack.plan(plan)).build();
    });
    if (output != null) {
      try (java.io.OutputStream file = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(output), 1 << 16)) {
        report.write(file);
      } catch (java.io.IOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e);
      } catch (java.io.UncheckedIOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), output, e.getCause());
      }
    } else if (root.bytesOut != null) {
      spec.commandLine().getOut().flush();
      report.write(root.bytesOut);
      flush(root.bytesOut);
    } else {
      report.write(spec.commandLine().getOut());
    }
    spec.commandLine().getOut().flush();
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
