package org.councilgateway.internal.assess;

import java.util.Comparator;
import java.util.List;

/**
 * The order of codes in the tables of docs/policy.md, which the output follows. A code a custom rule set adds
 * comes after the known ones, alphabetically.
 */
final class PolicyOrder {
  static final List<String> SCOPE = List.of("SCOPE_COUNCIL_WIDE_SERVICE", "SCOPE_OTHER_DIRECTORATE_AFFECTED",
      "SCOPE_INTERDEPENDENT_SERVICE", "SCOPE_SHARED_FUNDING");
  static final List<String> IMPACTS = List.of("CROSS_DIRECTORATE_IMPACT", "SERVICE_INTERDEPENDENCY",
      "PARTNER_COMMISSIONER", "EXTERNAL_FUNDING", "THIRD_SECTOR_PROVIDER_IMPACT", "PROVIDER_HOLDS_OTHER_CONTRACTS",
      "JOINT_WORKPLAN_PARTNER");
  static final List<String> EIA_REASONS = List.of("EIA_DECOMMISSIONING", "EIA_SERVICE_REDUCTION",
      "EIA_ELIGIBILITY_CHANGE", "EIA_PROTECTED_GROUPS", "EIA_STAFF_REDUCTION", "EIA_STAFF_CHANGE");
  static final List<String> EIA_ACTIONS = List.of("EIA_OUTSTANDING", "EIA_REFRESH", "EIA_ASSESSOR_TRAINING",
      "EIA_POST_DECOMMISSIONING_REVIEW");
  static final List<String> CHALLENGES = List.of("CHALLENGE_OBJECTIVES", "CHALLENGE_OUTCOMES",
      "CHALLENGE_DELIVERY_OPTIONS", "CHALLENGE_IN_HOUSE_OPTION", "CHALLENGE_STAKEHOLDERS", "CHALLENGE_RISKS",
      "CHALLENGE_PAYMENT_MODEL", "CHALLENGE_PROVIDER_DUE_DILIGENCE", "CHALLENGE_CONFLICT_OF_INTEREST",
      "CHALLENGE_SAFEGUARDING", "CHALLENGE_MEMBER_REPORTING", "CHALLENGE_PROVIDER_PERFORMANCE",
      "CHALLENGE_PERFORMANCE_EVIDENCE", "CHALLENGE_SERVICE_REVIEW", "CHALLENGE_SOCIAL_VALUE",
      "CHALLENGE_CONTRACT_MONITORING", "CHALLENGE_MONITORING_LEVEL");
  static final List<String> PORTFOLIO = List.of("OVERLAP_JOIN_UP", "PROVIDER_UNDERPERFORMING_ELSEWHERE",
      "BLANKET_REDUCTION", "CUMULATIVE_PROVIDER_IMPACT");
  static final List<String> WARNINGS = List.of("UNKNOWN_SERVICE_AREA", "UNKNOWN_DIRECTORATE",
      "UNKNOWN_CLIENT_GROUP", "UNKNOWN_PARTNER", "EIA_DATED_AFTER_AS_OF", "REVIEW_DATED_AFTER_AS_OF");

  private PolicyOrder() {}

  /**
   * Orders codes as they stand in a table, unknown codes last and alphabetically.
   *
   * @param table the codes in order
   * @return the comparator
   */
  static Comparator<String> of(List<String> table) {
    return Comparator.<String>comparingInt(code -> {
      int index = table.indexOf(code);
      return index < 0 ? table.size() : index;
    }).thenComparing(Comparator.naturalOrder());
  }

  /** Orders targets, absent first. */
  static final Comparator<String> TARGET = Comparator.nullsFirst(Comparator.naturalOrder());

  /** Orders lists of ids element by element, a shorter prefix first. */
  static final Comparator<List<String>> IDS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };
}
