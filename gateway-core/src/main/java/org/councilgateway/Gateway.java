package org.councilgateway;

import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.Proposal;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The programme gateway: puts proposed commissioning projects through a council's gateway rules.
 *
 * <p>Build one once, then assess from any number of threads:
 *
 * <pre>{@code
 * Gateway gateway = Gateway.bundled();
 * Plan plan = PlanReader.create().read(Path.of("forward-plan.json"));
 * PlanAssessment result = gateway.assess(plan, LocalDate.of(2026, 11, 23));
 * }</pre>
 *
 * <p>Every method is thread-safe. Each assessment runs in a session of its own against the rule
 * set serving when it started; {@link #reload(Path)} swaps rule sets without disturbing
 * assessments in flight.
 */
public interface Gateway {

  /**
   * A gateway on the rules bundled with the library.
   *
   * @return the gateway
   * @throws RuleSetException when the bundled rules are missing from the classpath
   */
  static Gateway bundled() {
    return of(RuleSet.bundled());
  }

  /**
   * A gateway on the rules in a directory.
   *
   * @param rules the rules directory
   * @return the gateway
   * @throws RuleSetException with every problem when the rules do not compile or validate
   */
  static Gateway fromDirectory(Path rules) {
    return of(RuleSet.fromDirectory(rules));
  }

  /**
   * A gateway on a compiled rule set.
   *
   * @param rules the rule set
   * @return the gateway
   */
  static Gateway of(RuleSet rules) {
    return new RuleGateway(rules, GatewayOptions.defaults());
  }

  /**
   * A gateway on a compiled rule set, with the given options: it assesses within their limits (an
   * assessment that would record more findings, insert more facts, hold longer texts or run longer
   * than they allow is stopped with a {@link GatewayException} naming the limit), spreads a long
   * plan over their executor, and {@link #reload(Path) reloads} with them.
   *
   * @param rules the rule set
   * @param options the options; {@link GatewayOptions#defaults()} unless a council needs more
   * @return the gateway
   */
  static Gateway of(RuleSet rules, GatewayOptions options) {
    return new RuleGateway(rules, options);
  }

  /**
   * The rule set serving now.
   *
   * @return the rule set
   */
  RuleSet ruleSet();

  /**
   * Assesses one proposal on its own (plan rules find nothing with one proposal).
   *
   * @param proposal the proposal
   * @param asOf the assessment date; when null, today's date in the JVM's default time zone
   * @return the assessment, naming the rule set and date it was assessed with
   * @throws GatewayException when a rule fails while it runs
   */
  Assessment assess(Proposal proposal, LocalDate asOf);

  /**
   * Assesses a whole plan: every valid proposal, and the plan as a whole. The plan's errors are
   * carried into the result.
   *
   * @param plan the plan
   * @param asOf the assessment date; when null, the plan's own, and failing that today's date in
   *     the JVM's default time zone
   * @return the plan's assessment
   * @throws GatewayException when a rule fails while it runs, or the assessment reaches one of
   *     its {@link Limits}
   */
  PlanAssessment assess(Plan plan, LocalDate asOf);

  /**
   * Compiles the rules in a directory and, if they compile and validate, swaps them in atomically:
   * assessments in flight finish on the old rule set. Otherwise the old rule set keeps serving.
   *
   * @param rules the rules directory
   * @return whether the rules were swapped in, and the problems when they were not
   */
  ReloadResult reload(Path rules);
}
