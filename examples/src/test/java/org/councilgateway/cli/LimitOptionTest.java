package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.councilgateway.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --limit NAME=VALUE}: each limit by name, times with units, and a sentence for each fault. */
class LimitOptionTest {
  private static final CommandLine LINE = new CommandLine(new GatewayCommand());

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "planBytes, 2_000_000_000, 2000000000",
      "numberDigits, 200, 200",
      "ruleFileBytes, '5,000,000', 5000000",
      "factsPerProposal, 0, 0",
      "findingsPerPlan, 7, 7",
      "textChars, 20000, 20000",
      "sheetRows, 500, 500"})
  void apply_wholeNumbers_setThatLimitOnly(String name, String value, long expected) {
    Limits set = LimitOption.apply(Limits.DEFAULTS, name, value, LINE);

    assertThat(LimitOption.describe(set)).contains(name + "=" + expected);
    assertThat(LimitOption.describe(set).replace(name + "=" + expected, ""))
        .isEqualTo(LimitOption.describe(Limits.DEFAULTS).replaceFirst(name + "=[0-9a-z]+", ""));
  }

  @ParameterizedTest(name = "assessmentTime={0}")
  @CsvSource({"90s, 90", "10m, 600", "1h, 3600", "45, 45", "PT2M, 120"})
  void apply_times_readTheirUnit(String value, long seconds) {
    assertThat(LimitOption.apply(Limits.DEFAULTS, "assessmentTime", value, LINE).assessmentTime())
        .isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "planBytes, 0, 'The limit planBytes must be a positive whole number, not ''0''.'",
      "planBytes, -5, 'The limit planBytes must be a positive whole number, not ''-5''.'",
      "textChars, lots, 'The limit textChars must be a positive whole number, not ''lots''.'",
      "factsPerProposal, -1, 'The limit factsPerProposal must be a whole number, 0 or more, not ''-1''.'",
      "assessmentTime, 5 fortnights, 'The limit assessmentTime must be a positive time such as 90s, 10m or 1h, not ''5 fortnights''.'",
      "speed, 11, 'There is no limit called ''speed''; the limits are planBytes, numberDigits, numberScale, ruleFileBytes, "
          + "factsPerSession, factsPerProposal, findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows.'"})
  void apply_badNameOrValue_isAParameterErrorSayingWhy(String name, String value, String message) {
    assertThatThrownBy(() -> LimitOption.apply(Limits.DEFAULTS, name, value, LINE))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void describe_namesEveryLimitAsTheOptionTakesIt() {
    for (java.lang.reflect.RecordComponent component : Limits.class.getRecordComponents()) {
      assertThat(LimitOption.apply(Limits.DEFAULTS, component.getName(), component.getName().equals("assessmentTime")
          ? "120s" : "7", LINE)).as(component.getName()).isNotNull();
    }
    assertThat(LimitOption.describe(Limits.DEFAULTS)).isEqualTo("planBytes=1000000000, numberDigits=100, "
        + "numberScale=100, ruleFileBytes=1000000, factsPerSession=10000, factsPerProposal=1000, "
        + "findingsPerPlan=100000, findingsPerProposal=100, textChars=10000, assessmentTime=120s, sheetRows=100000");
  }
}
