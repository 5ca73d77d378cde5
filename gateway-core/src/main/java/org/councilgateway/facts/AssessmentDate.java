package org.councilgateway.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date the assessment is made as of; rules use it, never the wall clock, so a decision can be
 * reproduced.
 *
 * @param date the date
 */
public record AssessmentDate(LocalDate date) {

  /**
   * Checks the value.
   *
   * @param date the date
   */
  public AssessmentDate {
    Objects.requireNonNull(date, "date");
  }
}
