package org.councilgateway.scenario;

import java.time.LocalDate;
import java.util.List;
import org.councilgateway.Plan;

/**
 * One scenario: proposals, an assessment date, and what is expected.
 *
 * @param name its name, in plain English
 * @param file the file it came from, for messages
 * @param asOf the assessment date
 * @param plan the proposals, as read (with any errors in them)
 * @param expectations what is expected of each proposal
 * @param portfolioPresent portfolio findings that must be found, each {@code CODE} or
 *     {@code CODE:ID,ID,...}
 * @param portfolioAbsent portfolio findings that must not be found, in the same form
 * @param errors how many proposals should be invalid, or null to require none
 */
public record Scenario(String name, String file, LocalDate asOf, Plan plan, List<Expectation> expectations,
    List<String> portfolioPresent, List<String> portfolioAbsent, Integer errors) {

  /**
   * Copies the lists.
   *
   * @param name its name, in plain English
   * @param file the file it came from, for messages
   * @param asOf the assessment date
   * @param plan the proposals, as read (with any errors in them)
   * @param expectations what is expected of each proposal
   * @param portfolioPresent portfolio findings that must be found, each {@code CODE} or {@code CODE:ID,ID,...}
   * @param portfolioAbsent portfolio findings that must not be found, in the same form
   * @param errors how many proposals should be invalid, or null to require none
   */
  public Scenario {
    expectations = List.copyOf(expectations);
    portfolioPresent = List.copyOf(portfolioPresent);
    portfolioAbsent = List.copyOf(portfolioAbsent);
  }
}
