package org.councilgateway.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilgateway.Gateway;
import org.councilgateway.scenario.Scenario;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioReport;
import org.councilgateway.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway test SCENARIOS...}: runs scenario files against a rule set. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Runs scenario files against a rule set.",
        "Takes files or directories of them; prints each result, then the rules no scenario made fire,",
        "and closes with 'N passed, N failed'. Exit 0 only when all pass."})
final class TestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SCENARIOS", description = "Scenario files or directories.")
  List<Path> scenarios;

  @Option(names = "--rules", paramLabel = "DIR", description = "A rules directory to test instead of the bundled rules.")
  Path rules;

  @Option(names = "--coverage-min", paramLabel = "PERCENT",
      description = "Fail when fewer than this percentage of the rules fired in some scenario.")
  Double coverageMin;

  @Option(names = "--junit-xml", paramLabel = "FILE",
      description = "Also writes the results as JUnit XML to FILE, for a CI server to read.")
  Path junitXml;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  @Override
  public Integer call() {
    Gateway gateway = GatewayCommand.gateway(rules);
    List<Scenario> loaded = ScenarioReader.read(scenarios, gateway.ruleSet());
    ScenarioRunner.Report report = ScenarioRunner.runAll(gateway, loaded);
    spec.commandLine().getOut().print(ScenarioReport.text(report));
    spec.commandLine().getOut().flush();
    if (junitXml != null) {
      try (java.io.Writer xml = java.nio.file.Files.newBufferedWriter(junitXml, java.nio.charset.StandardCharsets.UTF_8)) {
        ScenarioReport.junitXml(report, java.time.LocalDateTime.now(), hostname(), xml);
      } catch (java.io.IOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), junitXml, e);
      } catch (java.io.UncheckedIOException e) {
        return GatewayCommand.unwritable(spec.commandLine().getErr(), junitXml, e.getCause());
      }
    }
    boolean covered = coverageMin == null || report.coverage() + 1e-9 >= coverageMin;
    if (!covered) {
      spec.commandLine().getErr().printf("Rule coverage %.1f%% is below the required %.1f%%; no scenario made these fire: %s.%n",
          report.coverage(), coverageMin, org.councilgateway.Reports.escape(String.join(", ",
              report.unfired().stream().map(org.councilgateway.RuleInfo::id).toList())));
    }
    return report.failed() == 0 && covered ? GatewayCommand.OK : GatewayCommand.FAILED;
  }
}
