package org.councilgateway;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.councilgateway.internal.Assembler;
import org.councilgateway.internal.Sessions;

/** The gateway over a Drools rule set that can be swapped atomically. */
final class RuleGateway implements Gateway {
  private final AtomicReference<RuleSet> rules;
  private final Limits limits;

  RuleGateway(RuleSet rules, Limits limits) {
    this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public RuleSet ruleSet() {
    return rules.get();
  }

  @Override
  public Assessment assess(Proposal proposal, LocalDate asOf) {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(asOf, "asOf");
    return Sessions.assess(rules.get().compiled(), List.of(proposal), asOf, limits).assessments().get(0);
  }

  @Override
  public PlanAssessment assess(Plan plan, LocalDate asOf) {
    Objects.requireNonNull(plan, "plan");
    LocalDate date = asOf != null ? asOf : plan.asOf() != null ? plan.asOf() : LocalDate.now();
    RuleSet serving = rules.get();
    Assembler.Results results = Sessions.assess(serving.compiled(), plan.proposals(), date, limits);
    return new PlanAssessment(serving.version(), date, results.assessments(), results.portfolio(), plan.errors());
  }

  @Override
  public ReloadResult reload(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      RuleSet next = RuleSet.fromDirectory(directory, limits);
      rules.set(next);
      return new ReloadResult(true, next.version(), List.of());
    } catch (GatewayException e) {
      return new ReloadResult(false, rules.get().version(), e.problems());
    }
  }
}
