package org.councilgateway;

import org.councilgateway.model.Proposal;
import java.time.LocalDate;
import java.util.List;

/**
 * A forward plan as read: the proposals that can be assessed, and the problems with those that cannot.
 *
 * @param asOf the assessment date the plan gives, or null
 * @param proposals the valid proposals, in input order
 * @param errors a problem per fault in the invalid proposals, by index then path
 */
public record Plan(LocalDate asOf, List<Proposal> proposals, List<InputError> errors) {

  /**
   * Copies the lists.
   *
   * @throws InvalidPlanException when two proposals have the same id
   *
   * @param asOf the assessment date the plan gives, or null
   * @param proposals the valid proposals, in input order
   * @param errors a problem per fault in the invalid proposals, by index then path
   */
  public Plan {
    proposals = List.copyOf(proposals);
    errors = List.copyOf(errors);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Proposal proposal : proposals) {
      if (!ids.add(proposal.id())) {
        Problem problem = new Problem(null, 0, 0, "Two proposals have the id " + proposal.id() + ".");
        throw new InvalidPlanException(problem.message(), List.of(problem));
      }
    }
  }

  /**
   * A plan of valid proposals with no date.
   *
   * @param proposals the proposals
   * @return the plan
   */
  public static Plan of(List<Proposal> proposals) {
    return new Plan(null, proposals, List.of());
  }
}
