package org.councilgateway.internal.compare;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.internal.ReadLimits;

/**
 * The differences between an earlier assessment and a later one: per proposal of the later one,
 * whether it is new, changed or unchanged and how; the proposals withdrawn; the findings across the
 * plan added and removed.
 *
 * @param asOf the earlier assessment's date
 * @param ruleSetVersion the earlier assessment's rule set version
 * @param changes per proposal assessed in the later one, by id in its order
 * @param withdrawn the ids of proposals in the earlier assessment that the later plan no longer holds,
 *     in the earlier order
 * @param portfolioAdded the findings across the plan that appear, as keys, sorted
 * @param portfolioRemoved the findings across the plan that disappear, as keys, sorted
 */
public record Comparison(LocalDate asOf, String ruleSetVersion, Map<String, Change> changes, List<String> withdrawn,
    List<String> portfolioAdded, List<String> portfolioRemoved) {

  /**
   * Copies the collections.
   *
   * @param asOf the earlier assessment's date
   * @param ruleSetVersion the earlier assessment's rule set version
   * @param changes per proposal assessed in the later one
   * @param withdrawn the ids of proposals withdrawn
   * @param portfolioAdded the findings across the plan that appear
   * @param portfolioRemoved the findings across the plan that disappear
   */
  public Comparison {
    changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    withdrawn = List.copyOf(withdrawn);
    portfolioAdded = List.copyOf(portfolioAdded);
    portfolioRemoved = List.copyOf(portfolioRemoved);
  }

  /**
   * Compares two assessments.
   *
   * @param before the earlier assessment
   * @param after the later one
   * @return the differences
   */
  public static Comparison between(PlanAssessment before, PlanAssessment after) {
    return compare(Snapshot.of(before), Snapshot.of(after));
  }

  /**
   * Compares an assessment with an earlier one's JSON report.
   *
   * @param previous the earlier assessment's JSON report
   * @param after the later assessment
   * @param limits the bounds of the read
   * @return the differences
   * @throws org.councilgateway.InvalidPlanException when the file cannot be read or is not the JSON
   *     report of an assessment
   */
  public static Comparison since(Path previous, PlanAssessment after, ReadLimits limits) {
    return compare(PreviousReport.read(previous, limits), Snapshot.of(after));
  }

  static Comparison compare(Snapshot before, Snapshot after) {
    Map<String, Change> changes = new LinkedHashMap<>();
    for (Outcome now : after.outcomes().values()) {
      Outcome then = before.outcomes().get(now.proposalId());
      changes.put(now.proposalId(), then == null
          ? new Change(Change.Status.NEW, List.of(), now.findings(), List.of())
          : change(then, now));
    }
    List<String> withdrawn = new ArrayList<>();
    for (String id : before.outcomes().keySet()) {
      if (!after.holds(id)) {
        withdrawn.add(id);
      }
    }
    return new Comparison(before.asOf(), before.ruleSetVersion(), changes, withdrawn,
        minus(after.portfolio(), before.portfolio()), minus(before.portfolio(), after.portfolio()));
  }

  private static Change change(Outcome then, Outcome now) {
    List<Change.Field> fields = new ArrayList<>();
    field(fields, "classification", then.classification(), now.classification());
    field(fields, "route", then.route(), now.route());
    field(fields, "keyDecision", then.keyDecision(), now.keyDecision());
    field(fields, "eia.level", then.eiaLevel(), now.eiaLevel());
    List<String> added = minus(now.findings(), then.findings());
    List<String> removed = minus(then.findings(), now.findings());
    boolean changed = !fields.isEmpty() || !added.isEmpty() || !removed.isEmpty();
    return new Change(changed ? Change.Status.CHANGED : Change.Status.UNCHANGED, fields, added, removed);
  }

  private static void field(List<Change.Field> fields, String name, Object before, Object after) {
    if (!before.equals(after)) {
      fields.add(new Change.Field(name, before, after));
    }
  }

  /** What {@code from} has that {@code other} lacks, sorted and distinct. */
  private static List<String> minus(List<String> from, List<String> other) {
    TreeSet<String> result = new TreeSet<>(from);
    result.removeAll(other);
    return List.copyOf(result);
  }
}
