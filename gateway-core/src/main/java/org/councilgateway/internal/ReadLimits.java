package org.councilgateway.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.councilgateway.Limits;
import org.yaml.snakeyaml.LoaderOptions;

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
 * @param maxSheetRows the most proposals (non-empty rows) a spreadsheet plan may have
 */
public record ReadLimits(long maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNumberLength,
    int maxYamlAliases, int maxNumberScale, int maxSheetRows) {

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
    return new ReadLimits(limits.planBytes(), 64, 1_000_000, limits.numberDigits(), 50, limits.numberScale(),
        limits.sheetRows());
  }

  /**
   * The bounds for a rule set's reference data: a rule file's size, and the numbers of a plan.
   *
   * @param limits the gateway's limits
   * @return the reader's limits for reference data
   */
  public static ReadLimits forRuleFiles(Limits limits) {
    int fileChars = (int) Math.min(Integer.MAX_VALUE, limits.ruleFileBytes());
    return new ReadLimits(limits.ruleFileBytes(), 64, fileChars, limits.numberDigits(), 50, limits.numberScale(),
        limits.sheetRows());
  }

  /**
   * A JSON factory whose parsers keep these limits. The number's digits and power of ten are
   * checked as {@link BoundedTree} builds the tree (an error for the value that holds it), so the
   * parser only refuses a number longer than any string.
   *
   * @return the factory
   */
  public JsonFactory jsonFactory() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  /**
   * A YAML factory whose parsers keep these limits, as {@link #jsonFactory()} does, and bound
   * aliases. Duplicate keys are let through to {@link BoundedTree}, which refuses them at the
   * second key's start rather than its end.
   *
   * @return the factory
   */
  public YAMLFactory yamlFactory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxDocumentChars));
    loader.setMaxAliasesForCollections(maxYamlAliases);
    loader.setNestingDepthLimit(maxNestingDepth);
    loader.setAllowDuplicateKeys(true);
    return YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints()).build();
  }

  /**
   * A CSV factory whose parsers keep these limits, as {@link #jsonFactory()} does: no cell longer
   * than the longest string.
   *
   * @return the factory
   */
  public com.fasterxml.jackson.dataformat.csv.CsvFactory csvFactory() {
    return com.fasterxml.jackson.dataformat.csv.CsvFactory.builder().streamReadConstraints(constraints()).build();
  }

  private StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(maxDocumentChars)
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .maxNumberLength(Math.max(maxStringLength, maxNumberLength + 32))
        .build();
  }
}
