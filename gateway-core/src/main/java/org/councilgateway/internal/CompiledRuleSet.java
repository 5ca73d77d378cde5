package org.councilgateway.internal;

import java.util.List;
import java.util.Map;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ReferenceData;
import org.kie.api.KieBase;

/**
 * A rule set compiled into a Drools knowledge base, with its reference data, its version and the
 * metadata of every rule. Immutable and safe to share between threads: each assessment opens its
 * own session.
 *
 * @param kieBase the knowledge base
 * @param version the rule set's version
 * @param referenceData the reference data
 * @param rules every rule, by id
 * @param rulesByName every rule, by package and name as Drools reports them
 * @param hasFindingsGlobal whether the rules declare the {@code findings} global
 */
public record CompiledRuleSet(
    KieBase kieBase,
    String version,
    ReferenceData referenceData,
    List<RuleInfo> rules,
    Map<String, RuleInfo> rulesByName,
    boolean hasFindingsGlobal) {

  /** Copies the collections. */
  public CompiledRuleSet {
    rules = List.copyOf(rules);
    rulesByName = Map.copyOf(rulesByName);
  }

  static String key(String packageName, String ruleName) {
    return packageName + "." + ruleName;
  }
}
