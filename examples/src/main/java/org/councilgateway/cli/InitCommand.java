package org.councilgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway init DIR}: a copy of the bundled rules, ready to edit, validate, test and diff. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Copies the bundled rules (with the reference data and the OCDS mapping), their scenarios",
        "the plans they name and the sample forward plan into DIR, with a README of the next steps.",
        "DIR must be new or empty."})
final class InitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create.")
  Path directory;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(directory) && (!Files.isDirectory(directory) || hasFiles(directory))) {
      spec.commandLine().getErr().println(new Problem(directory.toString(), 0, 0,
          "already exists and is not an empty folder; choose a new one, so that nothing there is overwritten."));
      return GatewayCommand.UNUSABLE;
    }
    RuleSet.exportBundled(directory);
    // The sample forward plan too, to try an edit on with diff.
    try (java.io.InputStream sample = InitCommand.class.getResourceAsStream("/plans/" + SAMPLE_PLAN)) {
      Files.copy(java.util.Objects.requireNonNull(sample, SAMPLE_PLAN), directory.resolve("plans").resolve(SAMPLE_PLAN));
    }
    Files.writeString(directory.resolve("README.md"), README);
    spec.commandLine().getOut().println("Wrote the bundled rules to " + org.councilgateway.Reports.escape(
        directory.resolve("rules").toString()) + ", their scenarios and plans beside them, and README.md.");
    return GatewayCommand.OK;
  }

  private static boolean hasFiles(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isPresent();
    }
  }

  /** The sample forward plan, copied into plans/ beside the scenarios' plans. */
  static final String SAMPLE_PLAN = "sample-forward-plan.json";

  private static final String README = readme();

  private static String readme() {
    return """
        # Your copy of the gateway rules

        - `rules/`: the rule files (`*.drl`), the reference data (`reference-data.yaml`: every local number
          and code list) and the OCDS mapping (`ocds-mapping.yaml`). Edit these.
        - `scenarios/`: the scenarios that prove the rules; add your own beside them.
        - `plans/`: the plans the scenarios name (by paths relative to each scenario, which still work
          here), and the sample forward plan (`sample-forward-plan.json`) to try an edit on.

        From this folder:

        ```sh
        gateway validate rules
        gateway test --rules rules scenarios
        gateway diff plans/sample-forward-plan.json --rules rules   # what your edit would change on a plan
        gateway diff scenarios --rules rules                       # and on the scenarios
        gateway docs --fields --rules rules                        # what a rule can read
        ```
        """;
  }
}
