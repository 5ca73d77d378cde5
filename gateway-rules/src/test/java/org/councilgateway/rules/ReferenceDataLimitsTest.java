package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.councilgateway.rules.RuleSetLoadingTest.copy;
import static org.councilgateway.rules.RuleSetLoadingTest.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.councilgateway.GatewayOptions;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reference data file that repeats a key, or holds a number beyond the limits, is refused with
 * the file, line and column: a second {@code keyDecisionValue: 1} would otherwise make every
 * proposal a key decision.
 */
class ReferenceDataLimitsTest {
  private static final String SETTING = "  keyDecisionValue: 350000";

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.indexOf(lines.stream().filter(line -> line.startsWith(text)).findFirst().orElseThrow()) + 1;
  }

  @Test
  void validate_keyDecisionValueGivenTwice_isRefusedAtTheSecond(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    int first = lineOf(data, SETTING);
    edit(data, SETTING, SETTING + "\n  keyDecisionValue: 1");

    assertThat(RuleSet.validate(rules)).containsExactly(new Problem(data.toString(), first + 1, 3,
        "The key \"keyDecisionValue\" is given twice in one mapping (first on line " + first + "): give each key once,"
            + " as the later would silently replace the earlier."));
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "-.inf"})
  void validate_settingNotFinite_isALocatedProblem(String number, @TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    edit(data, SETTING, "  keyDecisionValue: " + number);

    assertThat(RuleSet.validate(rules)).containsExactly(new Problem(data.toString(), lineOf(data, "  keyDecisionValue"), 21,
        "settings.keyDecisionValue is " + number + ", which is not a finite number."));
  }

  @Test
  void validate_settingWithAHugeExponent_isALocatedProblemAndQuick(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    edit(data, SETTING, "  keyDecisionValue: 1e-999999999");
    long started = System.nanoTime();

    List<Problem> problems = RuleSet.validate(rules);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(problems).containsExactly(new Problem(data.toString(), lineOf(data, "  keyDecisionValue"), 21,
        "settings.keyDecisionValue is 1e-999999999, a number whose power of ten is beyond 100 either way, the most a"
            + " number may have (the numberScale limit)."));
  }

  @Test
  void validate_settingOneDigitOverTheLimit_isALocatedProblem(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    edit(data, SETTING, "  keyDecisionValue: 1" + "0".repeat(100));

    assertThat(RuleSet.validate(rules)).extracting(Problem::message).containsExactly(
        "settings.keyDecisionValue is a number of 101 digits, more than the 100 a number may have (the numberDigits limit).");
  }

  @Test
  void validate_settingAtTheDigitLimit_isAnOrdinaryNumber(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    edit(data, SETTING, "  keyDecisionValue: 1" + "0".repeat(99));

    // Read as a number, and then too large for the setting.
    assertThat(RuleSet.validate(rules)).extracting(Problem::message).singleElement().asString()
        .startsWith("settings.keyDecisionValue must be a whole number of at least 0 but was 1000");
  }

  @Test
  void fromDirectory_referenceDataOverTheFileLimit_loadsOnlyWhenTheLimitIsRaised(@TempDir Path dir) throws IOException {
    Path rules = copy(dir);
    Path data = rules.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data) + ("# " + "x".repeat(98) + "\n").repeat(11_000));

    assertThatThrownBy(() -> RuleSet.fromDirectory(rules)).isInstanceOfSatisfying(RuleSetException.class,
        e -> assertThat(e.problems()).extracting(Problem::message).singleElement()
            .satisfies(m -> assertThat(m).endsWith("the reference data may be at most 1,000,000 bytes.")));
    assertThat(RuleSet.fromDirectory(rules, GatewayOptions.builder().limits(Limits.DEFAULTS.withRuleFileBytes(2_000_000)).build()).referenceData().settings()
        .keyDecisionValue()).isEqualTo(350_000);
  }
}
