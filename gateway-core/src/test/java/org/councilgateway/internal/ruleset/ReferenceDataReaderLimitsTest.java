package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.councilgateway.Problem;
import org.junit.jupiter.api.Test;

/** The reference data is read within the same kind of bounds as a plan, each fault located. */
class ReferenceDataReaderLimitsTest {

  private static List<Problem> problems(String content) {
    return ReferenceDataReader.read("reference-data.yaml", content).problems();
  }

  @Test
  void read_oneCharacterOverTheFileLimit_isRefusedUnparsed() {
    String content = "#" + "x".repeat(1_000_000) + "\n";

    assertThat(problems(content)).containsExactly(new Problem("reference-data.yaml", 0, 0,
        "is larger than 1,000,000 bytes, the most a reference data file may be."));
  }

  @Test
  void read_atTheFileLimit_isParsed() {
    String content = "#" + "x".repeat(999_998) + "\n";

    assertThat(content).hasSize(1_000_000);
    assertThat(problems(content)).extracting(Problem::message)
        .noneMatch(message -> message.contains("larger than") || message.contains("not valid YAML"))
        .contains("The reference data must be a mapping with the keys clientGroups, directorates, gateStages,"
            + " inHouseCapability, interdependencies, jointWorkplans, localFields, localSettings, partnerCommissioners,"
            + " protectedCharacteristics,"
            + " safeguardingSensitive, serviceAreas, settings.");
  }

  @Test
  void read_nestingTooDeep_isAProblemNotAStackOverflow() {
    assertThat(problems("settings: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n"))
        .singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("is not valid YAML"));
  }

  @Test
  void read_duplicateKey_isRefusedAtTheSecondKey() {
    assertThat(problems("settings:\n  keyDecisionValue: 350000\n  keyDecisionValue: 1\n")).containsExactly(
        new Problem("reference-data.yaml", 3, 3, "The key \"keyDecisionValue\" is given twice in one mapping (first on"
            + " line 2): give each key once, as the later would silently replace the earlier."));
  }
}
