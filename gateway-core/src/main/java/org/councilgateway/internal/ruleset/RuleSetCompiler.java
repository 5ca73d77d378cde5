package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.RuleDetail;

import org.councilgateway.internal.Text;
import org.councilgateway.internal.guard.ClassVerifier;
import org.councilgateway.internal.guard.RuleEnds;
import org.councilgateway.internal.guard.RuleFileGuard;
import org.councilgateway.internal.guard.RuleNesting;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.councilgateway.GatewayException;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.RuleInfo;
import org.councilgateway.facts.ReferenceData;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.ParserError;
import org.drools.model.Model;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and compiles a rule set. Checking parses every rule file and the reference data and
 * reports each problem with its file, line and column; compiling builds the executable model.
 */
public final class RuleSetCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);
  private static final List<String> REQUIRED_METADATA = List.of("id", "source", "description");
  private static final AtomicLong BUILDS = new AtomicLong();

  /**
   * Where the kie-maven-plugin lists the executable-model classes it generates from the bundled
   * rules when it builds the gateway-rules jar (org.councilgateway:gateway-rules).
   */
  static final String BUNDLED_MODEL = "META-INF/kie/org.councilgateway/gateway-rules/drools-model";

  private RuleSetCompiler() {}

  /** What checking found: the parsed rules and reference data, and every problem. */
  record Checked(List<RuleFile> files, List<ParsedRule> rules, Map<String, String> packages, ReferenceData referenceData,
      List<Problem> problems) {}

  /**
   * A rule as the DRL parser sees it.
   *
   * @param packageName its package
   * @param info its metadata
   * @param acrossPlan whether it looks across the plan (see {@link RuleRoles})
   * @param writesFacts whether its consequence may insert, change or delete facts
   * @param detail whether it is a helper, and its text, for the catalogue
   */
  record ParsedRule(String packageName, RuleInfo info, boolean acrossPlan, boolean writesFacts, RuleDetail detail) {}

  /**
   * Loads the bundled rule set from the classpath: the knowledge base precompiled when the
   * gateway-rules jar was built, with the metadata, reference data and version read from the rule
   * files beside it. Compiles the rule files instead when no precompiled knowledge base matching
   * them is on the classpath.
   *
   * @return the compiled rule set
   * @throws GatewayException when it does not check or compile
   */
  public static CompiledRuleSet bundled() {
    ClassLoader loader = RuleSetCompiler.class.getClassLoader();
    return compile(RuleSources.bundled(loader), null, loader, Limits.DEFAULTS, null, true);
  }

  /**
   * Compiles a rule set from a directory.
   *
   * @param root the rules directory
   * @return the compiled rule set
   * @throws GatewayException when it cannot be read, does not check or does not compile
   */
  public static CompiledRuleSet directory(Path root) {
    return directory(root, Limits.DEFAULTS, null, true);
  }

  /**
   * Compiles a rule set from a directory within limits.
   *
   * @param root the rules directory
   * @param limits the limits on reading it
   * @param cacheDirectory where compiled rule sets are kept on disk, or null for nowhere
   * @param reuse whether a rule set this process compiled from the same files is reused
   * @return the compiled rule set
   * @throws GatewayException when it cannot be read, does not check or does not compile
   */
  public static CompiledRuleSet directory(Path root, Limits limits, Path cacheDirectory, boolean reuse) {
    return compile(RuleSources.directory(root, limits.ruleFileBytes()), root, null, limits,
        cacheDirectory == null ? null : new CompileCache(cacheDirectory), reuse);
  }

  /**
   * Checks and compiles a rule set from a directory, returning every problem instead of throwing.
   *
   * @param root the rules directory
   * @param limits the limits on reading it
   * @param cacheDirectory where compiled rule sets are kept on disk, or null for nowhere
   * @param reuse whether a rule set this process compiled from the same files is reused
   * @return the problems, empty when the rule set is sound
   */
  public static List<Problem> validate(Path root, Limits limits, Path cacheDirectory, boolean reuse) {
    try {
      directory(root, limits, cacheDirectory, reuse);
      return List.of();
    } catch (GatewayException e) {
      return e.problems();
    }
  }

  /**
   * Checks a bundled or directory rule set's files without compiling them.
   *
   * @param files the files
   * @param root the rules directory, or null for the bundled rules
   * @return what was found
   */
  static Checked check(List<RuleFile> files, Path root) {
    return check(files, root, Limits.DEFAULTS);
  }

  /** Checks a rule set's files, reading the reference data within the limits. */
  private static Checked check(List<RuleFile> files, Path root, Limits limits) {
    String where = root == null ? "the bundled rules" : root.toString();
    List<Problem> problems = new ArrayList<>();
    List<ParsedRule> rules = new ArrayList<>();
    Map<String, String> packages = new HashMap<>();
    ReferenceData referenceData = null;
    boolean hasReferenceData = false;
    List<Problem> gateCodes = List.of();
    for (RuleFile file : files) {
      String shown = shown(root, file);
      if (file.isReferenceData()) {
        hasReferenceData = true;
        ReferenceDataReader.Result result = ReferenceDataReader.read(shown, file.content(), limits);
        problems.addAll(result.problems());
        referenceData = result.data();
        gateCodes = result.gateCodes();
      } else if (file.isDrl()) {
        parse(file, shown, rules, packages, problems, root != null);
      }
    }
    if (!hasReferenceData) {
      problems.add(new Problem(where, 0, 0, "has no " + RuleFile.REFERENCE_DATA + " beside the rules."));
    }
    if (files.stream().noneMatch(RuleFile::isDrl)) {
      problems.add(new Problem(where, 0, 0, "has no .drl rule files."));
    }
    Map<String, ParsedRule> byId = new HashMap<>();
    for (ParsedRule rule : rules) {
      ParsedRule first = byId.putIfAbsent(rule.info().id(), rule);
      if (first != null && !rule.info().id().isEmpty()) {
        problems.add(new Problem(shown(root, rule.info().file()), rule.info().line(), 0,
            "Rule \"" + rule.info().name() + "\" has the id " + rule.info().id() + ", which rule \""
                + first.info().name() + "\" (" + shown(root, first.info().file()) + ":" + first.info().line() + ") already has."));
      }
    }
    // Only of a sound rule set: where a rule file is refused, its codes are missing for a reason already given.
    if (problems.isEmpty()) {
      warnUnrecorded(gateCodes, rules);
    }
    if (referenceData != null) {
      problems.addAll(LocalNames.check(files, file -> shown(root, file), referenceData));
    }
    return new Checked(files, rules, packages, referenceData, problems);
  }

  /**
   * Warns of each code the gate stage table names that no rule records: most likely a typo, and a
   * code that can never block a stage. Only a warning, since a rule may work its code out at run
   * time, where no check can see it.
   */
  private static void warnUnrecorded(List<Problem> gateCodes, List<ParsedRule> rules) {
    Set<String> recorded = new java.util.HashSet<>();
    rules.forEach(rule -> recorded.addAll(rule.info().codes()));
    for (Problem code : gateCodes) {
      if (!recorded.contains(code.message())) {
        LOG.warn("{}:{}:{}: gateStages names {}, which no rule records, so it can never block a stage.",
            Text.escape(code.file()), code.line(), code.column(), Text.escape(code.message()));
      }
    }
  }

  private static String shown(Path root, RuleFile file) {
    return shown(root, file.path());
  }

  private static String shown(Path root, String path) {
    return root == null ? RuleSources.BUNDLED_ROOT + path : root.resolve(path).toString();
  }

  private static void parse(RuleFile file, String shown, List<ParsedRule> rules, Map<String, String> packages,
      List<Problem> problems, boolean guard) {
    try {
      parseFile(file, shown, rules, packages, problems, guard);
    } catch (StackOverflowError e) {
      // An expression of thousands of parts in a row makes the parsers and the guard recurse as deep.
      problems.add(new Problem(shown, 0, 0, TOO_DEEP));
    }
  }

  private static final String TOO_DEEP = "is too deeply nested to read: an expression of thousands of parts in a row "
      + "(a || b || ... or 1 + 1 + ...); split it into simpler rules.";

  private static void parseFile(RuleFile file, String shown, List<ParsedRule> rules, Map<String, String> packages,
      List<Problem> problems, boolean guard) {
    // The parsers recurse once for each bracket: a file nested thousands deep would overflow the stack.
    Problem nested = RuleNesting.fault(file.content(), shown);
    if (nested != null) {
      problems.add(nested);
      return;
    }
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(new StringReader(file.content()));
    } catch (DroolsParserException e) {
      problems.add(new Problem(shown, 0, 0, "cannot be parsed: " + e.getMessage()));
      return;
    }
    if (parser.hasErrors()) {
      // A rule without its end makes the parser trip over the next rule: name the unfinished rule instead.
      Problem unfinished = RuleEnds.fault(file.content(), shown);
      if (unfinished != null) {
        problems.add(unfinished);
        return;
      }
      for (DroolsError error : parser.getErrors()) {
        if (error instanceof ParserError parse) {
          String[] lines = file.content().split("\n", -1);
          String line = parse.getRow() >= 1 && parse.getRow() <= lines.length ? lines[parse.getRow() - 1] : null;
          problems.add(new Problem(shown, parse.getRow(), parse.getCol() + 1,
              DroolsMessages.parserMessage(DroolsMessages.clean(parse.getMessage()), line)));
        } else {
          int[] lines = error.getLines();
          problems.add(new Problem(shown, lines.length > 0 ? lines[0] : 0, 0, DroolsMessages.clean(error.getMessage())));
        }
      }
      return;
    }
    if (pkg == null) {
      problems.add(new Problem(shown, 0, 0, "cannot be parsed."));
      return;
    }
    // Rule files are code: anything outside the guard's allowlist is a problem, before compiling.
    // The bundled rules were checked when the library was built (a test runs the guard on them).
    if (guard) {
      problems.addAll(RuleFileGuard.check(pkg, shown, file.content()));
    }
    packages.put(file.path(), pkg.getName() == null ? "" : pkg.getName());
    for (RuleDescr rule : pkg.getRules()) {
      Map<String, String> metadata = new LinkedHashMap<>();
      for (AnnotationDescr annotation : rule.getAnnotations()) {
        Object value = annotation.getSingleValueStripped();
        metadata.put(annotation.getName(), value == null ? "" : AnnotationDescr.unquote(value.toString()).strip());
      }
      for (String key : REQUIRED_METADATA) {
        if (metadata.getOrDefault(key, "").isEmpty()) {
          problems.add(new Problem(shown, rule.getLine(), rule.getColumn() + 1,
              "Rule \"" + rule.getName() + "\" has no @" + key + "; every rule needs @id, @source and @description."));
        }
      }
      rules.add(new ParsedRule(pkg.getName(), new RuleInfo(metadata.getOrDefault("id", ""), rule.getName(),
          metadata.getOrDefault("description", ""), metadata.getOrDefault("source", ""), file.path(), rule.getLine(),
          RuleRoles.codes(rule)),
          RuleRoles.looksAcrossPlan(rule), RuleRoles.writesFacts(rule), RuleRoles.detail(rule, file.content())));
    }
  }

  /**
   * Rule sets compiled in this class loader, by version, so that reloading or reopening unchanged
   * rules costs a hash rather than a compilation. Small: a process rarely holds more than a few.
   */
  private static final int CACHE_SIZE = 8;
  private static final Map<String, CompiledRuleSet> CACHE = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleSet> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  static CompiledRuleSet compile(List<RuleFile> files, Path root) {
    return compile(files, root, null, Limits.DEFAULTS, null, true);
  }

  /**
   * Compiles a rule set, or finds it in the cache.
   *
   * @param precompiledIn the class loader to look in for the precompiled bundled rules, or null
   * @param limits the limits on reading the reference data
   * @param diskCache the compile cache on disk, or null
   * @param reuse whether to look in and add to this process's cache
   */
  private static CompiledRuleSet compile(List<RuleFile> files, Path root, ClassLoader precompiledIn, Limits limits,
      CompileCache diskCache, boolean reuse) {
    String version = RuleSources.version(files);
    CompiledRuleSet cached = reuse ? CACHE.get(version) : null;
    if (cached != null) {
      LOG.debug("Rule set {} is already compiled", version);
      return cached;
    }
    CompiledRuleSet compiled = compileAfresh(files, version, root, precompiledIn, limits, diskCache);
    if (reuse) {
      CACHE.put(version, compiled);
    }
    return compiled;
  }

  private static CompiledRuleSet compileAfresh(List<RuleFile> files, String version, Path root,
      ClassLoader precompiledIn, Limits limits, CompileCache diskCache) {
    String where = root == null ? "the bundled rules" : root.toString();
    long started = System.nanoTime();
    Checked checked = check(files, root, limits);
    if (!checked.problems().isEmpty()) {
      throw failure(where, checked.problems());
    }
    LOG.debug("Checked {} in {} ms", where, (System.nanoTime() - started) / 1_000_000);
    List<Model> models = precompiledIn == null ? null : precompiled(precompiledIn, checked);
    CompileCache cache = root == null ? null : diskCache;
    boolean fromCache = false;
    if (models != null) {
      where = "the precompiled bundled rules";
    } else if (cache != null && (models = fromCache(cache, version)) != null) {
      fromCache = true;
      where = where + " (compile cache)";
    } else {
      try {
        models = build(files, root, checked, where, cache == null ? null : bytes -> cache.store(version, bytes));
      } catch (StackOverflowError e) {
        throw failure(where, List.of(new Problem(where, 0, 0, "The rule set " + TOO_DEEP)));
      }
    }
    Map<String, RuleInfo> byName = new HashMap<>();
    Set<String> acrossPlan = new java.util.HashSet<>();
    boolean planRulesWrite = false;
    for (ParsedRule rule : checked.rules()) {
      String key = CompiledRuleSet.key(rule.packageName(), rule.info().name());
      byName.put(key, rule.info());
      if (rule.acrossPlan()) {
        acrossPlan.add(key);
        planRulesWrite |= rule.writesFacts();
      }
    }
    List<RuleInfo> rules = checked.rules().stream().map(ParsedRule::info)
        .sorted(Comparator.comparing(RuleInfo::id)).toList();
    Map<String, RuleDetail> details = new HashMap<>();
    checked.rules().forEach(rule -> details.put(rule.info().id(), rule.detail()));
    CompiledRuleSet compiled;
    try {
      compiled = CompiledRuleSet.of(models, acrossPlan, planRulesWrite, version, checked.referenceData(), rules, byName,
          details);
    } catch (RuntimeException | LinkageError e) {
      if (!fromCache) {
        throw e;
      }
      // A cache entry whose model no longer builds is compiled afresh, as a missing one is.
      LOG.debug("Ignoring the compile cache entry for {}: {}", version, e.toString());
      where = root.toString();
      models = build(files, root, checked, where, bytes -> cache.store(version, bytes));
      compiled = CompiledRuleSet.of(models, acrossPlan, planRulesWrite, version, checked.referenceData(), rules, byName,
          details);
    }
    LOG.debug("Compiled {} rules from {} in {} ms", rules.size(), where, (System.nanoTime() - started) / 1_000_000);
    return compiled;
  }

  /** The models of a rule set's compile cache entry, verified before any class is defined, or null. */
  private static List<Model> fromCache(CompileCache cache, String version) {
    CompileCache.Entry entry = cache.load(version);
    if (entry == null) {
      return null;
    }
    try {
      return entry.models(RuleSetCompiler.class.getClassLoader());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("Ignoring the compile cache entry for {}: {}", version, e.toString());
      return null;
    }
  }

  /**
   * Builds the knowledge base from the executable model that the kie-maven-plugin generated from
   * the bundled rules. The plugin's list of model classes is read directly rather than through a
   * classpath {@code KieContainer}, which takes a module's release id from the first
   * {@code pom.properties} in its jar: in a shaded jar that belongs to another artifact, and the
   * container then compiles the rule files with the classic engine, which is absent.
   *
   * @return the model, or null when it is missing or does not hold exactly the checked rules
   */
  private static List<Model> precompiled(ClassLoader loader, Checked checked) {
    String modelIndex = RuleSources.resource(loader, BUNDLED_MODEL);
    if (modelIndex == null) {
      LOG.debug("No precompiled {} on the classpath; compiling the bundled rules", BUNDLED_MODEL);
      return null;
    }
    try {
      List<Model> models = new ArrayList<>();
      for (String line : modelIndex.split("\n")) {
        String className = line.strip();
        if (!className.isEmpty() && !className.startsWith("Drools-Model-Version:")) {
          models.add((Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance());
        }
      }
      Set<String> found = models.stream().flatMap(m -> m.getRules().stream())
          .map(r -> CompiledRuleSet.key(r.getPackage(), r.getName())).collect(Collectors.toSet());
      Set<String> expected = checked.rules().stream()
          .map(r -> CompiledRuleSet.key(r.packageName(), r.info().name())).collect(Collectors.toSet());
      if (!found.equals(expected)) {
        LOG.warn("The precompiled bundled rules do not match the bundled rule files; compiling the files");
        return null;
      }
      return models;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn("Cannot load the precompiled bundled rules ({}); compiling the rule files", e.toString());
      return null;
    }
  }

  /** Compiles the checked rule files into the executable model. */
  private static List<Model> build(List<RuleFile> files, Path root, Checked checked, String where,
      java.util.function.Consumer<byte[]> keep) {
    KieServices services = KieServices.Factory.get();
    KieFileSystem fileSystem = services.newKieFileSystem();
    ReleaseId releaseId = services.newReleaseId("org.councilgateway.compiled", "rules-" + BUILDS.incrementAndGet(), "1.0.0");
    fileSystem.generateAndWritePomXML(releaseId);
    Map<String, RuleFile> byBuildPath = new HashMap<>();
    for (RuleFile file : files) {
      if (file.isDrl()) {
        // Drools expects a file's folder to match its package; the user's layout is kept in messages.
        String folder = checked.packages().getOrDefault(file.path(), "").replace('.', '/');
        String buildPath = "src/main/resources/" + (folder.isEmpty() ? "" : folder + "/")
            + file.path().replace('/', '_');
        byBuildPath.put(buildPath, file);
        fileSystem.write(buildPath, file.content());
      }
    }
    KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      List<Problem> problems = DroolsMessages.locate(errors, byBuildPath, checked.rules(), path -> shown(root, path));
      throw failure(where, problems);
    }
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    // Nothing Drools generated has been defined or run yet: check every class before any is.
    Map<String, byte[]> classes = new HashMap<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith(".class")) {
        classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
      }
    }
    long verifying = System.nanoTime();
    List<Problem> refused = refusals(classes, checked.rules(), root);
    LOG.debug("Verified {} generated classes in {} ms", classes.size(), (System.nanoTime() - verifying) / 1_000_000);
    if (!refused.isEmpty()) {
      services.getRepository().removeKieModule(releaseId);
      throw failure(where, refused);
    }
    if (keep != null) {
      keep.accept(module.getBytes());
    }
    services.getRepository().removeKieModule(releaseId);
    CanonicalKieModule canonical = module instanceof CanonicalKieModule built ? built : new CanonicalKieModule(module);
    List<Model> models = new ArrayList<>();
    for (KieBaseModel base : module.getKieModuleModel().getKieBaseModels().values()) {
      models.addAll(canonical.getModelForKBase((KieBaseModelImpl) base));
    }
    return models;
  }

  /**
   * Verifies generated classes (see {@link ClassVerifier}) and reports each reference outside the
   * allowlist against the rule whose code holds or uses it.
   *
   * @param classes class file bytes by internal name
   * @param rules the rules they were generated from
   * @param root the rules directory, or null for the bundled rules
   * @return a problem for each rule and reference refused; empty when the classes are sound
   */
  static List<Problem> refusals(Map<String, byte[]> classes, List<ParsedRule> rules, Path root) {
    List<ClassVerifier.Refusal> refusals = ClassVerifier.verify(classes);
    if (refusals.isEmpty()) {
      return List.of();
    }
    Map<String, ParsedRule> byMethod = new HashMap<>();
    for (ParsedRule rule : rules) {
      byMethod.put("rule_" + org.drools.modelcompiler.util.StringUtil.toId(rule.info().name()), rule);
    }
    Map<String, Set<String>> users = ClassVerifier.users(classes);
    Set<Problem> problems = new java.util.LinkedHashSet<>();
    for (ClassVerifier.Refusal refusal : refusals) {
      ParsedRule rule = refusal.method() == null ? null : byMethod.get(refusal.method());
      if (rule == null) {
        rule = users.getOrDefault(refusal.className(), Set.of()).stream().map(byMethod::get)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      }
      String uses = " compiles to code that uses " + refusal.reference()
          + ", which rule files may not do: only findings, insert of model types and reading facts are allowed.";
      if (rule != null) {
        problems.add(new Problem(shown(root, rule.info().file()), rule.info().line(), 1,
            "Rule \"" + rule.info().name() + "\"" + uses));
      } else {
        problems.add(new Problem(root == null ? "the bundled rules" : root.toString(), 0, 0,
            "The rule set (in the generated class " + refusal.className().replace('/', '.') + ")" + uses));
      }
    }
    return List.copyOf(problems);
  }

  private static GatewayException failure(String where, List<Problem> problems) {
    return new org.councilgateway.RuleSetException(
        "The rule set in " + where + " has " + problems.size() + " problem(s).", problems);
  }
}
