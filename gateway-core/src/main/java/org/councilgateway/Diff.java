package org.councilgateway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.PlanAssessment;

/**
 * What a change to the rules would change: the same proposals assessed under a base rule set and
 * under changed rules, and every proposal whose outcome differs (the classification, route, key
 * decision and EIA level that changed, the findings added and removed), with the findings across
 * the plan added and removed. The same change model as {@link Changes}, kept only where it differs.
 *
 * <pre>{@code
 * PlanAssessment base = Gateway.bundled().assess(plan, asOf);
 * PlanAssessment changed = Gateway.fromDirectory(editedRules).assess(plan, asOf);
 * Diff diff = Diff.between(base, changed);
 * if (!diff.isEmpty()) { Reports.text(diff, out); }
 * }</pre>
 *
 * <p>Immutable and safe to share.
 */
public final class Diff {
  private final String baseVersion;
  private final String rulesVersion;
  private final LocalDate asOf;
  private final List<Entry> proposals;
  private final List<String> portfolioAdded;
  private final List<String> portfolioRemoved;

  /**
   * One proposal whose outcome differs.
   *
   * @param scenario the scenario file it comes from, or null when the diff is of one plan
   * @param proposalId the proposal's id
   * @param title the proposal's title
   * @param change how its outcome differs; never {@link Change.Status#UNCHANGED}
   */
  public record Entry(String scenario, String proposalId, String title, Change change) {

    /**
     * Checks the values.
     *
     * @param scenario the scenario file, or null
     * @param proposalId the proposal's id
     * @param title the proposal's title
     * @param change how its outcome differs
     */
    public Entry {
      Objects.requireNonNull(proposalId, "proposalId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(change, "change");
    }
  }

  /**
   * One plan assessed under both rule sets.
   *
   * @param scenario the scenario file it comes from, or null for a plan
   * @param base its assessment under the base rules
   * @param changed its assessment under the changed rules, as of the same date
   */
  public record Part(String scenario, PlanAssessment base, PlanAssessment changed) {

    /**
     * Checks the values.
     *
     * @param scenario the scenario file, or null
     * @param base its assessment under the base rules
     * @param changed its assessment under the changed rules
     */
    public Part {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(changed, "changed");
    }
  }

  private Diff(String baseVersion, String rulesVersion, LocalDate asOf, List<Entry> proposals,
      List<String> portfolioAdded, List<String> portfolioRemoved) {
    this.baseVersion = baseVersion;
    this.rulesVersion = rulesVersion;
    this.asOf = asOf;
    this.proposals = List.copyOf(proposals);
    this.portfolioAdded = List.copyOf(portfolioAdded);
    this.portfolioRemoved = List.copyOf(portfolioRemoved);
  }

  /**
   * Compares one plan's assessments under two rule sets.
   *
   * @param base the plan assessed under the base rules
   * @param changed the same plan assessed under the changed rules, as of the same date
   * @return what differs
   */
  public static Diff between(PlanAssessment base, PlanAssessment changed) {
    return of(List.of(new Part(null, base, changed)));
  }

  /**
   * Compares several plans (the scenarios of a directory, say), each assessed under both rule sets.
   * A finding across a plan is named {@code SCENARIO: CODE:IDS} when its part has a scenario.
   *
   * @param parts each plan's two assessments, in the order to report them; at least one
   * @return what differs
   * @throws IllegalArgumentException when there are no parts
   */
  public static Diff of(List<Part> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("A diff needs at least one plan.");
    }
    List<Entry> entries = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    LocalDate asOf = parts.get(0).changed().asOf();
    for (Part part : parts) {
      Changes changes = Changes.between(part.base(), part.changed());
      for (Assessment a : part.changed().assessments()) {
        Change change = changes.of(a.proposalId());
        if (change.status() != Change.Status.UNCHANGED) {
          entries.add(new Entry(part.scenario(), a.proposalId(), a.proposal().title(), change));
        }
      }
      String prefix = part.scenario() == null ? "" : part.scenario() + ": ";
      changes.portfolioAdded().forEach(key -> added.add(prefix + key));
      changes.portfolioRemoved().forEach(key -> removed.add(prefix + key));
      if (!part.changed().asOf().equals(asOf)) {
        asOf = null;
      }
    }
    Part first = parts.get(0);
    return new Diff(first.base().ruleSetVersion(), first.changed().ruleSetVersion(), asOf, entries, added, removed);
  }

  /**
   * The base rule set's version.
   *
   * @return {@code sha256:} and a hex digest
   */
  public String baseVersion() {
    return baseVersion;
  }

  /**
   * The changed rule set's version.
   *
   * @return {@code sha256:} and a hex digest
   */
  public String rulesVersion() {
    return rulesVersion;
  }

  /**
   * The date both assessed as of.
   *
   * @return the date, or null when the plans compared (scenarios) have different dates
   */
  public LocalDate asOf() {
    return asOf;
  }

  /**
   * The proposals whose outcome differs, in plan order.
   *
   * @return each with how it differs
   */
  public List<Entry> proposals() {
    return proposals;
  }

  /**
   * The findings across the plan that only the changed rules make.
   *
   * @return each as {@code CODE:ID1,ID2,...}, sorted per plan
   */
  public List<String> portfolioAdded() {
    return portfolioAdded;
  }

  /**
   * The findings across the plan that only the base rules make.
   *
   * @return each as {@code CODE:ID1,ID2,...}, sorted per plan
   */
  public List<String> portfolioRemoved() {
    return portfolioRemoved;
  }

  /**
   * Tells whether the change to the rules changes nothing for these proposals.
   *
   * @return true when no proposal's outcome and no finding across the plan differs
   */
  public boolean isEmpty() {
    return proposals.isEmpty() && portfolioAdded.isEmpty() && portfolioRemoved.isEmpty();
  }
}
