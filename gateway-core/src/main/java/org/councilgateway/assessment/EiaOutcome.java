package org.councilgateway.assessment;

import org.councilgateway.model.EiaLevel;
import java.util.List;
import java.util.Objects;

/**
 * Whether a proposal needs an equality impact assessment, of which kinds and levels, and what follow-up.
 *
 * @param required true unless the level is {@link EiaLevel#NONE}
 * @param level the highest level of its kinds
 * @param characteristics the protected characteristics its client groups engage
 * @param assessments the kinds required, SERVICE before STAFFING
 * @param actions the follow-up actions
 */
public record EiaOutcome(
    boolean required,
    EiaLevel level,
    List<String> characteristics,
    List<EiaAssessment> assessments,
    List<Finding> actions) {

  /**
   * Checks the values and copies the lists.
   *
   * @param required true unless the level is {@link EiaLevel#NONE}
   * @param level the highest level of its kinds
   * @param characteristics the protected characteristics its client groups engage
   * @param assessments the kinds required, SERVICE before STAFFING
   * @param actions the follow-up actions
   */
  public EiaOutcome {
    Objects.requireNonNull(level, "level");
    if (required != (level != EiaLevel.NONE)) {
      throw new IllegalArgumentException("required must be " + (level != EiaLevel.NONE) + " at level " + level);
    }
    characteristics = List.copyOf(characteristics);
    assessments = List.copyOf(assessments);
    actions = List.copyOf(actions);
  }
}
