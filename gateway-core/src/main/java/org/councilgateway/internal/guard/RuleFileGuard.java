package org.councilgateway.internal.guard;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.councilgateway.Problem;
import org.councilgateway.facts.Findings;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;

/**
 * Checks a parsed rule file against an allowlist before it is compiled, because a rule file is
 * code: a consequence, {@code eval}, {@code from}, function, type declaration, query or constraint
 * can run any Java in the process that loads it.
 *
 * <p>A rule file may import only model types (Proposal and the records and enums its accessors
 * reach, the records and enums of {@code org.councilgateway.facts}, and {@code Findings}) and
 * {@code java.util.List}, {@code Set}, {@code Map} and {@code Collection}, {@code
 * java.math.BigDecimal} and {@code java.time.LocalDate}; declare only the global {@code findings};
 * and hold only rules. Conditions may match model types and read them through their accessors;
 * consequences may record findings, insert new model facts and read facts, with local variables
 * and {@code if}. Code is parsed with the parser Drools compiles it with (the JavaParser-based
 * DRLX/MVEL parser), and every kind of node, name, type and method it uses must be on the
 * allowlist: anything the guard does not know is rejected. A name is a value only where Java would see one in scope, and no binding or local
 * variable may take a type's name.
 *
 * <p>Drools' executable-model generator copies some strings into the Java it compiles without
 * escaping them: rule names (into string literals and a Javadoc comment), agenda, activation and
 * ruleflow groups, entry point names, metadata names and values, and the package name. Each of
 * these may hold only a plain set of characters ({@link PlainText}), so that none can end a string
 * or a comment.
 *
 * <p>The guard is an allowlist on syntax, not a sandbox: it narrows what reviewed rule files can
 * do, and is no substitute for running untrusted rule sets in a separate process.
 *
 * <p>This class checks what a file holds besides its rules (package, imports, globals,
 * declarations, package attributes), recording what they make nameable in a {@link FileContext},
 * and hands each rule to {@link RuleCheck}, which hands each piece of code to {@link CodeCheck}
 * (with {@link CodeScope} resolving its names). Which types and methods are allowed is decided in
 * {@link ModelTypes} alone, so the allowlist is read in one place.
 */
public final class RuleFileGuard {

  /** The end of most messages: what a rule may do instead. */
  static final String ALLOWED = "only findings, insert of model types and reading facts are allowed";
  static final String ONLY_RULES = "a rule file holds only imports, the global findings and rules";

  /**
   * The records and enums of the model package ({@code org.councilgateway.model}) that rules can
   * reach: Proposal, the value types its accessors return and those Findings' methods take. The
   * class verification allows the same.
   */
  public static final Set<Class<?>> MODEL_TYPES = ModelTypes.modelTypes();

  /** Rule attributes a rule may set, all to literal values. */
  private static final Set<String> LITERAL_ATTRIBUTES = Set.of(
      "salience", "no-loop", "lock-on-active", "auto-focus", "agenda-group", "activation-group", "ruleflow-group",
      "dialect");

  /** The attributes whose values Drools copies into Java strings. */
  private static final Set<String> GROUP_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");

  private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  /** The one package of this library's that rule files may use, and those below it. */
  private static final String RULES_PACKAGE = "org.councilgateway.rules";
  /** Packages rule files may not use, nor those below them. */
  private static final List<String> RESERVED_PACKAGES = List.of(
      "java", "javax", "jdk", "sun", "com.sun", "org.drools", "org.kie", "org.mvel2", "org.councilgateway");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");

  private final FileContext context;

  private RuleFileGuard(String file, String source) {
    this.context = new FileContext(file, source);
  }

  /**
   * Checks a rule file that parsed without errors.
   *
   * @param pkg what the DRL parser made of it
   * @param shownFile the file as messages name it
   * @param source its text
   * @return a problem for each thing it holds or does that rule files may not
   */
  public static List<Problem> check(PackageDescr pkg, String shownFile, String source) {
    RuleFileGuard guard = new RuleFileGuard(shownFile, source);
    guard.checkPackage(pkg);
    return guard.context.problems();
  }

  // ---------------------------------------------------------------------------------------------
  // The file: imports, globals, declarations.

  private void checkPackage(PackageDescr pkg) {
    checkPackageName(pkg);
    Matcher escape = UNICODE_ESCAPE.matcher(context.source().text());
    while (escape.find()) {
      if ((escape.end() - escape.start() - 1) % 2 == 1) {
        int[] at = context.source().position(escape.end() - 2);
        context.problem(at[0], at[1], "uses a \\u escape, which rule files may not do: "
            + "Java reads it before comments and strings, so it can hide code; write the character itself.");
        break;
      }
    }
    for (ImportDescr imported : pkg.getImports()) {
      checkImport(imported);
    }
    for (FunctionImportDescr imported : pkg.getFunctionImports()) {
      fileProblem(imported, "imports the function " + imported.getTarget() + ", which rule files may not do: "
          + ONLY_RULES + ".");
    }
    for (AccumulateImportDescr imported : pkg.getAccumulateImports()) {
      fileProblem(imported, "imports the accumulate function " + imported.getFunctionName() + " ("
          + imported.getTarget() + "), which rule files may not do: only the accumulate functions "
          + String.join(", ", sorted(RuleCheck.ACCUMULATE_FUNCTIONS)) + " are allowed.");
    }
    for (GlobalDescr global : pkg.getGlobals()) {
      checkGlobal(global);
    }
    for (FunctionDescr function : pkg.getFunctions()) {
      fileProblem(function, "declares the function " + function.getName() + ", which rule files may not do: "
          + ONLY_RULES + ".");
    }
    for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
      fileProblem(type, "declares the type " + type.getTypeName() + ", which rule files may not do: "
          + ONLY_RULES + "; facts are the model types.");
    }
    for (EnumDeclarationDescr type : pkg.getEnumDeclarations()) {
      fileProblem(type, "declares the enum " + type.getTypeName() + ", which rule files may not do: "
          + ONLY_RULES + "; facts are the model types.");
    }
    for (EntryPointDeclarationDescr entryPoint : pkg.getEntryPointDeclarations()) {
      fileProblem(entryPoint, "declares the entry point " + entryPoint.getEntryPointId()
          + ", which rule files may not do: " + ONLY_RULES + ".");
    }
    for (WindowDeclarationDescr window : pkg.getWindowDeclarations()) {
      fileProblem(window, "declares the window " + window.getName() + ", which rule files may not do: "
          + ONLY_RULES + ".");
    }
    if (pkg.getUnit() != null) {
      fileProblem(pkg.getUnit(), "declares a rule unit, which rule files may not do: " + ONLY_RULES + ".");
    }
    for (AttributeDescr attribute : pkg.getAttributes()) {
      String fault = attributeFault(attribute);
      if (fault != null) {
        fileProblem(attribute, fault);
      }
    }
    for (RuleDescr rule : pkg.getRules()) {
      if (rule.isQuery()) {
        fileProblem(rule, "declares the query " + rule.getName() + ", which rule files may not do: " + ONLY_RULES + ".");
      } else {
        new RuleCheck(context, rule).run();
      }
    }
  }

  private void checkImport(ImportDescr imported) {
    String target = imported.getTarget().strip();
    Class<?> type = ModelTypes.JDK_IMPORTS.get(target);
    if (type == null && !target.endsWith("*")) {
      int dot = target.lastIndexOf('.');
      if (dot > 0 && ModelTypes.inModelPackage(target.substring(0, dot))) {
        Class<?> found = ModelTypes.load(target);
        if (ModelTypes.isModelType(found)) {
          type = found;
        }
      }
    }
    int lastDot = target.lastIndexOf('.');
    if (type == null && lastDot > 0 && ModelTypes.inModelPackage(target.substring(0, lastDot))
        && ModelTypes.load(target) == null) {
      String simpleName = target.substring(lastDot + 1);
      String closest = org.councilgateway.internal.Names.closest(simpleName,
          MODEL_TYPES.stream().map(Class::getSimpleName).sorted().toList());
      fileProblem(imported, "imports " + target + ", which does not exist" + (closest == null
          ? ": gateway docs --fields lists the types rules use." : ": did you mean " + closest + "?"));
      if (closest != null) {
        // The rules' uses of the type meant are this mistake, not a missing import of their own.
        MODEL_TYPES.stream().filter(t -> t.getSimpleName().equals(closest)).findFirst()
            .ifPresent(t -> context.firstTime("import " + t.getName()));
      }
      return;
    }
    if (type == null) {
      fileProblem(imported, "imports " + target + ", which rule files may not do: only the model types (Proposal "
          + "and its value types, of org.councilgateway.model, and the facts of org.councilgateway.facts), one by one, and java.util.List, Set, Map "
          + "and Collection, java.math.BigDecimal and java.time.LocalDate may be imported.");
      return;
    }
    context.importType(type);
  }

  private void checkGlobal(GlobalDescr global) {
    String type = global.getType() == null ? "" : global.getType().strip();
    boolean findingsType = type.equals(Findings.class.getName())
        || (type.equals(Findings.class.getSimpleName()) && context.type(type) == Findings.class);
    if ("findings".equals(global.getIdentifier()) && findingsType) {
      context.declareFindings();
      return;
    }
    if ("findings".equals(global.getIdentifier()) && type.equals(Findings.class.getSimpleName())
        && !context.hasType(type)) {
      // Declared as the rules use it, so that the rules are checked rather than each use reported.
      context.declareFindings();
      if (context.firstTime("import " + Findings.class.getName())) {
        fileProblem(global, context.missingImport(type, Findings.class.getName()));
      }
      return;
    }
    fileProblem(global, "declares the global " + type + " " + global.getIdentifier()
        + ", which rule files may not do: the only global is findings, of type Findings.");
  }

  /**
   * What is wrong with a rule or package attribute, or null when nothing is. Drools copies their
   * values into the Java it generates: flags and salience as code, groups as strings, without
   * escaping, and the dialect picks a compiler, so each takes only its plain values.
   */
  static String attributeFault(AttributeDescr attribute) {
    String name = attribute.getName();
    String raw = attribute.getValue() == null ? "" : attribute.getValue();
    String value = raw.strip();
    if (!LITERAL_ATTRIBUTES.contains(name)) {
      return "sets the attribute " + name + ", which rule files may not do: only "
          + String.join(", ", sorted(LITERAL_ATTRIBUTES)) + " are allowed, with plain values.";
    }
    if (name.equals("dialect")) {
      return raw.equals("java") ? null : value.equals("java")
          ? "gives the dialect as \"" + raw + "\", with spaces: write dialect \"java\"."
          : "uses the dialect " + value + ", which rule files may not do: rules are written in the java dialect.";
    }
    if (name.equals("salience")) {
      return value.matches("-?[0-9]{1,9}") ? null
          : "sets salience to " + value + ", which is not a whole number: write a whole number, such as salience 10.";
    }
    if (attribute.getType() == AttributeDescr.Type.EXPRESSION && !value.matches("true|false")) {
      return "sets the attribute " + name + " to the expression " + value
          + ", which rule files may not do: attributes take plain values.";
    }
    if (GROUP_ATTRIBUTES.contains(name)) {
      String unplain = PlainText.firstUnplain(raw, PlainText.NAME_PUNCTUATION);
      return unplain == null && !value.isEmpty() ? null : "sets " + name + " to \"" + raw + "\", which "
          + PlainText.NAME_RULE + (unplain == null ? "" : " (not " + unplain + ")") + ".";
    }
    return value.matches("true|false") ? null
        : "sets " + name + " to " + value + ": " + name + " is true or false.";
  }

  /**
   * Checks the package: Drools copies its name into the Java it generates, and a package of
   * Java, Drools or this library would put generated classes beside theirs (or fail to load).
   */
  private void checkPackageName(PackageDescr pkg) {
    String name = pkg.getName() == null ? "" : pkg.getName();
    boolean ours = name.equals(RULES_PACKAGE) || name.startsWith(RULES_PACKAGE + ".");
    if (name.isEmpty() || (PACKAGE_NAME.matcher(name).matches() && SourceVersion.isName(name) && (ours
        || RESERVED_PACKAGES.stream().noneMatch(reserved -> name.equals(reserved) || name.startsWith(reserved + "."))))) {
      return;
    }
    Matcher keyword = Pattern.compile("(?m)^\\s*(package)\\b").matcher(context.source().text());
    int[] at = keyword.find() ? context.source().position(keyword.start(1)) : new int[] {pkg.getLine(), 0};
    context.problem(at[0], at[1], "has the package " + name + ", which rule files may not do: a package is lowercase "
        + "words separated by dots, such as " + RULES_PACKAGE + ", and not one of Java's, Drools' or this library's.");
  }

  // ---------------------------------------------------------------------------------------------
  // Messages.

  private void fileProblem(BaseDescr descr, String message) {
    context.problem(descr.getLine(), descr.getLine() > 0 && descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0, message);
  }

  /** Quoted code or values, on one line and cut short, so that a message stays readable. */
  static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
  }

  /** Names in a stable order, so that messages are the same from run to run. */
  static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
