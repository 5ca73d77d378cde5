package org.councilgateway.internal.assess;

import org.councilgateway.internal.ruleset.CompiledRuleSet;
import org.councilgateway.internal.ruleset.DroolsMessages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.councilgateway.internal.Parallel;
import org.councilgateway.facts.OpenPoint;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.GatewayException;
import org.councilgateway.Limits;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.facts.AssessmentDate;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs proposals through a compiled rule set.
 *
 * <p>A plan is assessed in two stages (see {@link RuleRoles}). First each proposal's own rules run
 * over batches of proposals, one session per batch, the batches spread over the cores. Then the
 * rules that look across the plan run once, in one session, over every proposal and every fact the
 * first stage's rules inserted (the index facts of the bundled plan rules, for example). So the
 * work of the first stage grows with the number of proposals and uses every core, and the second
 * stage matches only on the keys the plan rules join on.
 */
public final class Sessions {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sessions.class);

  /**
   * Proposals per session in the first stage: enough that the reference facts each session starts
   * with cost little per proposal, few enough that a plan of a few hundred proposals still uses
   * every core.
   */
  static final int BATCH = 128;

  private Sessions() {}

  /**
   * Assesses a plan's proposals together within limits.
   *
   * @param rules the compiled rule set
   * @param proposals the proposals, with distinct ids
   * @param asOf the assessment date
   * @param limits the bounds on findings, facts, text and time
   * @param executor where batches run side by side
   * @return the assessments in the proposals' order, and the portfolio findings
   * @throws GatewayException when a rule fails while it runs, or a limit is reached
   */
  public static Assembler.Results assess(CompiledRuleSet rules, List<Proposal> proposals, LocalDate asOf,
      Limits limits, Executor executor) {
    long started = System.nanoTime();
    Budget budget = new Budget(limits, proposals);
    boolean forPlanRules = rules.planRules() != null;
    int count = (proposals.size() + BATCH - 1) / BATCH;
    List<Batch> batches = Parallel.map(IntStream.range(0, count).boxed().toList(),
        i -> runBatch(rules, proposals.subList(i * BATCH, Math.min(proposals.size(), (i + 1) * BATCH)), asOf,
            forPlanRules, budget),
        executor, 2);
    long ownRules = System.nanoTime();
    Recorder plan = forPlanRules ? runPlan(rules, proposals, batches, asOf, budget, executor)
        : new Recorder(Map.of(), budget, false);
    long planRules = System.nanoTime();
    Map<String, List<PortfolioRef>> refs = new java.util.HashMap<>();
    List<org.councilgateway.assessment.PortfolioFinding> portfolio = Assembler.number(plan.portfolio(), refs);
    List<Assessment> assessments = Parallel.map(batches, batch -> batch.proposals().stream().map(proposal -> {
          Recorder.ProposalRecord found = batch.recorder().of(proposal);
          Recorder.ProposalRecord acrossPlan = plan.touched(proposal.id());
          return Assembler.assessment(rules, proposal, acrossPlan == null ? found : found.absorb(acrossPlan),
              refs.getOrDefault(proposal.id(), List.of()), asOf);
        }).toList(), executor, 2).stream().flatMap(List::stream).toList();
    if (LOG.isDebugEnabled()) {
      LOG.debug("Assessed {} proposal(s) in {} batch(es): own rules {} ms, plan rules {} ms, results {} ms",
          proposals.size(), count, (ownRules - started) / 1_000_000, (planRules - ownRules) / 1_000_000,
          (System.nanoTime() - planRules) / 1_000_000);
    }
    return new Assembler.Results(assessments, portfolio);
  }

  /**
   * What the first stage found for a batch of proposals.
   *
   * @param proposals the batch
   * @param recorder what the rules recorded
   * @param inserted the facts the rules inserted, in order, when the plan rules need them
   */
  private record Batch(List<Proposal> proposals, Recorder recorder, List<Object> inserted) {}

  private static Batch runBatch(CompiledRuleSet rules, List<Proposal> proposals, LocalDate asOf, boolean keepInserted,
      Budget budget) {
    // Open points are worth inserting when a rule of this stage, or one across the plan that gets the
    // facts this stage inserted, can match them: the bundled gate rule does; a rule set without one does not.
    boolean openPoints = rules.proposalRules().matchesType(OpenPoint.class)
        || keepInserted && rules.planRules().matchesType(OpenPoint.class);
    Recorder recorder = new Recorder(rules.proposalRules().rulesByDrools(), budget, openPoints);
    recorder.expect(proposals);
    Inserted inserted = keepInserted ? new Inserted() : null;
    fire(rules.proposalRules(), recorder, inserted, proposals.size(), budget, session -> {
      insertStart(rules, rules.proposalRules(), session, asOf);
      for (Proposal proposal : proposals) {
        session.insert(proposal);
      }
    });
    return new Batch(proposals, recorder, inserted == null ? List.of() : inserted.facts);
  }

  private static Recorder runPlan(CompiledRuleSet rules, List<Proposal> proposals, List<Batch> batches, LocalDate asOf,
      Budget budget, Executor executor) {
    // A plan of one batch is quicker to run through all the plan rules in one session.
    List<CompiledRuleSet.Stage> stages = proposals.size() > BATCH ? rules.planRulesSideBySide() : List.of(rules.planRules());
    List<Recorder> recorders = Parallel.map(stages, stage -> runPlan(rules, stage, proposals, batches, asOf, budget),
        executor, 2);
    Recorder all = recorders.get(0);
    recorders.subList(1, recorders.size()).forEach(all::absorb);
    return all;
  }

  private static Recorder runPlan(CompiledRuleSet rules, CompiledRuleSet.Stage stage, List<Proposal> proposals,
      List<Batch> batches, LocalDate asOf, Budget budget) {
    Recorder recorder = new Recorder(stage.rulesByDrools(), budget, stage.matchesType(OpenPoint.class));
    boolean matchesProposals = proposals.stream().findFirst().map(stage::matches).orElse(false);
    fire(stage, recorder, null, proposals.size(), budget, session -> {
      insertStart(rules, stage, session, asOf);
      for (Batch batch : batches) {
        if (matchesProposals) {
          batch.proposals().forEach(session::insert);
        }
        for (Object fact : batch.inserted()) {
          if (stage.matches(fact)) {
            session.insert(fact);
          }
        }
      }
    });
    return recorder;
  }

  /** Inserts the reference facts and the assessment date, those of them the stage's rules can match. */
  private static void insertStart(CompiledRuleSet rules, CompiledRuleSet.Stage stage, KieSession session, LocalDate asOf) {
    for (Object fact : rules.referenceFacts()) {
      if (stage.matches(fact)) {
        session.insert(fact);
      }
    }
    AssessmentDate date = new AssessmentDate(asOf);
    if (stage.matches(date)) {
      session.insert(date);
    }
  }

  /** Opens a session on a stage's rules, loads it, fires its rules within a bound, and closes it. */
  private static void fire(CompiledRuleSet.Stage stage, Recorder recorder, Inserted inserted, int proposals,
      Budget budget, Consumer<KieSession> load) {
    Budget.Facts facts = budget.facts(proposals);
    KieSession session = stage.sessions().newKieSession();
    try {
      if (stage.hasFindingsGlobal()) {
        session.setGlobal("findings", recorder);
      }
      session.addEventListener(recorder);
      load.accept(session);
      session.addEventListener(facts);
      if (inserted != null) {
        session.addEventListener(inserted);
      }
      // A rule that keeps re-firing itself must not hang the gateway: the bundled rules fire a
      // few dozen times per proposal, so this bound is far above any sound rule set.
      long limit = Math.min(Integer.MAX_VALUE, 10_000L + 2_000L * proposals);
      int fired = session.fireAllRules((int) limit);
      recorder.settle();
      if (recorder.haltedOverTime()) {
        throw budget.overTimeException();
      }
      if (fired >= limit) {
        throw new GatewayException(new Problem(null, 0, 0, "The rules fired more than " + limit
            + " times for " + proposals + " proposal(s) and were stopped: a rule is probably making itself fire again."));
      }
      if (inserted != null) {
        // Facts a rule inserted and another deleted are not passed on.
        inserted.facts.removeIf(fact -> session.getFactHandle(fact) == null);
      }
    } catch (GatewayException e) {
      throw e;
    } catch (Budget.Exceeded e) {
      throw e.toException();
    } catch (StackOverflowError e) {
      throw new GatewayException(new Problem(null, 0, 0,
          "A rule is nested too deeply to run (a stack overflow): split its conditions into simpler rules."));
    } catch (RuntimeException e) {
      Budget.Exceeded exceeded = exceeded(e);
      if (exceeded != null) {
        throw exceeded.toException();
      }
      throw new GatewayException(new Problem(null, 0, 0,
          "A rule failed while assessing: " + DroolsMessages.clean(String.valueOf(rootCause(e).getMessage()))));
    } finally {
      session.removeEventListener(recorder);
      session.removeEventListener(facts);
      if (inserted != null) {
        session.removeEventListener(inserted);
      }
      session.dispose();
    }
  }

  /** Collects, in order, the facts the rules insert. */
  private static final class Inserted extends DefaultRuleRuntimeEventListener {
    final List<Object> facts = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      facts.add(event.getObject());
    }
  }

  /** The bound a rule reached, wherever Drools wrapped it, or null. */
  private static Budget.Exceeded exceeded(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof Budget.Exceeded exceeded) {
        return exceeded;
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
