package org.councilgateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilgateway.GatewayOptions;
import org.councilgateway.OcdsImport;
import org.councilgateway.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gateway import ocds FILE... [--mapping FILE] [--buyer NAME] [--format json|yaml] [-o FILE]}:
 * turns published procurement notices into a draft plan. It only wires {@link OcdsImport} to the
 * files and the terminal.
 */
@Command(name = "ocds", mixinStandardHelpOptions = true,
    description = {"Turns published procurement notices (OCDS release packages, record packages or releases, "
        + "as Contracts Finder and Find a Tender publish them) into a draft plan to review, complete and assess.",
        "Each release skipped is named on stderr with its reason. "
        + "Exit 0 every release imported, 1 some skipped, 2 no usable file."})
final class OcdsCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "OCDS files (JSON).")
  List<Path> files;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "A mapping file (YAML) to use instead of the bundled ocds-mapping.yaml.")
  Path mapping;

  @Option(names = "--buyer", paramLabel = "NAME",
      description = "Keep only releases whose buyer.name is NAME (case and surrounding spaces ignored).")
  String buyer;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (the default) or yaml.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Writes the draft to FILE instead of standard output.")
  Path output;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("json") && !format.equals("yaml")) {
      err.println(new Problem(null, 0, 0, "--format must be json or yaml, not " + format + "."));
      return GatewayCommand.UNUSABLE;
    }
    GatewayOptions options = GatewayOptions.builder().limits(GatewayCommand.limits()).build();
    OcdsImport.Result result = OcdsImport.builder().mapping(mapping).buyer(buyer).options(options).build().run(files);
    result.unusable().forEach(err::println);
    result.skipped().forEach(skip -> err.println(skip.describe()));
    if (result.usableFiles() == 0) {
      err.println(new Problem(null, 0, 0, "No usable OCDS file: nothing was imported."));
      return GatewayCommand.UNUSABLE;
    }
    String draft = format.equals("yaml") ? result.yaml() : result.json();
    if (output != null) {
      try {
        Files.writeString(output, draft, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return GatewayCommand.unwritable(err, output, e);
      }
    } else {
      spec.commandLine().getOut().print(draft);
      spec.commandLine().getOut().flush();
    }
    err.println(new Problem(null, 0, 0, result.draft().proposals().size() + " proposal(s) drafted from "
        + result.releases() + " release(s) in " + result.usableFiles() + " file(s); " + result.skipped().size()
        + " release(s) skipped, " + result.superseded() + " replaced by a later release of the same ocid"
        + (buyer == null ? "" : ", " + result.otherBuyers() + " of other buyers left out")
        + (result.unusable().isEmpty() ? "" : "; " + result.unusable().size() + " file(s) unusable") + "."));
    return result.exitCode();
  }
}
