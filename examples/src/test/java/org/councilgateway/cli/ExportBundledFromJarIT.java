package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.RuleSet;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RuleSet.exportBundled as an embedding developer meets it: the bundled rules read from the
 * gateway-rules jar (after the package phase), where a class loader resolves no "..", and not from
 * the module's class folders as in gateway-rules' own tests.
 */
class ExportBundledFromJarIT {

  @Test
  void exportBundled_fromTheJar_writesRulesScenariosAndPlansThatRunAsTheyAre(@TempDir Path dir) {
    assertThat(RuleSet.class.getClassLoader().getResource("org/councilgateway/rules/rules.index").getProtocol())
        .as("the bundled rules come from the gateway-rules jar").isEqualTo("jar");

    Path rules = RuleSet.exportBundled(dir);

    assertThat(dir.resolve("plans/product-example.json")).isRegularFile();
    RuleSet copy = RuleSet.fromDirectory(rules);
    assertThat(copy.version()).isEqualTo(RuleSet.bundled().version());
    ScenarioRunner.Report report = ScenarioRunner.runAll(Gateway.of(copy),
        ScenarioReader.read(List.of(dir.resolve("scenarios")), copy));
    assertThat(report.failed()).isZero();
    assertThat(report.unfired()).isEmpty();
  }
}
