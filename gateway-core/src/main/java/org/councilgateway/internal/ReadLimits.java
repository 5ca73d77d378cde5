package org.councilgateway.internal;

import org.councilgateway.Limits;

/**
 * Limits on what the plan reader accepts, so that a hostile or broken document fails with a clear
 * message rather than exhausting memory.
 *
 * @param maxDocumentChars the longest document, in characters, and the largest plan file, in bytes
 * @param maxNestingDepth the deepest nesting of objects and lists
 * @param maxStringLength the longest string value, and the longest number as written
 * @param maxNumberLength the most digits in a number; more is an error for the proposal holding it
 * @param maxYamlAliases the most YAML aliases for collections
 * @param maxNumberScale the largest power of ten in a number, either way; beyond is an error for
 *     the proposal holding it
 */
public record ReadLimits(long maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNumberLength,
    int maxYamlAliases, int maxNumberScale) {

  /** Defaults that accept plans of hundreds of thousands of proposals. */
  public static final ReadLimits DEFAULTS = of(Limits.DEFAULTS);

  /**
   * The reader's limits for a gateway's limits.
   *
   * @param limits the gateway's limits
   * @return the plan size and number bounds of {@code limits}, with the fixed bounds on nesting,
   *     strings and aliases
   */
  public static ReadLimits of(Limits limits) {
    return new ReadLimits(limits.planBytes(), 64, 1_000_000, limits.numberDigits(), 50, limits.numberScale());
  }
}
