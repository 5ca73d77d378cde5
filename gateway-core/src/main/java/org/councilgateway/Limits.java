package org.councilgateway;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on every read and every assessment, so that a hostile or broken plan or rule set
 * fails with a sentence naming the limit rather than exhausting the machine. Each has a default
 * that sound plans and rule sets stay far below; raise one with its {@code with...} method.
 *
 * <pre>{@code
 * Limits limits = Limits.DEFAULTS.withPlanBytes(2_000_000_000L);
 * }</pre>
 *
 * @param planBytes the largest plan file, in bytes, of any kind (JSON, YAML, standard input)
 * @param numberDigits the most digits in a number of a plan
 * @param numberScale the largest power of ten in a number of a plan, either way: {@code 1e-5}
 *     and {@code 1e5} have 5; an error for that proposal only
 * @param ruleFileBytes the largest rule file or reference data file, in bytes
 * @param factsPerSession the most facts the rules may insert into one session, beyond those the
 *     gateway inserts, plus {@code factsPerProposal} for each proposal in the session
 * @param factsPerProposal what each proposal in a session adds to {@code factsPerSession}
 * @param findingsPerPlan the most findings one assessment may record, plus
 *     {@code findingsPerProposal} for each proposal
 * @param findingsPerProposal what each proposal adds to {@code findingsPerPlan}
 * @param textChars the longest text (or list) a rule may put in a fact it inserts or in a finding;
 *     when the proposals assessed hold longer texts or lists, eight times the longest of them
 * @param assessmentTime the longest one assessment may run before its rules are halted
 * @param sheetRows the most proposals (non-empty rows below the header) a spreadsheet plan (CSV or
 *     XLSX) may have; a longer one is unusable
 */
public record Limits(long planBytes, int numberDigits, int numberScale, long ruleFileBytes, long factsPerSession,
    long factsPerProposal, long findingsPerPlan, long findingsPerProposal, int textChars, Duration assessmentTime,
    int sheetRows) {

  /** The default of {@link #sheetRows()}: far more rows than any forward plan has. */
  private static final int DEFAULT_SHEET_ROWS = 100_000;

  /** The defaults: far above what the bundled rules need for a plan of a million proposals. */
  public static final Limits DEFAULTS = new Limits(1_000_000_000L, 100, 100, 1_000_000L, 10_000L, 1_000L,
      100_000L, 100L, 10_000, Duration.ofMinutes(2), DEFAULT_SHEET_ROWS);

  /**
   * Checks every bound: positive, or for the per-proposal additions not negative.
   *
   * @throws IllegalArgumentException naming the first bound that is not, and its value
   *
   * @param planBytes the largest plan file, in bytes, of any kind (JSON, YAML, standard input)
   * @param numberDigits the most digits in a number of a plan
   * @param numberScale the largest power of ten in a number of a plan, either way: {@code 1e-5} and {@code 1e5} have 5; an error for that proposal only
   * @param ruleFileBytes the largest rule file or reference data file, in bytes
   * @param factsPerSession the most facts the rules may insert into one session, beyond those the gateway inserts, plus {@code factsPerProposal} for each proposal in the session
   * @param factsPerProposal what each proposal in a session adds to {@code factsPerSession}
   * @param findingsPerPlan the most findings one assessment may record, plus {@code findingsPerProposal} for each proposal
   * @param findingsPerProposal what each proposal adds to {@code findingsPerPlan}
   * @param textChars the longest text (or list) a rule may put in a fact it inserts or in a finding; when the proposals assessed hold longer texts or lists, eight times the longest of them
   * @param assessmentTime the longest one assessment may run before its rules are halted
   * @param sheetRows the most proposals a spreadsheet plan may have
   */
  public Limits {
    Objects.requireNonNull(assessmentTime, "assessmentTime must not be null");
    positive("planBytes", planBytes);
    positive("numberDigits", numberDigits);
    positive("numberScale", numberScale);
    positive("ruleFileBytes", ruleFileBytes);
    positive("factsPerSession", factsPerSession);
    notNegative("factsPerProposal", factsPerProposal);
    positive("findingsPerPlan", findingsPerPlan);
    notNegative("findingsPerProposal", findingsPerProposal);
    positive("textChars", textChars);
    if (assessmentTime.isNegative() || assessmentTime.isZero()) {
      throw new IllegalArgumentException("assessmentTime must be positive, but was " + assessmentTime);
    }
    positive("sheetRows", sheetRows);
  }

  /**
   * The limits as they were before {@link #sheetRows()}: that bound at its default.
   *
   * @param planBytes the largest plan file, in bytes
   * @param numberDigits the most digits in a number of a plan
   * @param numberScale the largest power of ten in a number of a plan, either way
   * @param ruleFileBytes the largest rule file or reference data file, in bytes
   * @param factsPerSession the most facts the rules may insert into one session
   * @param factsPerProposal what each proposal in a session adds to {@code factsPerSession}
   * @param findingsPerPlan the most findings one assessment may record
   * @param findingsPerProposal what each proposal adds to {@code findingsPerPlan}
   * @param textChars the longest text (or list) a rule may put in a fact it inserts or in a finding
   * @param assessmentTime the longest one assessment may run before its rules are halted
   */
  public Limits(long planBytes, int numberDigits, int numberScale, long ruleFileBytes, long factsPerSession,
      long factsPerProposal, long findingsPerPlan, long findingsPerProposal, int textChars, Duration assessmentTime) {
    this(planBytes, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal, findingsPerPlan,
        findingsPerProposal, textChars, assessmentTime, DEFAULT_SHEET_ROWS);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }

  private static void notNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, but was " + value);
    }
  }

  /**
   * The facts the rules may insert into a session of so many proposals.
   *
   * @param proposals the proposals in the session
   * @return the bound
   */
  public long factsFor(int proposals) {
    return saturatedAdd(factsPerSession, factsPerProposal, proposals);
  }

  /**
   * The findings an assessment of so many proposals may record.
   *
   * @param proposals the proposals assessed
   * @return the bound
   */
  public long findingsFor(int proposals) {
    return saturatedAdd(findingsPerPlan, findingsPerProposal, proposals);
  }

  private static long saturatedAdd(long base, long each, int count) {
    long product = each * count;
    if (count != 0 && product / count != each) {
      return Long.MAX_VALUE;
    }
    long sum = base + product;
    return sum < base ? Long.MAX_VALUE : sum;
  }

  /**
   * @param value the largest plan file, in bytes
   * @return these limits with that bound
   */
  public Limits withPlanBytes(long value) {
    return new Limits(value, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param value the most digits in a number
   * @return these limits with that bound
   */
  public Limits withNumberDigits(int value) {
    return new Limits(planBytes, value, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param value the largest power of ten in a number, either way
   * @return these limits with that bound
   */
  public Limits withNumberScale(int value) {
    return new Limits(planBytes, numberDigits, value, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param value the largest rule or reference data file, in bytes
   * @return these limits with that bound
   */
  public Limits withRuleFileBytes(long value) {
    return new Limits(planBytes, numberDigits, numberScale, value, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param base the facts the rules may insert into any session
   * @param perProposal what each proposal in the session adds
   * @return these limits with that bound
   */
  public Limits withFacts(long base, long perProposal) {
    return new Limits(planBytes, numberDigits, numberScale, ruleFileBytes, base, perProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param base the findings any assessment may record
   * @param perProposal what each proposal adds
   * @return these limits with that bound
   */
  public Limits withFindings(long base, long perProposal) {
    return new Limits(planBytes, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        base, perProposal, textChars, assessmentTime, sheetRows);
  }

  /**
   * @param value the longest text in an inserted fact or a finding
   * @return these limits with that bound
   */
  public Limits withTextChars(int value) {
    return new Limits(planBytes, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, value, assessmentTime, sheetRows);
  }

  /**
   * @param value the longest an assessment may run
   * @return these limits with that bound
   */
  public Limits withAssessmentTime(Duration value) {
    return new Limits(planBytes, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, value, sheetRows);
  }

  /**
   * @param value the most proposals a spreadsheet plan may have
   * @return these limits with that bound
   */
  public Limits withSheetRows(int value) {
    return new Limits(planBytes, numberDigits, numberScale, ruleFileBytes, factsPerSession, factsPerProposal,
        findingsPerPlan, findingsPerProposal, textChars, assessmentTime, value);
  }
}
