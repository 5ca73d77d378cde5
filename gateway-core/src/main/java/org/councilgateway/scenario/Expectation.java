package org.councilgateway.scenario;

import java.util.List;

/**
 * What a scenario expects of one proposal. A null value is not checked.
 *
 * @param proposalId the proposal
 * @param classification the expected classification, such as {@code COUNCIL_WIDE}
 * @param route the expected route
 * @param keyDecision whether it should be a key decision
 * @param eiaLevel the expected EIA level, such as {@code FULL} or {@code NONE}
 * @param present codes that must be present, each {@code CODE} or {@code CODE:TARGET}
 * @param absent codes that must be absent, each {@code CODE} or {@code CODE:TARGET}
 * @param ready whether it should be ready for the gate stage it gives
 * @param blockers exactly the codes that should block its gate stage, in output order
 */
public record Expectation(String proposalId, String classification, String route, Boolean keyDecision,
    String eiaLevel, List<String> present, List<String> absent, Boolean ready, List<String> blockers) {

  /**
   * Copies the lists.
   *
   * @param proposalId the proposal
   * @param classification the expected classification, such as {@code COUNCIL_WIDE}
   * @param route the expected route
   * @param keyDecision whether it should be a key decision
   * @param eiaLevel the expected EIA level, such as {@code FULL} or {@code NONE}
   * @param present codes that must be present, each {@code CODE} or {@code CODE:TARGET}
   * @param absent codes that must be absent, each {@code CODE} or {@code CODE:TARGET}
   * @param ready whether it should be ready for the gate stage it gives
   * @param blockers exactly the codes that should block its gate stage, in output order
   */
  public Expectation {
    blockers = blockers == null ? null : List.copyOf(blockers);
    present = present == null ? List.of() : List.copyOf(present);
    absent = absent == null ? List.of() : List.copyOf(absent);
  }
}
