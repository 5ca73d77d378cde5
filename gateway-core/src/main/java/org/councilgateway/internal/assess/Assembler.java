package org.councilgateway.internal.assess;

import org.councilgateway.internal.ruleset.CompiledRuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Classification;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.assessment.EiaOutcome;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.Gate;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.model.Proposal;
import org.councilgateway.assessment.Route;

/** Turns what a recorder collected into immutable, ordered results. */
public final class Assembler {
  private static final Comparator<Finding> IMPACT_ORDER = Comparator
      .comparing(Finding::code, PolicyOrder.of(PolicyOrder.IMPACTS))
      .thenComparing(Finding::target, PolicyOrder.TARGET);

  private Assembler() {}

  /**
   * The results for a plan's proposals, in input order, and the numbered portfolio findings.
   *
   * @param assessments the assessments
   * @param portfolio the portfolio findings
   */
  public record Results(List<Assessment> assessments, List<PortfolioFinding> portfolio) {}

  /**
   * Numbers the portfolio findings in the order of docs/policy.md and notes, for each proposal, the findings
   * that involve it.
   *
   * @param found the portfolio findings the rules recorded
   * @param refs filled with each proposal's references to the findings, by proposal id
   * @return the numbered findings
   */
  static List<PortfolioFinding> number(java.util.Collection<Recorder.PortfolioEntry> found,
      Map<String, List<PortfolioRef>> refs) {
    List<Recorder.PortfolioEntry> entries = new ArrayList<>(found);
    entries.sort(Comparator.comparing(Recorder.PortfolioEntry::code, PolicyOrder.of(PolicyOrder.PORTFOLIO))
        .thenComparing(Recorder.PortfolioEntry::proposalIds, PolicyOrder.IDS));
    List<PortfolioFinding> portfolio = new ArrayList<>();
    for (Recorder.PortfolioEntry entry : entries) {
      String id = portfolioId(portfolio.size() + 1);
      portfolio.add(new PortfolioFinding(id, entry.code(), entry.proposalIds(), entry.rule().id(),
          entry.rule().source(), entry.message()));
      for (String proposalId : entry.proposalIds()) {
        refs.computeIfAbsent(proposalId, k -> new ArrayList<>()).add(new PortfolioRef(id, entry.code()));
      }
    }
    return portfolio;
  }

  /** {@code PF-0001} onwards; wider once past 9999. */
  static String portfolioId(int number) {
    String digits = Integer.toString(number);
    return digits.length() >= 4 ? "PF-" + digits : "PF-" + "0000".substring(digits.length()) + digits;
  }

  /**
   * One proposal's assessment, from what the rules recorded for it.
   *
   * @param rules the compiled rule set
   * @param proposal the proposal
   * @param found what the rules recorded for it
   * @param portfolio the portfolio findings that involve it
   * @param asOf the assessment date
   * @return the assessment
   */
  static Assessment assessment(CompiledRuleSet rules, Proposal proposal, Recorder.ProposalRecord found,
      List<PortfolioRef> portfolio, LocalDate asOf) {
    List<Finding> scopeReasons = found.scope.values().stream()
        .sorted(Comparator.comparing(Finding::code, PolicyOrder.of(PolicyOrder.SCOPE))).toList();
    boolean councilWide = !scopeReasons.isEmpty();
    return new Assessment(
        proposal,
        councilWide ? Classification.COUNCIL_WIDE : Classification.SINGLE_DIRECTORATE,
        scopeReasons,
        councilWide ? Route.STRATEGIC_COMMISSIONING_GROUP : Route.DIRECTORATE,
        found.keyDecision.get(Recorder.KEY_DECISION),
        found.impacts.values().stream().sorted(IMPACT_ORDER).toList(),
        eia(rules, found),
        found.challenges.values().stream().sorted(Comparator.comparing(Finding::code, PolicyOrder.of(PolicyOrder.CHALLENGES))).toList(),
        gate(proposal, found),
        portfolio,
        DataWarnings.of(proposal, rules.knownCodes(), asOf),
        trace(rules, found.trace),
        rules.version(),
        asOf);
  }

  /**
   * The proposal's readiness for its gate stage: what the gate rules found blocking it, challenges in
   * their output order, then the EIA actions (EIA_OUTSTANDING) in theirs; null without a stage.
   */
  private static Gate gate(Proposal proposal, Recorder.ProposalRecord found) {
    if (proposal.stage() == null) {
      return null;
    }
    List<String> blockers = found.blockers.keySet().stream()
        .sorted(Comparator.comparing((String code) -> PolicyOrder.EIA_ACTIONS.contains(code))
            .thenComparing(PolicyOrder.of(PolicyOrder.CHALLENGES)))
        .toList();
    return new Gate(proposal.stage(), blockers);
  }

  private static List<org.councilgateway.assessment.TraceEntry> trace(CompiledRuleSet rules, java.util.BitSet fired) {
    List<org.councilgateway.assessment.TraceEntry> entries = new ArrayList<>(fired.cardinality());
    for (int i = fired.nextSetBit(0); i >= 0; i = fired.nextSetBit(i + 1)) {
      entries.add(rules.traceEntries().get(i));
    }
    return entries;
  }

  private static EiaOutcome eia(CompiledRuleSet rules, Recorder.ProposalRecord found) {
    List<EiaAssessment> kinds = new ArrayList<>();
    EiaLevel highest = EiaLevel.NONE;
    for (EiaKind kind : EiaKind.values()) {
      List<Recorder.EiaReason> reasons = found.eiaReasons.values().stream().filter(r -> r.kind() == kind).toList();
      if (reasons.isEmpty()) {
        continue;
      }
      EiaLevel level = reasons.stream().map(Recorder.EiaReason::level).max(Comparator.naturalOrder()).orElseThrow();
      kinds.add(new EiaAssessment(kind, level, reasons.stream().map(Recorder.EiaReason::finding)
          .sorted(Comparator.comparing(Finding::code, PolicyOrder.of(PolicyOrder.EIA_REASONS))).toList()));
      highest = level.covers(highest) ? level : highest;
    }
    List<String> order = rules.referenceData().protectedCharacteristics();
    List<String> characteristics = found.characteristics.stream().sorted(PolicyOrder.of(order)).toList();
    List<Finding> actions = found.eiaActions.values().stream()
        .sorted(Comparator.comparing(Finding::code, PolicyOrder.of(PolicyOrder.EIA_ACTIONS))).toList();
    return new EiaOutcome(highest != EiaLevel.NONE, highest, characteristics, kinds, actions);
  }
}
