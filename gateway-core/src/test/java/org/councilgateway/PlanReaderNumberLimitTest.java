package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.councilgateway.PlanJson.ids;
import static org.councilgateway.PlanJson.plan;
import static org.councilgateway.PlanJson.proposal;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number is bounded as it is read, before any arithmetic: too many digits, a power of ten
 * beyond the limit or a number that is not finite is an error for the proposal holding it, and the
 * rest of the plan is still read.
 */
class PlanReaderNumberLimitTest {
  private static final PlanReader READER = PlanReader.create();

  /** A plan of a sound proposal, the proposal under test, and another sound one. */
  private static Plan readBetweenSoundOnes(PlanReader reader, String field, String number) {
    return reader.read(plan(proposal("A"), proposal("B").with(field, number), proposal("C")), "plan.json");
  }

  private static void assertOnlyErrorIs(Plan plan, String path, String message) {
    assertThat(ids(plan)).containsExactly("A", "C");
    assertThat(plan.errors()).singleElement().satisfies(error -> {
      assertThat(error.index()).isEqualTo(1);
      assertThat(error.proposalId()).isEqualTo("B");
      assertThat(error.path()).isEqualTo(path);
      assertThat(error.message()).isEqualTo(message);
    });
  }

  @Nested
  @DisplayName("the power of ten")
  class Scale {
    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e-2147483647", "1e-2147483648", "1E+9999999999", "0.1e-2147483648",
        "-1e2147483649", "0e-999999999"})
    void read_exponentFarBeyondTheLimit_isAnErrorForThatProposalOnlyAndQuick(String number) {
      long started = System.nanoTime();

      Plan plan = readBetweenSoundOnes(READER, "reductionPercent", number);

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertOnlyErrorIs(plan, "/proposals/1/reductionPercent", "reductionPercent is " + number
          + ", a number whose power of ten is beyond 100 either way, the most a number may have (the numberScale limit).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-101", "0.1e-100", "10e-102"})
    void read_justBeyondTheDefaultLimit_isAnError(String number) {
      Plan plan = readBetweenSoundOnes(READER, "reductionPercent", number);

      assertOnlyErrorIs(plan, "/proposals/1/reductionPercent", "reductionPercent is " + number
          + ", a number whose power of ten is beyond 100 either way, the most a number may have (the numberScale limit).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-100", "10e-101", "0.1e-99", "1E-100"})
    void read_atTheDefaultLimit_isANumber(String number) {
      Plan plan = readBetweenSoundOnes(READER, "reductionPercent", number);

      assertThat(plan.errors()).isEmpty();
      assertThat(plan.proposals().get(1).reductionPercent()).isEqualByComparingTo("1e-100");
    }

    @Test
    void read_largeExponentJustBeyondTheLimit_isAnErrorOnAWholeNumber() {
      Plan plan = readBetweenSoundOnes(READER, "annualValue", "1e101");

      assertOnlyErrorIs(plan, "/proposals/1/annualValue", "annualValue is 1e101, a number whose power of ten is beyond"
          + " 100 either way, the most a number may have (the numberScale limit).");
    }

    @Test
    void read_largeExponentAtTheLimit_isReadAsANumber() {
      Plan plan = readBetweenSoundOnes(READER, "annualValue", "1e100");

      // A number, if one too large for annualValue.
      assertOnlyErrorIs(plan, "/proposals/1/annualValue",
          "annualValue must be a whole number of at least 0, but was 1E+100.");
    }

    @Test
    void read_smallerLimit_appliesBothWays() {
      PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withNumberScale(2)).build());

      assertThat(readBetweenSoundOnes(reader, "reductionPercent", "1e2").errors()).isEmpty();
      assertThat(readBetweenSoundOnes(reader, "reductionPercent", "0.01").errors()).isEmpty();
      assertOnlyErrorIs(readBetweenSoundOnes(reader, "reductionPercent", "0.001"), "/proposals/1/reductionPercent",
          "reductionPercent is 0.001, a number whose power of ten is beyond 2 either way, the most a number may have"
              + " (the numberScale limit).");
      assertOnlyErrorIs(readBetweenSoundOnes(reader, "annualValue", "1000"), "/proposals/1/annualValue",
          "annualValue is 1000, a number whose power of ten is beyond 2 either way, the most a number may have"
              + " (the numberScale limit).");
    }
  }

  @Nested
  @DisplayName("digits")
  class Digits {
    @Test
    void read_oneDigitMoreThanTheLimit_isAnErrorForThatProposalOnly() {
      Plan plan = readBetweenSoundOnes(READER, "annualValue", "1" + "0".repeat(100));

      assertOnlyErrorIs(plan, "/proposals/1/annualValue",
          "annualValue is a number of 101 digits, more than the 100 a number may have (the numberDigits limit).");
    }

    @Test
    void read_decimalOneDigitMoreThanTheLimit_isAnError() {
      Plan plan = readBetweenSoundOnes(READER, "reductionPercent", "1." + "0".repeat(100));

      assertOnlyErrorIs(plan, "/proposals/1/reductionPercent",
          "reductionPercent is a number of 101 digits, more than the 100 a number may have (the numberDigits limit).");
    }

    @Test
    void read_digitsAtTheLimit_isANumber() {
      Plan plan = readBetweenSoundOnes(READER, "reductionPercent", "1." + "0".repeat(99));

      assertThat(plan.errors()).isEmpty();
      assertThat(plan.proposals().get(1).reductionPercent()).isEqualByComparingTo("1");
    }

    @Test
    void read_smallerLimit_countsTheDigitsNotTheSign() {
      PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withNumberDigits(5)).build());

      assertThat(readBetweenSoundOnes(reader, "annualValue", "12345").errors()).isEmpty();
      assertThat(readBetweenSoundOnes(reader, "reductionPercent", "12.345").errors()).isEmpty();
      assertOnlyErrorIs(readBetweenSoundOnes(reader, "annualValue", "123456"), "/proposals/1/annualValue",
          "annualValue is a number of 6 digits, more than the 5 a number may have (the numberDigits limit).");
      assertOnlyErrorIs(readBetweenSoundOnes(reader, "annualValue", "-123456"), "/proposals/1/annualValue",
          "annualValue is a number of 6 digits, more than the 5 a number may have (the numberDigits limit).");
    }

    @Test
    void read_numberInAList_isReportedAtItsEntry() {
      Plan plan = readBetweenSoundOnes(READER, "wards", "[\"Ashby\", 1e-200]");

      assertOnlyErrorIs(plan, "/proposals/1/wards/1", "Entry 1 of wards is 1e-200, a number whose power of ten is"
          + " beyond 100 either way, the most a number may have (the numberScale limit).");
    }
  }

  @Nested
  @DisplayName("numbers that are not finite")
  class NotFinite {
    @ParameterizedTest
    @ValueSource(strings = {".nan", ".NaN", ".inf", "-.inf", "+.Inf", ".INF"})
    void read_yamlNotFinite_isAnErrorForThatFieldOnly(String number) {
      String yaml = "proposals:\n"
          + "  - {id: A, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: NEW}\n"
          + "  - {id: B, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: REDUCE,"
          + " reductionPercent: " + number + "}\n"
          + "  - {id: C, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: NEW}\n";

      Plan plan = READER.read(yaml, "plan.yaml");

      assertOnlyErrorIs(plan, "/proposals/1/reductionPercent",
          "reductionPercent is " + number + ", which is not a finite number.");
    }

    @Test
    void read_yamlNotFiniteInANestedField_isAnErrorAtItsPointer() {
      String yaml = "proposals:\n"
          + "  - {id: A, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION, changeType: NEW,"
          + " staffing: {postsDeleted: .inf}}\n";

      Plan plan = READER.read(yaml, "plan.yaml");

      assertThat(plan.errors()).singleElement().satisfies(error -> {
        assertThat(error.path()).isEqualTo("/proposals/0/staffing/postsDeleted");
        assertThat(error.message()).isEqualTo("postsDeleted is .inf, which is not a finite number.");
      });
    }

    @Test
    void read_jsonNaN_isStillNotJson() {
      // JSON has no NaN, and the reader does not allow it: the document is not JSON.
      assertThatThrownBy(() -> READER.read(plan(proposal("A").with("reductionPercent", "NaN")), "plan.json"))
          .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems().get(0).message())
              .startsWith("is not valid JSON: "));
    }
  }

  @Test
  void read_yamlDuplicateKeyInAProposal_isRefusedAtTheSecondKey() {
    String yaml = "proposals:\n  - id: A\n    title: T\n    title: U\n";

    assertThatThrownBy(() -> READER.read(yaml, "plan.yaml"))
        .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).singleElement()
            .isEqualTo(new Problem("plan.yaml", 4, 5, "is not valid YAML: Duplicate field 'title'.")));
  }

  @Test
  void read_soundNumbers_readAsBefore() {
    Plan plan = READER.read(plan(proposal("A").with("reductionPercent", "25.0").with("annualValue", "1.0e6")
        .with("termMonths", "36")), "plan.json");

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.proposals().get(0).reductionPercent()).hasToString("25");
    assertThat(plan.proposals().get(0).annualValue()).isEqualTo(1_000_000L);
    assertThat(plan.proposals().get(0).termMonths()).isEqualTo(36);
  }
}
