package org.councilgateway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilgateway.GatewayException;
import org.councilgateway.OcdsImport;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway validate [DIR]}: compiles and checks a rule set. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Compiles and checks a rule set: the bundled one, or the one in DIR.",
        "Prints each problem as file:line:column: message. Exit 0 when sound, 1 with problems."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The rules directory.")
  Path directory;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String where = directory == null ? "The bundled rules" : directory.toString();
    List<Problem> problems;
    RuleSet rules = null;
    try {
      rules = GatewayCommand.ruleSet(directory);
      problems = List.of();
    } catch (GatewayException e) {
      problems = e.problems();
    }
    if (problems.isEmpty()) {
      // The OCDS importer's mapping beside the rules: its codes must be in the reference data.
      Path mapping = directory == null ? null : OcdsImport.mappingIn(directory);
      problems = directory == null ? OcdsImport.checkBundledMapping(rules.referenceData())
          : mapping == null ? List.of() : OcdsImport.checkMapping(mapping, rules.referenceData());
    }
    if (problems.isEmpty()) {
      // As problems are, so that a directory's name is shown with its control characters escaped.
      out.println(new Problem(where, 0, 0, "sound, " + rules.rules().size() + " rules, version " + rules.version() + "."));
      return GatewayCommand.OK;
    }
    problems.forEach(out::println);
    out.println(new Problem(where, 0, 0, problems.size() + " problem(s)."));
    return GatewayCommand.FAILED;
  }
}
