package org.councilgateway.model;

import java.util.List;

/**
 * What a proposal says about equality impact assessments done so far.
 *
 * @param completed the assessments completed
 * @param assessorTrainingCurrent whether the assessor's equality training is current
 */
public record EiaRecord(List<CompletedEia> completed, boolean assessorTrainingCurrent) {

  /** Nothing completed, training not stated. */
  public static final EiaRecord NONE = new EiaRecord(List.of(), false);

  /**
   * Copies the list; null is empty.
   *
   * @param completed the assessments completed
   * @param assessorTrainingCurrent whether the assessor's equality training is current
   */
  public EiaRecord {
    completed = Lists.distinct(completed);
  }
}
