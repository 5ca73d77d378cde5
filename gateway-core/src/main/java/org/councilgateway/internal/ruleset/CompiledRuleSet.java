package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.RuleDetail;

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
   * @param rulesByDrools each of its rules' metadata, by the Drools rule object (identity)
   * @param matchedTypes the types of fact its rules match
   * @param matches whether its rules match a class of fact, worked out once per class
   */
  public record Stage(KieBase kieBase, org.kie.api.runtime.KieSessionsPool sessions, boolean hasFindingsGlobal,
      Map<Rule, RuleMeta> rulesByDrools, List<org.drools.base.base.ObjectType> matchedTypes,
      java.util.concurrent.ConcurrentMap<Class<?>, Boolean> matches) {

    static Stage of(List<Model> models, Predicate<org.drools.model.Rule> keep,
        java.util.function.Function<KieBase, Map<Rule, RuleMeta>> index) {
      List<Model> kept = models.stream().<Model>map(model -> new Subset(model, keep)).toList();
      KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(kept);
      boolean hasFindings = kieBase.getKiePackages().stream()
          .flatMap(p -> p.getGlobalVariables().stream())
          .anyMatch(g -> g.getName().equals("findings"));
      List<org.drools.base.base.ObjectType> types = ((org.drools.core.impl.InternalRuleBase) kieBase).getRete()
          .getObjectTypeNodes().stream().map(org.drools.core.reteoo.ObjectTypeNode::getObjectType).toList();
      return new Stage(kieBase, kieBase.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors()), hasFindings,
          Collections.unmodifiableMap(index.apply(kieBase)), types, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * @param fact a fact
     * @return whether any of the stage's rules could match it; a fact none could is not worth inserting
     */
    public boolean matches(Object fact) {
      return matchesType(fact.getClass());
    }

    /**
     * @param type a class of fact
     * @return whether any of the stage's rules could match a fact of that class
     */
    public boolean matchesType(Class<?> type) {
      return matches.computeIfAbsent(type, t -> matchedTypes.stream().anyMatch(m -> m.isAssignableFrom(t)));
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
    @SuppressWarnings("rawtypes") // Drools' Model declares the raw type
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
  private final Stage planRules;
  private final java.util.function.Supplier<List<Stage>> planRulesApart;
  private volatile List<Stage> planRulesSideBySide;
  private final String version;
  private final ReferenceData referenceData;
  private final List<RuleInfo> rules;
  private final List<org.councilgateway.assessment.TraceEntry> traceEntries;
  private final List<Object> referenceFacts;
  private final KnownCodes knownCodes;
  private final Map<String, RuleDetail> details;

  private CompiledRuleSet(Stage proposalRules, Stage planRules, java.util.function.Supplier<List<Stage>> planRulesApart,
      String version, ReferenceData referenceData, List<RuleInfo> rules, Map<String, RuleDetail> details) {
    this.proposalRules = proposalRules;
    this.planRules = planRules;
    this.planRulesApart = planRulesApart;
    this.version = version;
    this.referenceData = referenceData;
    this.rules = List.copyOf(rules);
    this.details = Map.copyOf(details);
    // Worked out once: every assessment inserts the same reference facts and checks the same codes.
    this.referenceFacts = referenceData.facts();
    this.knownCodes = KnownCodes.of(referenceData);
    this.traceEntries = this.rules.stream().map(r -> new org.councilgateway.assessment.TraceEntry(r.id(), r.name(), r.source())).toList();
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
   * @param details each rule's detail for the catalogue, by id
   * @return the compiled rule set
   */
  static CompiledRuleSet of(List<Model> models, Set<String> acrossPlan, boolean planRulesWrite, String version,
      ReferenceData referenceData, List<RuleInfo> rules, Map<String, RuleInfo> infoByName,
      Map<String, RuleDetail> details) {
    List<RuleInfo> sorted = List.copyOf(rules);
    java.util.function.Function<KieBase, Map<Rule, RuleMeta>> index = kieBase -> index(kieBase, sorted, infoByName);
    Predicate<org.drools.model.Rule> planRule = rule -> acrossPlan.contains(key(rule));
    List<String> planRuleKeys = models.stream().flatMap(model -> model.getRules().stream()).filter(planRule)
        .map(CompiledRuleSet::key).sorted().toList();
    Stage plan = planRuleKeys.isEmpty() ? null : Stage.of(models, planRule, index);
    // Rules across the plan that only read facts are independent of each other: for a long plan
    // each gets a knowledge base of its own, built when first needed, so that they run side by side.
    java.util.function.Supplier<List<Stage>> apart = planRulesWrite || planRuleKeys.size() < 2
        ? () -> plan == null ? List.of() : List.of(plan)
        : () -> planRuleKeys.stream().map(only -> Stage.of(models, rule -> key(rule).equals(only), index)).toList();
    return new CompiledRuleSet(Stage.of(models, planRule.negate(), index), plan, apart, version, referenceData, sorted,
        details);
  }

  private static String key(org.drools.model.Rule rule) {
    return key(rule.getPackage(), rule.getName());
  }

  /** @return each proposal's own rules */
  public Stage proposalRules() {
    return proposalRules;
  }

  /** @return the rules that look across the plan, in one knowledge base; null when there are none */
  public Stage planRules() {
    return planRules;
  }

  /**
   * @return the rules that look across the plan, in knowledge bases that can run side by side (one,
   *     the same as {@link #planRules()}, when they cannot); empty when there are none
   */
  public List<Stage> planRulesSideBySide() {
    List<Stage> stages = planRulesSideBySide;
    if (stages == null) {
      synchronized (this) {
        stages = planRulesSideBySide;
        if (stages == null) {
          stages = planRulesApart.get();
          planRulesSideBySide = stages;
        }
      }
    }
    return stages;
  }

  /** @return the reference data as the facts every session starts with */
  public List<Object> referenceFacts() {
    return referenceFacts;
  }

  /** @return the codes the reference data defines */
  public KnownCodes knownCodes() {
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

  /**
   * @param id a rule's id
   * @return whether it is a helper, and the text of its conditions and actions, for the catalogue;
   *     not a helper and no text for an id the rule set does not hold
   */
  public RuleDetail detail(String id) {
    return details.getOrDefault(id, RuleDetail.UNKNOWN);
  }

  /** @return the trace entry of each rule, in id order */
  public List<org.councilgateway.assessment.TraceEntry> traceEntries() {
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
          info = new RuleInfo(rule.getName(), rule.getName(), "", "", "", 0, List.of());
        }
        List<String> proposals = new java.util.ArrayList<>();
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
          impl.getDeclarations().forEach((name, declaration) -> {
            if (declaration.getDeclarationClass() == org.councilgateway.model.Proposal.class) {
              proposals.add(name);
            }
          });
        }
        int index = rules.indexOf(info);
        byRule.put(rule, new RuleMeta(info, index < 0 ? rules.size() : index,
            new org.councilgateway.assessment.TraceEntry(info.id(), info.name(), info.source()), proposals));
      }
    }
    return byRule;
  }

  static String key(String packageName, String ruleName) {
    return packageName + "." + ruleName;
  }
}
