package org.councilgateway.internal.assess;

import org.councilgateway.internal.ruleset.RuleMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.assessment.Finding;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleInfo;
import org.councilgateway.assessment.TraceEntry;
import org.councilgateway.facts.Findings;
import org.councilgateway.facts.OpenPoint;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Collects what the rules find in one session, attributing each finding to the rule firing. One
 * recorder serves one session on one thread.
 */
final class Recorder extends DefaultAgendaEventListener implements Findings {
  /** The code a key decision's reason carries in the results. */
  static final String KEY_DECISION = "KEY_DECISION";

  /** What the rules found for one proposal. */
  static final class ProposalRecord {
    final Map<String, Finding> scope = new LinkedHashMap<>();
    /** Why it is a key decision, under {@link #KEY_DECISION}; empty when it is not one. */
    final Map<String, Finding> keyDecision = new LinkedHashMap<>();
    final Map<String, Finding> impacts = new LinkedHashMap<>();
    final Map<String, EiaReason> eiaReasons = new LinkedHashMap<>();
    final Set<String> characteristics = new LinkedHashSet<>();
    final Map<String, Finding> eiaActions = new LinkedHashMap<>();
    final Map<String, Finding> challenges = new LinkedHashMap<>();
    /** The codes that block the proposal's gate stage, by code. */
    final Map<String, Finding> blockers = new LinkedHashMap<>();
    final java.util.BitSet trace = new java.util.BitSet();

    /**
     * Adds what another session recorded for the same proposal, keeping one finding per key as
     * {@link Recorder#keep} does.
     *
     * @param other the other record
     * @return this record
     */
    ProposalRecord absorb(ProposalRecord other) {
      other.scope.forEach((key, found) -> keep(scope, key, found));
      other.keyDecision.forEach((key, found) -> keep(keyDecision, key, found));
      other.impacts.forEach((key, found) -> keep(impacts, key, found));
      other.eiaReasons.forEach((key, found) -> keepHighest(eiaReasons, key, found));
      characteristics.addAll(other.characteristics);
      other.eiaActions.forEach((key, found) -> keep(eiaActions, key, found));
      other.challenges.forEach((key, found) -> keep(challenges, key, found));
      other.blockers.forEach((key, found) -> keep(blockers, key, found));
      trace.or(other.trace);
      return this;
    }
  }

  /** A reason an EIA is required. */
  record EiaReason(EiaKind kind, EiaLevel level, Finding finding) {
    String code() {
      return finding.code();
    }
  }

  /** A finding across the plan, before it is numbered. */
  record PortfolioEntry(String code, List<String> proposalIds, RuleInfo rule, String message) {}

  private final Map<Rule, RuleMeta> rules;
  private final Map<Proposal, ProposalRecord> byProposal = new java.util.IdentityHashMap<>();
  private final Map<String, ProposalRecord> byId = new HashMap<>();
  private final Map<String, PortfolioEntry> portfolio = new LinkedHashMap<>();
  private final Budget budget;
  private RuleMeta current;
  private final boolean openPoints;
  /** The session of the firing under way, into which points recorded are put as facts. */
  private org.kie.api.runtime.rule.RuleRuntime runtime;

  /**
   * @param rules the metadata of the session's rules, by Drools rule
   * @param budget the bounds the recording counts against
   * @param openPoints whether to put each challenge and EIA action recorded into the session as an
   *     {@link OpenPoint}: only when some rule can match one
   */
  Recorder(Map<Rule, RuleMeta> rules, Budget budget, boolean openPoints) {
    this.rules = rules;
    this.budget = budget;
    this.openPoints = openPoints;
  }

  /**
   * Makes a record for each proposal before the rules fire, so that recording is a lookup by
   * identity.
   */
  void expect(List<Proposal> proposals) {
    for (Proposal proposal : proposals) {
      ProposalRecord record = new ProposalRecord();
      byProposal.put(proposal, record);
      byId.put(proposal.id(), record);
    }
  }

  ProposalRecord of(Proposal proposal) {
    ProposalRecord record = byProposal.get(proposal);
    return record != null ? record : of(proposal.id());
  }

  ProposalRecord of(String proposalId) {
    return byId.computeIfAbsent(proposalId, id -> new ProposalRecord());
  }

  /**
   * @param proposalId a proposal's id
   * @return what the rules recorded for it, or null when they recorded nothing
   */
  ProposalRecord touched(String proposalId) {
    return byId.get(proposalId);
  }

  Collection<PortfolioEntry> portfolio() {
    return portfolio.values();
  }

  /** Firings since the clock was last read. */
  private int sinceChecked;
  private boolean haltedOverTime;

  /** Whether this session's rules were halted because the assessment ran out of time. */
  boolean haltedOverTime() {
    return haltedOverTime;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    // The clock is read every few firings (a firing takes microseconds); out of time, the session
    // is halted once this firing is done.
    if (++sinceChecked >= 16) {
      sinceChecked = 0;
      if (!haltedOverTime && budget.overTime()) {
        haltedOverTime = true;
        ((org.kie.api.runtime.KieSession) event.getKieRuntime()).halt();
      }
    }
    runtime = event.getKieRuntime();
    Rule rule = event.getMatch().getRule();
    current = rules.get(rule);
    if (current == null) {
      RuleInfo info = new RuleInfo(rule.getName(), rule.getName(), "", "", "", 0, List.of());
      current = new RuleMeta(info, Integer.MAX_VALUE, new TraceEntry(info.id(), info.name(), info.source()), List.of());
    }
    for (String declaration : current.proposalDeclarations()) {
      if (event.getMatch().getDeclarationValue(declaration) instanceof Proposal proposal) {
        trace(proposal);
      }
    }
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    current = null;
  }

  private RuleInfo rule() {
    return meta().info();
  }

  private RuleMeta meta() {
    if (current == null) {
      throw new IllegalStateException("findings may only be recorded from a rule's consequence");
    }
    return current;
  }

  private ProposalRecord trace(Proposal proposal) {
    return trace(of(proposal));
  }

  private ProposalRecord trace(ProposalRecord record) {
    RuleMeta rule = meta();
    if (rule.index() != Integer.MAX_VALUE) {
      record.trace.set(rule.index());
    }
    return record;
  }

  private static final Comparator<String> BY_RULE_THEN_MESSAGE = Comparator.naturalOrder();

  /**
   * Keeps one finding per key: the one from the lowest rule id, then the first message, so that the
   * result does not depend on the order in which rules happened to fire.
   */
  private static void keep(Map<String, Finding> findings, String key, Finding found) {
    findings.merge(key, found, (kept, other) -> {
      int byRule = kept.ruleId().compareTo(other.ruleId());
      return byRule < 0 || byRule == 0 && kept.message().compareTo(other.message()) <= 0 ? kept : other;
    });
  }

  /** Keeps the highest level found for each reason. */
  private static void keepHighest(Map<String, EiaReason> reasons, String key, EiaReason found) {
    reasons.merge(key, found, (kept, other) -> kept.level().covers(other.level()) ? kept : other);
  }

  /** Findings counted here and not yet added to the assessment's budget. */
  private int unspent;

  /** How many findings a recorder counts before it adds them to the budget. */
  private static final int SPEND_EVERY = 32;

  /** Counts a finding against the assessment's budget, and checks its texts. */
  private void spend(String code, String target, String message) {
    count();
    budget.text(code, "a finding code");
    budget.text(target, "a finding target");
    budget.text(message, "a finding message");
  }

  private void count() {
    if (++unspent == SPEND_EVERY) {
      settle();
    }
  }

  /** Adds the findings counted here to the assessment's budget: every few findings, and when the session ends. */
  void settle() {
    if (unspent > 0) {
      int count = unspent;
      unspent = 0;
      budget.findings(count);
    }
  }

  private Finding finding(String code, String target, String message) {
    spend(code, target, message);
    RuleInfo rule = rule();
    return new Finding(code, target, rule.id(), rule.source(), message);
  }

  @Override
  public void scope(Proposal proposal, String code, String message) {
    keep(trace(proposal).scope, code, finding(code, null, message));
  }

  @Override
  public void keyDecision(Proposal proposal, String message) {
    keep(trace(proposal).keyDecision, KEY_DECISION, finding(KEY_DECISION, null, message));
  }

  @Override
  public void impact(Proposal proposal, String code, String target, String message) {
    keep(trace(proposal).impacts, code + "\u0000" + target, finding(code, target, message));
  }

  @Override
  public void eiaReason(Proposal proposal, String code, EiaKind kind, EiaLevel level, String message) {
    keepHighest(trace(proposal).eiaReasons, code + "\u0000" + kind, new EiaReason(kind, level, finding(code, null, message)));
  }

  @Override
  public void characteristics(Proposal proposal, Collection<String> characteristics) {
    count();
    if (characteristics.size() > 1_000) {
      budget.text(String.join(",", characteristics), "a list of characteristics");
    }
    characteristics.forEach(characteristic -> budget.text(characteristic, "a characteristic"));
    trace(proposal).characteristics.addAll(characteristics);
  }

  @Override
  public void eiaAction(Proposal proposal, String code, String message) {
    keep(trace(proposal).eiaActions, code, finding(code, null, message));
    open(proposal, code);
  }

  @Override
  public void gateBlocker(Proposal proposal, String code, String message) {
    keep(trace(proposal).blockers, code, finding(code, null, message));
  }

  /**
   * Puts the point just recorded into the session as an {@link OpenPoint}, for the rules that
   * decide readiness at the gate to match.
   */
  private void open(Proposal proposal, String code) {
    if (openPoints && runtime != null) {
      runtime.insert(new OpenPoint(proposal.id(), code));
    }
  }

  @Override
  public void challenge(Proposal proposal, String code, String message) {
    keep(trace(proposal).challenges, code, finding(code, null, message));
    open(proposal, code);
  }

  @Override
  public void challenge(Proposal proposal, String code, String target, String message) {
    keep(trace(proposal).challenges, code, finding(code, target, message));
    open(proposal, code);
  }

  @Override
  public void portfolio(String code, Collection<String> proposalIds, String message) {
    spend(code, null, message);
    List<String> ids = new ArrayList<>(new TreeSet<>(proposalIds));
    ids.forEach(id -> trace(of(id)));
    keep(new PortfolioEntry(code, List.copyOf(ids), rule(), message));
  }

  /** Keeps one portfolio finding per code and proposals: the one from the lowest rule id, then the first message. */
  private void keep(PortfolioEntry entry) {
    portfolio.merge(entry.code() + "\u0000" + String.join("\u0000", entry.proposalIds()), entry,
        (kept, found) -> BY_RULE_THEN_MESSAGE.compare(kept.rule().id() + "\u0000" + kept.message(),
            found.rule().id() + "\u0000" + found.message()) <= 0 ? kept : found);
  }

  /**
   * Adds what another recorder collected in another session of the same assessment, keeping one
   * finding per key as each recorder does, so the result does not depend on which session ran first.
   *
   * @param other the other recorder
   */
  void absorb(Recorder other) {
    other.byId.forEach((id, record) -> of(id).absorb(record));
    other.portfolio.values().forEach(this::keep);
  }
}
