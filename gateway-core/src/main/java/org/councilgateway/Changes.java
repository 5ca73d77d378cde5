package org.councilgateway;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.internal.ReadLimits;
import org.councilgateway.internal.compare.Comparison;

/**
 * What changed between an earlier assessment and a later one: since the last meeting (the later plan
 * against the earlier one's JSON report), or under other rules (the same plan under two rule sets).
 * For each proposal of the later assessment, whether it is new, changed or unchanged, with the
 * classification, route, key decision and EIA level that changed and the findings added and removed;
 * the proposals withdrawn; the findings across the plan added and removed.
 *
 * <p>The reports show it: {@link Reports#json(PlanAssessment, Changes, java.io.Writer)} adds the
 * {@code since} object and each assessment's {@code changes}, the text report a "Changes since"
 * section and the meeting pack marks each changed proposal. Immutable and safe to share.
 */
public final class Changes {
  private final Comparison comparison;

  private Changes(Comparison comparison) {
    this.comparison = comparison;
  }

  /**
   * Compares two assessments, of any plans, under any rule sets.
   *
   * @param before the earlier assessment
   * @param after the later one
   * @return what changed
   */
  public static Changes between(PlanAssessment before, PlanAssessment after) {
    return new Changes(Comparison.between(Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after")));
  }

  /**
   * Compares an assessment with an earlier one's JSON report (the output of {@link Reports#json}),
   * read within the default limits.
   *
   * @param previous the earlier assessment's JSON report
   * @param after the later assessment
   * @return what changed
   * @throws InvalidPlanException when the file cannot be read or is not the JSON report of an
   *     assessment; its problem names the file, the place in it and the fault
   */
  public static Changes since(Path previous, PlanAssessment after) {
    return since(previous, after, GatewayOptions.defaults());
  }

  /**
   * Compares an assessment with an earlier one's JSON report, read within the options' limits (the
   * plan's byte and number bounds apply to it).
   *
   * @param previous the earlier assessment's JSON report
   * @param after the later assessment
   * @param options the limits of the read
   * @return what changed
   * @throws InvalidPlanException when the file cannot be read or is not the JSON report of an
   *     assessment; its problem names the file, the place in it and the fault
   */
  public static Changes since(Path previous, PlanAssessment after, GatewayOptions options) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(after, "after");
    return new Changes(Comparison.since(previous, after, ReadLimits.of(options.limits())));
  }

  /**
   * The earlier assessment's date.
   *
   * @return the date
   */
  public LocalDate asOf() {
    return comparison.asOf();
  }

  /**
   * The version of the rule set that made the earlier assessment.
   *
   * @return {@code sha256:} and a hex digest, as the earlier report gave it
   */
  public String ruleSetVersion() {
    return comparison.ruleSetVersion();
  }

  /**
   * The proposals the earlier assessment held that the later plan does not (neither assessed nor
   * listed among its errors).
   *
   * @return their ids, in the earlier order
   */
  public List<String> withdrawn() {
    return comparison.withdrawn();
  }

  /**
   * What changed for one proposal of the later assessment.
   *
   * @param proposalId the proposal's id
   * @return its change, or null when the later assessment did not assess it
   */
  public Change of(String proposalId) {
    return comparison.changes().get(proposalId);
  }

  /**
   * What changed for every proposal of the later assessment.
   *
   * @return each change by proposal id, in the later assessment's order
   */
  public Map<String, Change> proposals() {
    return comparison.changes();
  }

  /**
   * The findings across the plan that the later assessment makes and the earlier did not.
   *
   * @return each as {@code CODE:ID1,ID2,...}, sorted
   */
  public List<String> portfolioAdded() {
    return comparison.portfolioAdded();
  }

  /**
   * The findings across the plan that the earlier assessment made and the later does not.
   *
   * @return each as {@code CODE:ID1,ID2,...}, sorted
   */
  public List<String> portfolioRemoved() {
    return comparison.portfolioRemoved();
  }

  /**
   * Counts the proposals of the later assessment with a status.
   *
   * @param status new, changed or unchanged
   * @return how many have it
   */
  public long count(Change.Status status) {
    return comparison.changes().values().stream().filter(c -> c.status() == status).count();
  }
}
