package org.councilgateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.internal.ruleset.BundledExport;
import org.councilgateway.internal.ruleset.CompiledRuleSet;
import org.councilgateway.internal.ruleset.RuleSetCompiler;

/**
 * A compiled set of gateway rules with its reference data: the bundled rules, or a rules directory
 * a policy officer edits. Immutable and thread-safe; compile it once and share it.
 */
public final class RuleSet {
  private final CompiledRuleSet compiled;

  private RuleSet(CompiledRuleSet compiled) {
    this.compiled = compiled;
  }

  private static final class Bundled {
    static final RuleSet INSTANCE = new RuleSet(RuleSetCompiler.bundled());
  }

  /**
   * The rules bundled with the library (the gateway-rules jar must be on the classpath). Compiled
   * once per class loader, on first use.
   *
   * @return the bundled rule set
   * @throws RuleSetException when the bundled rules are missing or do not compile
   */
  public static RuleSet bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Compiles the rules in a directory: every {@code .drl} file below it and the
   * {@code reference-data.yaml} at its root.
   *
   * @param directory the rules directory
   * @return the rule set
   * @throws RuleSetException with every problem, each with its file, line and column, when the
   *     rules cannot be read, do not check or do not compile
   */
  public static RuleSet fromDirectory(Path directory) {
    return fromDirectory(directory, GatewayOptions.defaults());
  }

  /**
   * Compiles the rules in a directory with the given options: no rule file larger than their
   * {@link Limits#ruleFileBytes()} is read; with a {@link GatewayOptions#compileCache() compile
   * cache}, unchanged rules are loaded from it rather than compiled (about 1 s rather than 3.5 s);
   * with {@link GatewayOptions#reuseCompiled()}, rules this process has compiled already are reused.
   * Compiling runs on the calling thread.
   *
   * @param directory the rules directory
   * @param options the options
   * @return the rule set
   * @throws RuleSetException with every problem, each with its file, line and column, when the
   *     rules cannot be read, do not check or do not compile
   */
  public static RuleSet fromDirectory(Path directory, GatewayOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    return new RuleSet(RuleSetCompiler.directory(directory, options.limits(),
        options.compileCache().orElse(null), options.reuseCompiled()));
  }

  /**
   * Checks and compiles the rules in a directory, returning the problems rather than throwing.
   *
   * @param directory the rules directory
   * @return every problem found, empty when the rule set is sound
   */
  public static List<Problem> validate(Path directory) {
    return validate(directory, GatewayOptions.defaults());
  }

  /**
   * Checks and compiles the rules in a directory with the given options (see {@link
   * #fromDirectory(Path, GatewayOptions)}), returning the problems rather than throwing.
   *
   * @param directory the rules directory
   * @param options the options
   * @return every problem found, empty when the rule set is sound
   */
  public static List<Problem> validate(Path directory, GatewayOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    return RuleSetCompiler.validate(directory, options.limits(), options.compileCache().orElse(null),
        options.reuseCompiled());
  }

  /**
   * Copies the bundled rules out of the gateway-rules jar for a council to edit and prove:
   * {@code directory/rules} (every rule file and the reference data), {@code directory/scenarios}
   * (the bundled scenario files) and {@code directory/plans} (the plans they name, at the same
   * relative paths, so the scenarios run as they are). Then {@code RuleSet.fromDirectory(directory.resolve("rules"))}
   * loads the copy, and {@code ScenarioTests} or {@code gateway test} runs the scenarios against it.
   *
   * @param directory where to write; created when missing
   * @return the rules folder, {@code directory/rules}
   * @throws RuleSetException when the gateway-rules jar is not on the classpath, any of the folders
   *     exists already (nothing is overwritten) or a file cannot be written
   */
  public static Path exportBundled(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return BundledExport.export(directory);
  }

  /**
   * The rule set's version: {@code sha256:} and a digest of its rule files and reference data.
   *
   * @return the version
   */
  public String version() {
    return compiled.version();
  }

  /**
   * Every rule, with its metadata, by id.
   *
   * @return the rules
   */
  public List<RuleInfo> rules() {
    return compiled.rules();
  }

  /**
   * The rules that record each finding code, by code in the order the rules first name them: what
   * a user interface needs to label a code (the rules' names and descriptions) and to say where it
   * comes from (their sources). docs/policy.md describes every code of the bundled rules.
   *
   * @return the rules by code
   */
  public java.util.Map<String, List<RuleInfo>> rulesByCode() {
    java.util.Map<String, List<RuleInfo>> byCode = new java.util.LinkedHashMap<>();
    for (RuleInfo rule : rules()) {
      for (String code : rule.codes()) {
        byCode.computeIfAbsent(code, c -> new java.util.ArrayList<>()).add(rule);
      }
    }
    byCode.replaceAll((code, rules) -> List.copyOf(rules));
    return java.util.Collections.unmodifiableMap(byCode);
  }

  /**
   * Every code an assessment under this rule set can record: each code its rules record (as
   * {@link RuleInfo#codes()} finds them) and the gateway's own data warnings.
   *
   * @return the codes, sorted
   */
  public java.util.SortedSet<String> codes() {
    java.util.SortedSet<String> codes = new java.util.TreeSet<>(rulesByCode().keySet());
    codes.addAll(org.councilgateway.internal.assess.DataWarnings.CODES);
    return java.util.Collections.unmodifiableSortedSet(codes);
  }

  /**
   * The reference data the rules read.
   *
   * @return the reference data
   */
  public ReferenceData referenceData() {
    return compiled.referenceData();
  }

  CompiledRuleSet compiled() {
    return compiled;
  }
}
