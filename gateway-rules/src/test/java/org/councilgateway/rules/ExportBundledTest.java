package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.Gateway;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.councilgateway.scenario.ScenarioReader;
import org.councilgateway.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RuleSet.exportBundled: the bundled rules and scenarios, out of the jar, ready to edit and prove. */
class ExportBundledTest {
  private static final Path SCENARIOS = Path.of("src/main/scenarios");
  private static final Path PLANS = Path.of("src/main/plans");

  @Test
  void exportBundled_rulesCompileToTheBundledVersion_andTheScenariosPassAgainstThem(@TempDir Path dir) {
    Path rules = RuleSet.exportBundled(dir.resolve("council"));

    assertThat(rules).isEqualTo(dir.resolve("council/rules"));
    RuleSet copy = RuleSet.fromDirectory(rules);
    assertThat(copy.version()).isEqualTo(RuleSet.bundled().version());
    ScenarioRunner.Report report = ScenarioRunner.runAll(Gateway.of(copy),
        ScenarioReader.read(List.of(dir.resolve("council/scenarios")), copy));
    assertThat(report.results()).hasSizeGreaterThan(20);
    assertThat(report.failed()).isZero();
    assertThat(report.unfired()).isEmpty();
  }

  @Test
  void exportBundled_intoExistingFolders_isRefusedAndOverwritesNothing(@TempDir Path dir) throws IOException {
    Path rules = RuleSet.exportBundled(dir);
    Path edited = rules.resolve("scope.drl");
    Files.writeString(edited, "// edited by the council\n");

    assertThatThrownBy(() -> RuleSet.exportBundled(dir))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(rules + ": exists already; the bundled rules are written only into new folders");
    assertThat(edited).hasContent("// edited by the council");
  }

  @Test
  void scenarioIndex_listsEveryBundledScenarioAndPlan() throws IOException {
    List<String> listed = Files.readAllLines(SCENARIOS.resolve("scenarios.index")).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
    try (Stream<Path> scenarios = Files.walk(SCENARIOS); Stream<Path> plans = Files.walk(PLANS)) {
      assertThat(listed).containsExactlyElementsOf(Stream.concat(scenarios, plans).filter(Files::isRegularFile)
          .map(file -> SCENARIOS.relativize(file).toString().replace('\\', '/'))
          .filter(path -> !path.equals("scenarios.index")).sorted().toList());
    }
  }

  @Test
  void exportBundled_danglingLinkWhereAFolderWouldGo_isRefusedAndNothingIsWrittenThroughIt(@TempDir Path dir)
      throws IOException {
    Path elsewhere = dir.resolve("elsewhere");
    Path target = dir.resolve("council");
    Files.createDirectories(target);
    Files.createSymbolicLink(target.resolve("scenarios"), elsewhere);

    assertThatThrownBy(() -> RuleSet.exportBundled(target)).isInstanceOf(RuleSetException.class)
        .hasMessageContaining(target.resolve("scenarios") + ": exists already");
    assertThat(elsewhere).doesNotExist();
    assertThat(target.resolve("rules")).doesNotExist();
  }

  @Test
  void exportBundled_planFolderExists_isRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("plans"));

    assertThatThrownBy(() -> RuleSet.exportBundled(dir)).isInstanceOf(RuleSetException.class)
        .hasMessageContaining(dir.resolve("plans") + ": exists already");
    assertThat(dir.resolve("rules")).doesNotExist();
    assertThat(dir.resolve("scenarios")).doesNotExist();
  }
}
