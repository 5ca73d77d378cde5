package org.councilgateway.internal;

import java.util.List;
import java.util.Map;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ReferenceData;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A rule set compiled into a Drools knowledge base, with its reference data, its version and the
 * metadata of every rule. Immutable and safe to share between threads: each assessment opens its
 * own session.
 */
public final class CompiledRuleSet {
  private final KieBase kieBase;
  private final String version;
  private final ReferenceData referenceData;
  private final List<RuleInfo> rules;
  private final Map<Rule, RuleMeta> rulesByDrools;
  private final boolean hasFindingsGlobal;
  private final List<org.councilgateway.TraceEntry> traceEntries;
  private final org.kie.api.runtime.KieSessionsPool sessions;
  private final List<Object> referenceFacts;
  private final KnownCodes knownCodes;

  CompiledRuleSet(KieBase kieBase, String version, ReferenceData referenceData, List<RuleInfo> rules,
      Map<Rule, RuleMeta> rulesByDrools, boolean hasFindingsGlobal) {
    this.kieBase = kieBase;
    this.version = version;
    this.referenceData = referenceData;
    this.rules = List.copyOf(rules);
    this.rulesByDrools = java.util.Collections.unmodifiableMap(rulesByDrools);
    this.hasFindingsGlobal = hasFindingsGlobal;
    // Disposing a pooled session resets it and returns it for reuse, which saves building one per assessment.
    // Worked out once: every assessment inserts the same reference facts and checks the same codes.
    this.referenceFacts = referenceData.facts();
    this.knownCodes = KnownCodes.of(referenceData);
    this.sessions = kieBase.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors());
    this.traceEntries = this.rules.stream().map(r -> new org.councilgateway.TraceEntry(r.id(), r.name(), r.source())).toList();
  }

  /** @return the pool of sessions on the knowledge base; a disposed session goes back to it */
  org.kie.api.runtime.KieSessionsPool sessions() {
    return sessions;
  }

  /** @return the reference data as the facts every session starts with */
  List<Object> referenceFacts() {
    return referenceFacts;
  }

  /** @return the codes the reference data defines */
  KnownCodes knownCodes() {
    return knownCodes;
  }

  /** @return the knowledge base */
  public KieBase kieBase() {
    return kieBase;
  }

  /** @return the rule set's version */
  public String version() {
    return version;
  }

  /** @return the reference data */
  public ReferenceData referenceData() {
    return referenceData;
  }

  /** @return every rule, by id */
  public List<RuleInfo> rules() {
    return rules;
  }

  /** @return every rule's metadata, by the Drools rule object (identity) */
  Map<Rule, RuleMeta> rulesByDrools() {
    return rulesByDrools;
  }

  /** @return whether the rules declare the {@code findings} global */
  public boolean hasFindingsGlobal() {
    return hasFindingsGlobal;
  }

  /** @return the trace entry of each rule, in id order */
  List<org.councilgateway.TraceEntry> traceEntries() {
    return traceEntries;
  }

  /**
   * Works out each Drools rule's metadata, position and proposal declarations.
   *
   * @param kieBase the knowledge base
   * @param rules the rules' metadata, sorted by id
   * @param infoByName the metadata by package and rule name
   * @return the map, by rule identity
   */
  static Map<Rule, RuleMeta> index(KieBase kieBase, List<RuleInfo> rules, Map<String, RuleInfo> infoByName) {
    Map<Rule, RuleMeta> byRule = new java.util.IdentityHashMap<>();
    for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        RuleInfo info = infoByName.get(key(rule.getPackageName(), rule.getName()));
        if (info == null) {
          info = new RuleInfo(rule.getName(), rule.getName(), "", "", "", 0);
        }
        List<String> proposals = new java.util.ArrayList<>();
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
          impl.getDeclarations().forEach((name, declaration) -> {
            if (declaration.getDeclarationClass() == org.councilgateway.Proposal.class) {
              proposals.add(name);
            }
          });
        }
        int index = rules.indexOf(info);
        byRule.put(rule, new RuleMeta(info, index < 0 ? rules.size() : index,
            new org.councilgateway.TraceEntry(info.id(), info.name(), info.source()), proposals));
      }
    }
    return byRule;
  }

  static String key(String packageName, String ruleName) {
    return packageName + "." + ruleName;
  }
}
