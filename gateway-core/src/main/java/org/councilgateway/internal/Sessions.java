package org.councilgateway.internal;

import java.time.LocalDate;
import java.util.List;
import org.councilgateway.GatewayException;
import org.councilgateway.Problem;
import org.councilgateway.Proposal;
import org.councilgateway.facts.AssessmentDate;
import org.kie.api.runtime.KieSession;

/** Runs proposals through a compiled rule set in a session of their own. */
public final class Sessions {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sessions.class);

  private Sessions() {}

  /**
   * Assesses proposals together, so that the plan rules see them all.
   *
   * @param rules the compiled rule set
   * @param proposals the proposals, with distinct ids
   * @param asOf the assessment date
   * @return the assessments in the proposals' order, and the portfolio findings
   * @throws GatewayException when a rule fails while it runs
   */
  public static Assembler.Results run(CompiledRuleSet rules, List<Proposal> proposals, LocalDate asOf) {
    long started = System.nanoTime();
    Recorder recorder = new Recorder(rules.rulesByDrools());
    recorder.expect(proposals);
    KieSession session = rules.sessions().newKieSession();
    try {
      if (rules.hasFindingsGlobal()) {
        session.setGlobal("findings", recorder);
      }
      session.addEventListener(recorder);
      for (Object fact : rules.referenceFacts()) {
        session.insert(fact);
      }
      session.insert(new AssessmentDate(asOf));
      for (Proposal proposal : proposals) {
        session.insert(proposal);
      }
      // A rule that keeps re-firing itself must not hang the gateway: the bundled rules fire a
      // few dozen times per proposal, so this bound is far above any sound rule set.
      long limit = Math.min(Integer.MAX_VALUE, 10_000L + 2_000L * proposals.size());
      int fired = session.fireAllRules((int) limit);
      if (fired >= limit) {
        throw new GatewayException(new Problem(null, 0, 0, "The rules fired more than " + limit
            + " times for " + proposals.size() + " proposal(s) and were stopped: a rule is probably making itself fire again."));
      }
    } catch (GatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new GatewayException(new Problem(null, 0, 0,
          "A rule failed while assessing: " + DroolsMessages.clean(String.valueOf(rootCause(e).getMessage()))));
    } finally {
      session.removeEventListener(recorder);
      session.dispose();
    }
    long fired = System.nanoTime();
    Assembler.Results results = Assembler.assemble(rules, proposals, recorder, asOf);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Assessed {} proposal(s): rules {} ms, results {} ms", proposals.size(),
          (fired - started) / 1_000_000, (System.nanoTime() - fired) / 1_000_000);
    }
    return results;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
