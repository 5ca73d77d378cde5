package org.councilgateway;

import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.Proposal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.councilgateway.internal.assess.Assembler;
import org.councilgateway.internal.assess.Sessions;

/** The gateway over a Drools rule set that can be swapped atomically. */
final class RuleGateway implements Gateway {
  private final AtomicReference<RuleSet> rules;
  private final GatewayOptions options;

  RuleGateway(RuleSet rules, GatewayOptions options) {
    this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public RuleSet ruleSet() {
    return rules.get();
  }

  @Override
  public Assessment assess(Proposal proposal, LocalDate asOf) {
    Objects.requireNonNull(proposal, "proposal");
    return Sessions.assess(rules.get().compiled(), List.of(proposal), asOf != null ? asOf : LocalDate.now(), options.limits(), options.executor())
        .assessments().get(0);
  }

  @Override
  public PlanAssessment assess(Plan plan, LocalDate asOf) {
    Objects.requireNonNull(plan, "plan");
    LocalDate date = asOf != null ? asOf : plan.asOf() != null ? plan.asOf() : LocalDate.now();
    RuleSet serving = rules.get();
    Assembler.Results results = Sessions.assess(serving.compiled(), plan.proposals(), date, options.limits(),
        options.executor());
    return new PlanAssessment(serving.version(), date, results.assessments(), results.portfolio(), plan.errors());
  }

  @Override
  public ReloadResult reload(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      RuleSet next = RuleSet.fromDirectory(directory, options);
      rules.set(next);
      return new ReloadResult(true, next.version(), List.of());
    } catch (GatewayException e) {
      return new ReloadResult(false, rules.get().version(), e.problems());
    }
  }
}
