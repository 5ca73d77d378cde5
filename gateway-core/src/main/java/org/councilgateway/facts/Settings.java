package org.councilgateway.facts;

/**
 * The local policy numbers, from the reference data.
 *
 * @param keyDecisionValue an annual value above this is a key decision
 * @param keyDecisionWards naming at least this many wards makes a key decision
 * @param eiaValidityMonths how long a completed EIA stays current
 * @param overlapWindowMonths how close two start dates must be to overlap
 * @param blanketReductionCount how many reductions by the same percentage make a blanket reduction
 * @param cumulativeProviderCount on how many reductions or decommissionings a voluntary-sector provider is hit cumulatively
 * @param serviceReviewValidityMonths how long a review of the existing service stays current
 * @param councilName the council's name for reports, or null; it decides nothing
 * @param local the local settings the reference data declares ({@code localSettings}), by name;
 *     never null
 */
public record Settings(
    long keyDecisionValue,
    int keyDecisionWards,
    int eiaValidityMonths,
    int overlapWindowMonths,
    int blanketReductionCount,
    int cumulativeProviderCount,
    int serviceReviewValidityMonths,
    String councilName,
    org.councilgateway.model.LocalValues local) {

  /** The service review validity when the reference data does not set one, in months. */
  public static final int DEFAULT_SERVICE_REVIEW_VALIDITY_MONTHS = 12;

  /**
   * Checks the values.
   *
   * @param keyDecisionValue an annual value above this is a key decision
   * @param keyDecisionWards naming at least this many wards makes a key decision
   * @param eiaValidityMonths how long a completed EIA stays current
   * @param overlapWindowMonths how close two start dates must be to overlap
   * @param blanketReductionCount how many reductions by the same percentage make a blanket reduction
   * @param cumulativeProviderCount on how many reductions or decommissionings a voluntary-sector provider is hit cumulatively
   * @param serviceReviewValidityMonths how long a review of the existing service stays current
   * @param councilName the council's name for reports, or null; it decides nothing
   * @param local the local settings, or null for none
   */
  public Settings {
    local = local == null ? org.councilgateway.model.LocalValues.EMPTY : local;
    if (keyDecisionValue < 0) {
      throw new IllegalArgumentException("keyDecisionValue must not be negative but was " + keyDecisionValue);
    }
    requirePositive("keyDecisionWards", keyDecisionWards);
    requirePositive("eiaValidityMonths", eiaValidityMonths);
    if (overlapWindowMonths < 0) {
      throw new IllegalArgumentException("overlapWindowMonths must not be negative but was " + overlapWindowMonths);
    }
    requirePositive("blanketReductionCount", blanketReductionCount);
    requirePositive("cumulativeProviderCount", cumulativeProviderCount);
    requirePositive("serviceReviewValidityMonths", serviceReviewValidityMonths);
  }

  /**
   * Settings with no local settings.
   *
   * @param keyDecisionValue an annual value above this is a key decision
   * @param keyDecisionWards naming at least this many wards makes a key decision
   * @param eiaValidityMonths how long a completed EIA stays current
   * @param overlapWindowMonths how close two start dates must be to overlap
   * @param blanketReductionCount how many reductions by the same percentage make a blanket reduction
   * @param cumulativeProviderCount on how many reductions or decommissionings a voluntary-sector provider is hit cumulatively
   * @param serviceReviewValidityMonths how long a review of the existing service stays current
   * @param councilName the council's name for reports, or null; it decides nothing
   */
  public Settings(long keyDecisionValue, int keyDecisionWards, int eiaValidityMonths, int overlapWindowMonths,
      int blanketReductionCount, int cumulativeProviderCount, int serviceReviewValidityMonths, String councilName) {
    this(keyDecisionValue, keyDecisionWards, eiaValidityMonths, overlapWindowMonths, blanketReductionCount,
        cumulativeProviderCount, serviceReviewValidityMonths, councilName, null);
  }

  /**
   * Every whole-number setting by name: the gateway's own, in the order the reference data lists
   * them, then the local settings of type number. A scenario reads them as
   * {@code "{keyDecisionValue} + 1"}.
   *
   * @return the settings, in that order
   */
  public java.util.Map<String, Long> numbers() {
    java.util.Map<String, Long> numbers = new java.util.LinkedHashMap<>();
    numbers.put("keyDecisionValue", keyDecisionValue);
    numbers.put("keyDecisionWards", (long) keyDecisionWards);
    numbers.put("eiaValidityMonths", (long) eiaValidityMonths);
    numbers.put("overlapWindowMonths", (long) overlapWindowMonths);
    numbers.put("blanketReductionCount", (long) blanketReductionCount);
    numbers.put("cumulativeProviderCount", (long) cumulativeProviderCount);
    numbers.put("serviceReviewValidityMonths", (long) serviceReviewValidityMonths);
    local.values().forEach((name, value) -> {
      if (value instanceof Long number) {
        numbers.put(name, number);
      }
    });
    return java.util.Collections.unmodifiableMap(numbers);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
    }
  }
}
