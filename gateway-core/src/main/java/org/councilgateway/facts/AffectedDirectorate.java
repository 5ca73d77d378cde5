package org.councilgateway.facts;

import java.util.Objects;

/**
 * Derived by helper rules: a proposal affects a directorate other than its lead.
 *
 * @param proposalId the proposal
 * @param directorate the directorate affected
 * @param route how: {@code DECLARED}, {@code INTERDEPENDENCY} or {@code FUNDING}
 */
public record AffectedDirectorate(String proposalId, String directorate, String route) {

  /**
   * Checks the values.
   *
   * @param proposalId the proposal
   * @param directorate the directorate affected
   * @param route how: {@code DECLARED}, {@code INTERDEPENDENCY} or {@code FUNDING}
   */
  public AffectedDirectorate {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(directorate, "directorate");
    Objects.requireNonNull(route, "route");
  }
}
