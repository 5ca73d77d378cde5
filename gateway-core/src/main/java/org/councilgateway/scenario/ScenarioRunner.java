package org.councilgateway.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.InputError;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.RuleInfo;
import org.councilgateway.assessment.TraceEntry;
import org.councilgateway.assessment.Warning;

/** Runs scenarios against a gateway and compares what came out with what was expected. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * The outcome of running many scenarios.
   *
   * @param results one per scenario, in order
   * @param unfired the rules no scenario made fire, by id
   * @param ruleCount how many rules the rule set has
   */
  public record Report(List<ScenarioResult> results, List<RuleInfo> unfired, int ruleCount) {

    /**
     * Copies the lists.
     *
     * @param results one per scenario, in order
     * @param unfired the rules no scenario made fire, by id
     * @param ruleCount how many rules the rule set has
     */
    public Report {
      results = List.copyOf(results);
      unfired = List.copyOf(unfired);
    }

    /**
     * How many scenarios passed.
     *
     * @return the count
     */
    public long passed() {
      return results.stream().filter(ScenarioResult::passed).count();
    }

    /**
     * How many scenarios failed.
     *
     * @return the count
     */
    public long failed() {
      return results.size() - passed();
    }

    /**
     * The share of rules some scenario made fire.
     *
     * @return a percentage from 0 to 100
     */
    public double coverage() {
      return ruleCount == 0 ? 100.0 : 100.0 * (ruleCount - unfired.size()) / ruleCount;
    }
  }

  /**
   * Runs scenarios and works out rule coverage.
   *
   * @param gateway the gateway, on the rule set under test
   * @param scenarios the scenarios
   * @return every result, and the rules no scenario fired
   */
  public static Report runAll(Gateway gateway, List<Scenario> scenarios) {
    List<ScenarioResult> results = new ArrayList<>();
    Set<String> fired = new TreeSet<>();
    for (Scenario scenario : scenarios) {
      ScenarioResult result = run(gateway, scenario);
      results.add(result);
      fired.addAll(result.rulesFired());
    }
    List<RuleInfo> rules = gateway.ruleSet().rules();
    List<RuleInfo> unfired = rules.stream().filter(rule -> !fired.contains(rule.id())).toList();
    return new Report(results, unfired, rules.size());
  }

  /**
   * Runs one scenario.
   *
   * @param gateway the gateway, on the rule set under test
   * @param scenario the scenario
   * @return what passed and failed
   */
  public static ScenarioResult run(Gateway gateway, Scenario scenario) {
    PlanAssessment result;
    try {
      result = gateway.assess(scenario.plan(), scenario.asOf());
    } catch (GatewayException e) {
      return new ScenarioResult(scenario, List.of("The rules failed: " + e.getMessage()), Set.of(), List.of());
    }
    List<String> failures = new ArrayList<>();
    java.util.SortedSet<String> known = gateway.ruleSet().codes();
    long invalid = result.errors().stream().map(InputError::index).distinct().count();
    int expectedErrors = scenario.errors() == null ? 0 : scenario.errors();
    if (invalid != expectedErrors) {
      failures.add("expected " + expectedErrors + " invalid proposal(s) but found " + invalid + ": "
          + result.errors().stream().map(e -> e.path() + " " + e.message()).collect(Collectors.joining("; ")));
    }
    Map<String, Assessment> byId = result.assessments().stream()
        .collect(Collectors.toMap(Assessment::proposalId, Function.identity()));
    for (Expectation expected : scenario.expectations()) {
      Assessment actual = byId.get(expected.proposalId());
      if (actual == null) {
        failures.add(expected.proposalId() + ": expected an assessment, but the proposal was not assessed");
        continue;
      }
      check(failures, expected.proposalId(), "classification", expected.classification(), actual.classification().name());
      check(failures, expected.proposalId(), "route", expected.route(), actual.route().name());
      check(failures, expected.proposalId(), "keyDecision",
          expected.keyDecision() == null ? null : expected.keyDecision().toString(), Boolean.toString(actual.keyDecision()));
      check(failures, expected.proposalId(), "eiaLevel", expected.eiaLevel(), actual.eia().level().name());
      check(failures, expected.proposalId(), "ready", expected.ready() == null ? null : expected.ready().toString(),
          actual.gate() == null ? "no stage given" : Boolean.toString(actual.gate().ready()));
      check(failures, expected.proposalId(), "blockers",
          expected.blockers() == null ? null : expected.blockers().toString(),
          actual.gate() == null ? "no stage given" : actual.gate().blockers().toString());
      Set<String> codes = codes(actual);
      unknownCodes(failures, expected.proposalId(), expected.present(), known);
      unknownCodes(failures, expected.proposalId(), expected.absent(), known);
      for (String code : expected.present()) {
        if (!codes.contains(code)) {
          failures.add(expected.proposalId() + ": expected " + code + " present, but it is absent");
        }
      }
      for (String code : expected.absent()) {
        if (codes.contains(code)) {
          failures.add(expected.proposalId() + ": expected " + code + " absent, but it is present");
        }
      }
    }
    Set<String> portfolio = new LinkedHashSet<>();
    for (PortfolioFinding finding : result.portfolio()) {
      portfolio.add(finding.code());
      portfolio.add(finding.code() + ":" + String.join(",", finding.proposalIds()));
    }
    unknownCodes(failures, "plan", scenario.portfolioPresent(), known);
    unknownCodes(failures, "plan", scenario.portfolioAbsent(), known);
    for (String code : scenario.portfolioPresent()) {
      if (!portfolio.contains(code)) {
        failures.add("plan: expected " + code + " present, but it is absent");
      }
    }
    for (String code : scenario.portfolioAbsent()) {
      if (portfolio.contains(code)) {
        failures.add("plan: expected " + code + " absent, but it is present");
      }
    }
    Set<String> fired = new TreeSet<>();
    List<String> actual = new ArrayList<>();
    for (Assessment assessment : result.assessments()) {
      assessment.trace().stream().map(TraceEntry::ruleId).forEach(fired::add);
      actual.add(assessment.proposalId() + ": " + assessment.classification() + ", " + assessment.route()
          + ", keyDecision " + assessment.keyDecision() + ", EIA " + assessment.eia().level()
          + ", codes " + codes(assessment).stream().filter(c -> !c.contains(":")).sorted().toList()
          + ", rules fired " + assessment.trace().stream().map(TraceEntry::ruleId).toList());
    }
    if (!result.portfolio().isEmpty()) {
      actual.add("plan: " + portfolio.stream().filter(c -> c.contains(":")).toList());
    }
    return new ScenarioResult(scenario, failures, fired, actual);
  }

  private static void check(List<String> failures, String id, String what, String expected, String actual) {
    if (expected != null && !expected.equals(actual)) {
      failures.add(id + ": expected " + what + " " + expected + " but was " + actual);
    }
  }

  /** Every code an assessment carries, alone and with its target where it has one. */
  static Set<String> codes(Assessment a) {
    Set<String> codes = new LinkedHashSet<>(a.scopeReasonCodes());
    for (Finding f : a.impacts()) {
      codes.add(f.code());
      codes.add(f.code() + ":" + f.target());
    }
    for (EiaAssessment kind : a.eia().assessments()) {
      codes.addAll(kind.reasons());
    }
    a.eia().actions().forEach(f -> codes.add(f.code()));
    for (Finding f : a.challenges()) {
      codes.add(f.code());
      if (f.target() != null) {
        codes.add(f.code() + ":" + f.target());
      }
    }
    a.portfolio().stream().map(PortfolioRef::code).forEach(codes::add);
    for (Warning w : a.warnings()) {
      codes.add(w.code());
      codes.add(w.code() + ":" + w.target());
    }
    return codes;
  }

  /**
   * A typo guard: an expected code (before any {@code :TARGET}) that no rule of the rule set records
   * and no data warning has would pass silently under {@code absent}, so it fails, naming the closest
   * real code.
   */
  private static void unknownCodes(List<String> failures, String where, List<String> expected,
      java.util.SortedSet<String> known) {
    for (String entry : expected) {
      int colon = entry.indexOf(':');
      String code = colon < 0 ? entry : entry.substring(0, colon);
      if (!known.contains(code)) {
        String closest = closest(code, known);
        failures.add(where + ": " + code + " is not a code any rule in this rule set records"
            + (closest == null ? "" : "; did you mean " + closest + "?"));
      }
    }
  }

  /** The known code nearest in spelling, or null when none is near (more than a third of it differs). */
  static String closest(String code, java.util.Collection<String> known) {
    return org.councilgateway.internal.Names.closest(code, known);
  }
}
