/**
 * Rule sets, not API: reading a rules directory (plain files only, bounded), checking each rule's
 * metadata, reading the reference data, compiling the executable model (or loading it from the
 * compile cache, or the precompiled bundled model), and the compiled rule set the assessing stage
 * runs. {@link org.councilgateway.RuleSet} is its API. Rule files are checked by
 * {@link org.councilgateway.internal.guard} before they compile and the generated classes after.
 */
package org.councilgateway.internal.ruleset;
