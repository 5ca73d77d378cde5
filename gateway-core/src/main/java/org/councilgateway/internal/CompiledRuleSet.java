package org.councilgateway.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ReferenceData;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * A rule set compiled into Drools knowledge bases, with its reference data, its version and the
 * metadata of every rule. Immutable and safe to share between threads: each assessment opens its
 * own sessions.
 *
 * <p>The rules are split in two knowledge bases (see {@link RuleRoles}): each proposal's own rules,
 * which run over batches of proposals, and the rules that look across the plan, which run once
 * over the whole plan.
 */
public final class CompiledRuleSet {
  /**
   * One knowledge base and its pool of sessions; disposing a pooled session resets it and returns
   * it for reuse, which saves building one per assessment.
   *
   * @param kieBase the knowledge base
   * @param sessions its pool of sessions
   * @param hasFindingsGlobal whether its rules declare the {@code findings} global
   */
  record Stage(KieBase kieBase, org.kie.api.runtime.KieSessionsPool sessions, boolean hasFindingsGlobal,
      List<org.drools.base.base.ObjectType> matchedTypes, java.util.concurrent.ConcurrentMap<Class<?>, Boolean> matches) {

    static Stage of(List<Model> models, Predicate<org.drools.model.Rule> keep) {
      List<Model> kept = models.stream().<Model>map(model -> new Subset(model, keep)).toList();
      KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(kept);
      boolean hasFindings = kieBase.getKiePackages().stream()
          .flatMap(p -> p.getGlobalVariables().stream())
          .anyMatch(g -> g.getName().equals("findings"));
      List<org.drools.base.base.ObjectType> types = ((org.drools.core.impl.InternalRuleBase) kieBase).getRete()
          .getObjectTypeNodes().stream().map(org.drools.core.reteoo.ObjectTypeNode::getObjectType).toList();
      return new Stage(kieBase, kieBase.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors()), hasFindings,
          types, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * @param fact a fact
     * @return whether any of the stage's rules could match it; a fact none could is not worth inserting
     */
    boolean matches(Object fact) {
      return matches.computeIfAbsent(fact.getClass(), type -> matchedTypes.stream().anyMatch(t -> t.isAssignableFrom(type)));
    }
  }

  /** A model with only some of its rules; its globals, types, queries and entry points all kept. */
  private record Subset(Model model, List<org.drools.model.Rule> rules) implements Model {
    Subset(Model model, Predicate<org.drools.model.Rule> keep) {
      this(model, model.getRules().stream().filter(keep).toList());
    }

    @Override
    public String getName() {
      return model.getName();
    }

    @Override
    public String getPackageName() {
      return model.getPackageName();
    }

    @Override
    public List<org.drools.model.Global> getGlobals() {
      return model.getGlobals();
    }

    @Override
    public List<org.drools.model.Rule> getRules() {
      return rules;
    }

    @Override
    public List<org.drools.model.Query> getQueries() {
      return model.getQueries();
    }

    @Override
    public List<org.drools.model.TypeMetaData> getTypeMetaDatas() {
      return model.getTypeMetaDatas();
    }

    @Override
    public List<org.drools.model.EntryPoint> getEntryPoints() {
      return model.getEntryPoints();
    }
  }

  private final Stage proposalRules;
  private final List<Stage> planRules;
  private final String version;
  private final ReferenceData referenceData;
  private final List<RuleInfo> rules;
  private final Map<Rule, RuleMeta> rulesByDrools;
  private final List<org.councilgateway.TraceEntry> traceEntries;
  private final List<Object> referenceFacts;
  private final Set<Object> referenceFactSet;
  private final KnownCodes knownCodes;

  private CompiledRuleSet(Stage proposalRules, List<Stage> planRules, String version, ReferenceData referenceData,
      List<RuleInfo> rules, Map<String, RuleInfo> infoByName) {
    this.proposalRules = proposalRules;
    this.planRules = planRules;
    this.version = version;
    this.referenceData = referenceData;
    this.rules = List.copyOf(rules);
    Map<Rule, RuleMeta> byRule = new IdentityHashMap<>();
    byRule.putAll(index(proposalRules.kieBase(), this.rules, infoByName));
    for (Stage stage : planRules) {
      byRule.putAll(index(stage.kieBase(), this.rules, infoByName));
    }
    this.rulesByDrools = Collections.unmodifiableMap(byRule);
    // Worked out once: every assessment inserts the same reference facts and checks the same codes.
    this.referenceFacts = referenceData.facts();
    this.referenceFactSet = Collections.newSetFromMap(new IdentityHashMap<>());
    this.referenceFactSet.addAll(referenceFacts);
    this.knownCodes = KnownCodes.of(referenceData);
    this.traceEntries = this.rules.stream().map(r -> new org.councilgateway.TraceEntry(r.id(), r.name(), r.source())).toList();
  }

  /**
   * Builds the knowledge bases of a rule set from its executable model.
   *
   * @param models the executable model
   * @param acrossPlan the rules, by package and name, that look across the plan
   * @param planRulesWrite whether any of those may insert, change or delete facts
   * @param version the rule set's version
   * @param referenceData its reference data
   * @param rules every rule's metadata, sorted by id
   * @param infoByName the metadata by package and rule name
   * @return the compiled rule set
   */
  static CompiledRuleSet of(List<Model> models, Set<String> acrossPlan, boolean planRulesWrite, String version,
      ReferenceData referenceData, List<RuleInfo> rules, Map<String, RuleInfo> infoByName) {
    Predicate<org.drools.model.Rule> planRule = rule -> acrossPlan.contains(key(rule));
    List<String> planRuleKeys = models.stream().flatMap(model -> model.getRules().stream()).filter(planRule)
        .map(CompiledRuleSet::key).sorted().toList();
    // Rules across the plan that only read facts are independent of each other: each gets a
    // knowledge base of its own, so that they run side by side. Otherwise they run together.
    List<Stage> plan = planRuleKeys.isEmpty() ? List.of()
        : planRulesWrite || planRuleKeys.size() == 1 ? List.of(Stage.of(models, planRule))
        : planRuleKeys.stream().map(only -> Stage.of(models, rule -> key(rule).equals(only))).toList();
    return new CompiledRuleSet(Stage.of(models, planRule.negate()), plan, version, referenceData, rules, infoByName);
  }

  private static String key(org.drools.model.Rule rule) {
    return key(rule.getPackage(), rule.getName());
  }

  /** @return each proposal's own rules */
  Stage proposalRules() {
    return proposalRules;
  }

  /** @return the rules that look across the plan, in stages that can run side by side; empty when there are none */
  List<Stage> planRules() {
    return planRules;
  }

  /** @return whether a fact is one of the reference facts every session starts with */
  boolean isReferenceFact(Object fact) {
    return referenceFactSet.contains(fact);
  }

  /** @return the reference data as the facts every session starts with */
  List<Object> referenceFacts() {
    return referenceFacts;
  }

  /** @return the codes the reference data defines */
  KnownCodes knownCodes() {
    return knownCodes;
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
  private static Map<Rule, RuleMeta> index(KieBase kieBase, List<RuleInfo> rules, Map<String, RuleInfo> infoByName) {
    Map<Rule, RuleMeta> byRule = new IdentityHashMap<>();
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
