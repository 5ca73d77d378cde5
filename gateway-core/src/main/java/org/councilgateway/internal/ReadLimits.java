package org.councilgateway.internal;

/**
 * Limits on what the plan reader accepts, so that a hostile or broken document fails with a clear
 * message rather than exhausting memory.
 *
 * @param maxDocumentChars the longest document, in characters
 * @param maxNestingDepth the deepest nesting of objects and lists
 * @param maxStringLength the longest string value
 * @param maxNumberLength the longest number, in digits
 * @param maxYamlAliases the most YAML aliases for collections
 */
public record ReadLimits(long maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNumberLength,
    int maxYamlAliases) {

  /** Defaults that accept plans of hundreds of thousands of proposals. */
  public static final ReadLimits DEFAULTS = new ReadLimits(1_000_000_000L, 64, 1_000_000, 100, 50);
}
