package org.councilgateway.internal.guard;

import org.councilgateway.internal.Text;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseProblemException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.facts.Findings;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.InlineCastExpr;
import org.drools.mvel.parser.ast.expr.ModifyStatement;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.OOPathExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.drools.mvel.parser.ast.expr.WithStatement;
import org.drools.mvel.parser.printer.PrintUtil;

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
 */
public final class RuleFileGuard {

  /** The end of most messages: what a rule may do instead. */
  private static final String ALLOWED = "only findings, insert of model types and reading facts are allowed";
  private static final String ONLY_RULES = "a rule file holds only imports, the global findings and rules";

  /** The packages whose public records and enums rules may name: the model and the facts, nothing else. */
  private static final Set<String> MODEL_PACKAGES = Set.of(Proposal.class.getPackageName(),
      Findings.class.getPackageName());

  /**
   * The records and enums of the model package ({@code org.councilgateway.model}) that rules can
   * reach: Proposal, the value types its accessors return and those Findings' methods take. The
   * class verification allows the same.
   */
  public static final Set<Class<?>> MODEL_TYPES = modelTypes();

  /** The types outside the model that a rule file may import. */
  private static final Map<String, Class<?>> JDK_IMPORTS = Map.of(
      "java.util.List", List.class,
      "java.util.Set", Set.class,
      "java.util.Map", Map.class,
      "java.util.Collection", Collection.class,
      "java.math.BigDecimal", BigDecimal.class,
      "java.time.LocalDate", LocalDate.class);

  /** The java.lang types a rule may name without importing them. */
  private static final Map<String, Class<?>> JAVA_LANG = Map.of(
      "String", String.class,
      "Object", Object.class,
      "Integer", Integer.class,
      "Long", Long.class,
      "Boolean", Boolean.class,
      "Double", Double.class,
      "Number", Number.class);

  /** The JDK value types that facts, their accessors and literals give a rule. */
  private static final List<Class<?>> VALUE_TYPES = List.of(Object.class, Enum.class, Record.class, String.class,
      Integer.class, Long.class, Boolean.class, Double.class, BigDecimal.class, LocalDate.class, List.class, Set.class,
      Map.class, Collection.class, Optional.class, Number.class);

  /**
   * Methods that only read, whichever value type has them. A model type's own methods are allowed
   * too, unless their name is also that of a JDK value type's method not listed here.
   */
  private static final Set<String> READ_ONLY_METHODS = Set.of(
      "size", "isEmpty", "contains", "containsAll", "containsKey", "containsValue", "get", "getOrDefault",
      "indexOf", "equals", "hashCode", "toString", "name", "ordinal", "compareTo",
      "length", "isBlank", "charAt", "startsWith", "endsWith", "equalsIgnoreCase", "toLowerCase", "toUpperCase",
      "strip", "trim", "substring",
      "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusWeeks", "minusMonths", "minusYears",
      "isBefore", "isAfter", "isEqual", "getYear", "getMonthValue", "getDayOfMonth",
      "stripTrailingZeros", "toPlainString", "signum", "scale", "intValue", "longValue", "doubleValue",
      "isPresent", "orElse");

  /** Static methods of JDK types that a rule may call. */
  private static final Map<Class<?>, Set<String>> JDK_STATIC_METHODS = Map.of(
      List.class, Set.of("of"), Set.class, Set.of("of"), Map.class, Set.of("of"));

  private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of(
      "count", "sum", "min", "max", "average", "collectList", "collectSet");

  private static final Set<String> POINT_FREE_OPERATORS = Set.of("contains", "excludes", "memberOf", "in");

  /** Rule attributes a rule may set, all to literal values. */
  private static final Set<String> LITERAL_ATTRIBUTES = Set.of(
      "salience", "no-loop", "lock-on-active", "auto-focus", "agenda-group", "activation-group", "ruleflow-group",
      "dialect");

  /** The attributes whose values Drools copies into Java strings. */
  private static final Set<String> GROUP_ATTRIBUTES = Set.of("agenda-group", "activation-group", "ruleflow-group");

  /** Metadata names: a word that begins in lowercase, so never a type (such as Propagation). */
  private static final Pattern METADATA_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");

  private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  /** The one package of this library's that rule files may use, and those below it. */
  private static final String RULES_PACKAGE = "org.councilgateway.rules";
  /** Packages rule files may not use, nor those below them. */
  private static final List<String> RESERVED_PACKAGES = List.of(
      "java", "javax", "jdk", "sun", "com.sun", "org.drools", "org.kie", "org.mvel2", "org.councilgateway");

  /** Names worth a specific message: the engine's own context. */
  private static final Set<String> ENGINE_CONTEXT = Set.of("drools", "kcontext");

  private static final Set<String> QUALIFIED_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io");

  private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s*:(=?)");
  private static final Pattern LITERAL = Pattern.compile(
      "\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+(?:\\.[0-9]+)?|true|false");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");
  private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(");

  /** The methods a rule may call on each type, worked out once per type. */
  private static final Map<Class<?>, Set<String>> INSTANCE_METHODS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Set<String>> PROPERTIES = new ConcurrentHashMap<>();

  private final String file;
  private final String source;
  private final int[] lineStarts;
  private final List<Problem> problems = new ArrayList<>();
  /** Configured as Drools configures the parser it reads java-dialect consequences with. */
  private final JavaParser javaParser = new JavaParser(
      new ParserConfiguration().setLanguageLevel(DrlxParseUtil.PARSABLE_LANGUAGE_LEVEL));
  private final Map<String, Class<?>> types = new HashMap<>(JAVA_LANG);
  private final Set<String> methodNames = new HashSet<>(READ_ONLY_METHODS);
  private boolean hasFindings;

  private RuleFileGuard(String file, String source) {
    this.file = file;
    this.source = source;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
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
    return List.copyOf(guard.problems);
  }

  // ---------------------------------------------------------------------------------------------
  // The file: imports, globals, declarations.

  private void checkPackage(PackageDescr pkg) {
    checkPackageName(pkg);
    Matcher escape = UNICODE_ESCAPE.matcher(source);
    while (escape.find()) {
      if ((escape.end() - escape.start() - 1) % 2 == 1) {
        int[] at = position(escape.end() - 2);
        problems.add(new Problem(file, at[0], at[1], "uses a \\u escape, which rule files may not do: "
            + "Java reads it before comments and strings, so it can hide code; write the character itself."));
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
          + String.join(", ", sorted(ACCUMULATE_FUNCTIONS)) + " are allowed.");
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
        new RuleCheck(rule).run();
      }
    }
  }

  private void checkImport(ImportDescr imported) {
    String target = imported.getTarget().strip();
    Class<?> type = JDK_IMPORTS.get(target);
    if (type == null && !target.endsWith("*")) {
      int dot = target.lastIndexOf('.');
      if (dot > 0 && MODEL_PACKAGES.contains(target.substring(0, dot))) {
        Class<?> found = load(target);
        if (isModelType(found)) {
          type = found;
        }
      }
    }
    if (type == null) {
      fileProblem(imported, "imports " + target + ", which rule files may not do: only the model types (Proposal "
          + "and its value types, of org.councilgateway.model, and the facts of org.councilgateway.facts), one by one, and java.util.List, Set, Map "
          + "and Collection, java.math.BigDecimal and java.time.LocalDate may be imported.");
      return;
    }
    types.put(type.getSimpleName(), type);
    for (Class<?> reachable : reachable(type)) {
      methodNames.addAll(instanceMethods(reachable));
    }
  }

  private void checkGlobal(GlobalDescr global) {
    String type = global.getType() == null ? "" : global.getType().strip();
    boolean findingsType = type.equals(Findings.class.getName())
        || (type.equals(Findings.class.getSimpleName()) && types.get(type) == Findings.class);
    if ("findings".equals(global.getIdentifier()) && findingsType) {
      hasFindings = true;
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
  private static String attributeFault(AttributeDescr attribute) {
    String name = attribute.getName();
    String raw = attribute.getValue() == null ? "" : attribute.getValue();
    String value = raw.strip();
    if (!LITERAL_ATTRIBUTES.contains(name)) {
      return "sets the attribute " + name + ", which rule files may not do: only "
          + String.join(", ", sorted(LITERAL_ATTRIBUTES)) + " are allowed, with plain values.";
    }
    if (name.equals("dialect")) {
      return raw.equals("java") ? null : value.equals("java")
          ? "gives the dialect as \"" + raw + "\", with spaces, which rule files may not do: write dialect \"java\"."
          : "uses the dialect " + value + ", which rule files may not do: rules are written in the java dialect.";
    }
    if (name.equals("salience")) {
      return value.matches("-?[0-9]{1,9}") ? null
          : "sets salience to " + value + ", which rule files may not do: salience is a whole number.";
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
        : "sets " + name + " to " + value + ", which rule files may not do: it is true or false.";
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
    Matcher keyword = Pattern.compile("(?m)^\\s*(package)\\b").matcher(source);
    int[] at = keyword.find() ? position(keyword.start(1)) : new int[] {pkg.getLine(), 0};
    problem(at[0], at[1], "has the package " + name + ", which rule files may not do: a package is lowercase "
        + "words separated by dots, such as " + RULES_PACKAGE + ", and not one of Java's, Drools' or this library's.");
  }

  // ---------------------------------------------------------------------------------------------
  // Rules.

  /** Where code comes from, which decides the names it may use. */
  private enum Place { CONDITION, FROM, EVAL, ACCUMULATE, CONSEQUENCE }

  /** A rejection: the node at fault and what it does, as a phrase ("calls System.exit"). */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Node node;
    final String what;
    final String instead;
    String anchor;

    Rejected(Node node, String what) {
      this(node, what, ALLOWED);
    }

    Rejected(Node node, String what, String instead) {
      super(what, null, false, false);
      this.node = node;
      this.what = what;
      this.instead = instead;
    }
  }

  /** The checks of one rule. */
  private final class RuleCheck {
    private final RuleDescr rule;
    /** The start of every message about the rule: {@code Rule "name"}. */
    private final String named;

    RuleCheck(RuleDescr rule) {
      this.rule = rule;
      this.named = "Rule \"" + rule.getName() + "\"";
    }

    void run() {
      checkName();
      for (AttributeDescr attribute : rule.getAttributes().values()) {
        String fault = attributeFault(attribute);
        if (fault != null) {
          problem(attribute.getLine() > 0 ? attribute.getLine() : rule.getLine(),
              attribute.getLine() > 0 ? attribute.getColumn() + 1 : 0, named + " " + fault);
        }
      }
      for (AnnotationDescr annotation : rule.getAnnotations()) {
        checkMetadata(annotation);
      }
      if (rule.getUnit() != null) {
        problem(rule.getLine(), rule.getColumn() + 1, named
            + " belongs to a rule unit, which rule files may not do: " + ONLY_RULES + ".");
      }
      if (!rule.getNamedConsequences().isEmpty()) {
        problem(rule.getLine(), rule.getColumn() + 1, named + " has the named consequence(s) "
            + String.join(", ", sorted(rule.getNamedConsequences().keySet()))
            + ", which rule files may not do: a rule has one consequence.");
      }
      Set<String> bindings = new HashSet<>();
      checkElement(rule.getLhs(), rule.getLine(), bindings);
      checkConsequence(bindings);
    }

    /** Drools copies a rule's name into Java strings and comments without escaping it. */
    private void checkName() {
      String name = rule.getName() == null ? "" : rule.getName();
      String unplain = PlainText.firstUnplain(name, PlainText.NAME_PUNCTUATION);
      if (unplain != null) {
        problem(rule.getLine(), rule.getColumn() + 1, named + " has a name that " + PlainText.NAME_RULE
            + " (not " + unplain + ").");
      } else if (name.isBlank() || name.strip().length() != name.length() || name.startsWith("'")
          || name.endsWith("'")) {
        problem(rule.getLine(), rule.getColumn() + 1, named + " has a name that is empty or begins or ends with "
            + "a space or a quote, which rule names may not: write the name in double quotes, as rule \"My rule\".");
      }
    }

    /**
     * Metadata is copied into the Java Drools generates: its name as a string, its value as an
     * expression, so a value is plain quoted text or a number and a name a lowercase word.
     */
    private void checkMetadata(AnnotationDescr annotation) {
      String key = annotation.getName();
      if (!METADATA_NAME.matcher(key).matches()) {
        problem(rule.getLine(), rule.getColumn() + 1, named + " has the metadata @" + key
            + ", which rule files may not do: metadata names are words that begin in lowercase, such as @id, "
            + "@source and @description.");
        return;
      }
      Map<String, Object> values = annotation.getValueMap();
      if (values.size() > 1 || (values.size() == 1 && !values.containsKey(AnnotationDescr.VALUE))) {
        problem(rule.getLine(), rule.getColumn() + 1, named + " gives @" + key + " the values "
            + shorten(String.valueOf(values)) + ", which rule files may not do: metadata has one value, as @" + key
            + "(\"text\").");
        return;
      }
      for (Object value : values.values()) {
        String text = String.valueOf(value).strip();
        String unplain = text.startsWith("\"") && text.length() > 1
            ? PlainText.firstUnplain(text.substring(1, text.length() - 1), PlainText.NAME_PUNCTUATION) : null;
        if (!LITERAL.matcher(text).matches()) {
          problem(rule.getLine(), rule.getColumn() + 1, named + " gives @" + key + " the value " + shorten(text)
              + ", which rule files may not do: metadata values are quoted text or numbers.");
        } else if (unplain != null) {
          problem(rule.getLine(), rule.getColumn() + 1, named + " gives @" + key + " the value " + shorten(text)
              + ", which " + PlainText.NAME_RULE + " (not " + unplain + ").");
        }
      }
    }

    /**
     * Declares a binding in a scope, first checking that its name cannot be read as something
     * else: Java reads {@code Runtime.version()} as a call on a variable named Runtime only where
     * that variable is in scope, so a binding may not take a type's name, nor the engine's.
     */
    private void declare(String name, int line, int column, Set<String> scope) {
      if (ENGINE_CONTEXT.contains(name)) {
        problem(line, column, named + " binds " + name + ", the name of the rule engine's context, which rule files "
            + "may not do: a binding has a name of its own, such as $" + name + ".");
      } else if (isTypeName(name)) {
        problem(line, column, named + " binds " + name + ", the name of a type, which rule files may not do: a "
            + "binding has a name of its own, such as $" + name.substring(0, 1).toLowerCase(Locale.ROOT)
            + name.substring(1) + ".");
      }
      scope.add(name);
    }

    // Conditions, each checked with the bindings in scope where it is, as Drools compiles it.

    /**
     * Checks a condition element.
     *
     * @param near the line of the element that holds it
     * @param scope the bindings in scope; the bindings the element declares for the elements after
     *     it and the consequence are added
     */
    private void checkElement(BaseDescr element, int near, Set<String> scope) {
      int line = element.getLine() > 0 ? element.getLine() : near;
      if (element instanceof PatternDescr pattern) {
        checkPattern(pattern, line, scope);
      } else if (element instanceof EvalDescr eval) {
        checkCode(String.valueOf(eval.getContent()), Place.EVAL, null, line, element.getColumn(), scope);
      } else if (element instanceof AndDescr and) {
        for (BaseDescr child : and.getDescrs()) {
          checkElement(child, line, scope);
        }
      } else if (element instanceof OrDescr or) {
        // Drools makes a rule of each branch: what every branch binds is in scope after the or.
        Set<String> everyBranch = null;
        for (BaseDescr child : or.getDescrs()) {
          Set<String> branch = new HashSet<>(scope);
          checkElement(child, line, branch);
          if (everyBranch == null) {
            everyBranch = branch;
          } else {
            everyBranch.retainAll(branch);
          }
        }
        if (everyBranch != null) {
          scope.addAll(everyBranch);
        }
      } else if (element instanceof NotDescr || element instanceof ExistsDescr || element instanceof ForallDescr) {
        // What is bound under not, exists and forall is in scope only there.
        Set<String> inner = new HashSet<>(scope);
        for (Object child : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
          checkElement((BaseDescr) child, line, inner);
        }
      } else {
        problem(line, element.getColumn() + 1, named + " uses " + describe(element)
            + ", which rule files may not do: conditions are patterns on model types, with not, exists, forall, "
            + "from, accumulate and eval.");
      }
    }

    private void checkPattern(PatternDescr pattern, int line, Set<String> scope) {
      int column = pattern.getColumn() + 1;
      if (pattern.isQuery()) {
        problem(line, column, named + " calls the query " + pattern.getObjectType()
            + ", which rule files may not do: " + ONLY_RULES + ".");
        return;
      }
      if (!pattern.getBehaviors().isEmpty()) {
        problem(line, column, named + " uses a sliding window on " + pattern.getObjectType()
            + ", which rule files may not do: " + ALLOWED + ".");
      }
      if (!pattern.getAnnotations().isEmpty()) {
        problem(line, column, named + " annotates the pattern " + pattern.getObjectType()
            + ", which rule files may not do: " + ALLOWED + ".");
      }
      String typeName = pattern.getObjectType() == null ? "" : pattern.getObjectType().strip();
      Class<?> type = types.get(typeName);
      if (typeName.isEmpty()) {
        problem(line, column, named + " has a pattern without a type, which rule files may not "
            + "do: patterns match the imported model types, String and Object.");
      } else if (type == null) {
        problem(line, column, named + " matches " + typeName + ", which rule files may not do: "
            + (typeName.contains(".") ? "fully qualified names are not allowed; import the model type." :
            "patterns match the imported model types, String and Object."));
      }
      PatternSourceDescr source = pattern.getSource();
      if (source instanceof FromDescr from) {
        checkCode(from.getExpression(), Place.FROM, null, line, column - 1, scope);
      } else if (source instanceof GroupByDescr) {
        problem(line, column, named + " uses groupby, which rule files may not do: "
            + "accumulate with " + String.join(", ", sorted(ACCUMULATE_FUNCTIONS)) + " is allowed.");
      } else if (source instanceof AccumulateDescr accumulate) {
        checkAccumulate(accumulate, line, column, scope);
      } else if (source instanceof CollectDescr collect) {
        if (collect.getInputPattern() != null) {
          checkElement(collect.getInputPattern(), line, new HashSet<>(scope));
        }
      } else if (source instanceof EntryPointDescr entryPoint) {
        // Drools copies the entry point's name into a Java string without escaping it.
        String id = entryPoint.getEntryId() == null ? "" : entryPoint.getEntryId();
        String unplain = PlainText.firstUnplain(id, PlainText.NAME_PUNCTUATION);
        if (unplain != null || id.isBlank()) {
          problem(line, column, named + " takes " + typeName + " from the entry point \"" + id
              + "\", whose name " + PlainText.NAME_RULE + (unplain == null ? "" : " (not " + unplain + ")") + ".");
        }
      } else if (source != null) {
        problem(line, column, named + " takes " + typeName + " from " + describe(source)
            + ", which rule files may not do: " + ALLOWED + ".");
      }
      if (pattern.getIdentifier() != null) {
        declare(pattern.getIdentifier(), line, column, scope);
      }
      for (BaseDescr constraint : pattern.getDescrs()) {
        int at = constraint.getLine() > 0 ? constraint.getLine() : line;
        if (constraint instanceof ExprConstraintDescr expr) {
          checkCode(expr.getExpression(), Place.CONDITION, type, at, constraint.getColumn(), scope);
          Matcher binding = BINDING.matcher(expr.getExpression());
          if (binding.find()) {
            declare(binding.group(1), at, constraint.getColumn() + 1, scope);
          }
        } else if (constraint instanceof BindingDescr binding) {
          checkCode(binding.getExpression(), Place.CONDITION, type, at, constraint.getColumn(), scope);
          declare(binding.getVariable(), at, constraint.getColumn() + 1, scope);
        } else {
          problem(at, constraint.getColumn() + 1, named + " uses " + describe(constraint)
              + " in a condition, which rule files may not do: " + ALLOWED + ".");
        }
      }
    }

    /** Checks an accumulate: its input and arguments see the input's bindings, the rest only its results. */
    private void checkAccumulate(AccumulateDescr accumulate, int line, int column, Set<String> scope) {
      if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
          || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
        problem(line, column, named + " has accumulate code (init, action, reverse, result)"
            + ", which rule files may not do: accumulate with " + String.join(", ", sorted(ACCUMULATE_FUNCTIONS))
            + " is allowed.");
        return;
      }
      Set<String> inner = new HashSet<>(scope);
      if (accumulate.getInput() != null) {
        checkElement(accumulate.getInput(), line, inner);
      }
      for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
        if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
          problem(line, column, named + " accumulates with " + function.getFunction()
              + ", which rule files may not do: only " + String.join(", ", sorted(ACCUMULATE_FUNCTIONS))
              + " are allowed.");
        }
        for (String parameter : function.getParams()) {
          checkCode(parameter, Place.ACCUMULATE, null, line, column - 1, inner);
        }
      }
      for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
        if (function.getBind() != null) {
          declare(function.getBind(), line, column, scope);
        }
      }
    }

    // The consequence.

    /** Checks the consequence, which sees the bindings in scope after the conditions. */
    private void checkConsequence(Set<String> bindings) {
      Object consequence = rule.getConsequence();
      if (consequence == null) {
        return;
      }
      String text = consequence.toString();
      if (text.isBlank()) {
        return;
      }
      // Checked as Java whatever the dialect: another dialect is reported with the attributes.
      // Searched for from the line of "then", which it may share.
      int line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
      checkCode(text, Place.CONSEQUENCE, null, line, -1, bindings);
    }

    // Code: a condition, a from, an eval, an accumulate argument or the consequence.

    /**
     * Parses and checks one piece of code, reporting its first fault.
     *
     * @param line the line it is on or, when it cannot be found in the source, nearest to
     * @param column the 0-based column of the descriptor, or -1 when unknown
     * @param bindings the bindings in scope
     */
    private void checkCode(String code, Place place, Class<?> patternType, int line, int column,
        Set<String> bindings) {
      if (code == null || code.isBlank()) {
        return;
      }
      int start = locate(code, line);
      Node parsed;
      String parsedText;
      int prefix;
      try {
        if (place == Place.CONSEQUENCE) {
          // As Drools reads a java-dialect consequence: a block, with the same parser and language level.
          parsedText = "{\n" + code + "\n}";
          prefix = 1;
          ParseResult<BlockStmt> result = javaParser.parseBlock(parsedText);
          if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new ParseProblemException(result.getProblems());
          }
          parsed = result.getResult().get();
        } else {
          Matcher binding = BINDING.matcher(code);
          // A unification (":=") reads like a binding as far as the guard is concerned.
          parsedText = binding.find() && !binding.group(2).isEmpty()
              ? code.substring(0, binding.end() - 1) + " " + code.substring(binding.end()) : code;
          prefix = 0;
          parsed = DrlxParseUtil.parseExpression(parsedText);
        }
      } catch (RuntimeException e) {
        int[] at = start >= 0 ? position(start) : new int[] {line, column >= 0 ? column + 1 : 0};
        if (place == Place.CONSEQUENCE && MODIFY.matcher(code).find()) {
          problem(at[0], at[1], named + " uses modify, which rule files may not do: "
              + ALLOWED + "; facts are not changed.");
        } else {
          problem(at[0], at[1], named + " has " + placeName(place)
              + " the guard cannot read (" + shorten(code) + "), which rule files may not do: " + ALLOWED + ".");
        }
        return;
      }
      CodeCheck check = new CodeCheck(this, place, patternType, parsedText, bindings);
      try {
        if (parsed instanceof BlockStmt block) {
          check.statement(block);
        } else {
          check.expression((Expression) parsed);
        }
      } catch (Rejected rejected) {
        rejected.anchor = rejected.node == null ? null : check.text(rejected.node);
        int[] at = locate(rejected.node, rejected.anchor, start, code.length(), prefix, line, column);
        problem(at[0], at[1], named + " " + rejected.what + ", which rule files may not do: "
            + rejected.instead + ".");
      } catch (RuntimeException e) {
        int[] at = start >= 0 ? position(start) : new int[] {line, column >= 0 ? column + 1 : 0};
        problem(at[0], at[1], named + " has " + placeName(place) + " the guard cannot check ("
            + shorten(code) + "), which rule files may not do: " + ALLOWED + ".");
      }
    }

    /** Finds where code begins in the source, searching from the start of a line; -1 when not found. */
    private int locate(String code, int line) {
      if (line <= 0 || line > lineStarts.length) {
        return -1;
      }
      return source.indexOf(code, lineStarts[line - 1]);
    }

    /**
     * Where a node is in the source: by its range when the parser kept one (the Java parser of
     * consequences does, the DRLX parser of conditions does not), else by searching for its text
     * in the code, else where the code begins.
     *
     * @param anchor the node's text, as printed
     * @param start the offset in the source of the code parsed
     * @param length the length of the code
     * @param prefix the number of lines put before the code to parse it
     */
    private int[] locate(Node node, String anchor, int start, int length, int prefix, int line, int column) {
      if (start < 0) {
        return new int[] {line, column >= 0 ? column + 1 : 0};
      }
      int[] begin = position(start);
      Optional<Range> range = node == null ? Optional.empty() : node.getRange();
      if (range.isPresent() && range.get().begin.line - prefix >= 1) {
        int nodeLine = range.get().begin.line - prefix;
        int nodeColumn = range.get().begin.column;
        return nodeLine == 1 ? new int[] {begin[0], begin[1] + nodeColumn - 1}
            : new int[] {begin[0] + nodeLine - 1, nodeColumn};
      }
      if (anchor != null && !anchor.isBlank()) {
        StringBuilder loose = new StringBuilder();
        anchor.strip().codePoints().filter(c -> !Character.isWhitespace(c)).limit(60).forEach(c -> {
          if (loose.length() > 0) {
            loose.append("\\s*");
          }
          loose.append(Pattern.quote(new String(Character.toChars(c))));
        });
        Matcher found = Pattern.compile(loose.toString()).matcher(source);
        found.region(start, Math.min(source.length(), start + length));
        if (found.find()) {
          return position(found.start());
        }
      }
      return begin;
    }
  }

  private static String placeName(Place place) {
    return switch (place) {
      case CONDITION -> "a condition";
      case FROM -> "a from expression";
      case EVAL -> "an eval";
      case ACCUMULATE -> "an accumulate argument";
      case CONSEQUENCE -> "a consequence";
    };
  }

  /** The check of one parsed piece of code against the allowlist. */
  private final class CodeCheck {
    private final RuleCheck rule;
    private final Place place;
    private final Class<?> patternType;
    private final String text;
    private final int[] textLineStarts;
    private final Set<String> bindings;
    /** The local variables declared so far in each enclosing block, innermost first. */
    private final Deque<Set<String>> blocks = new ArrayDeque<>();

    CodeCheck(RuleCheck rule, Place place, Class<?> patternType, String text, Set<String> bindings) {
      this.rule = rule;
      this.bindings = Set.copyOf(bindings);
      this.place = place;
      this.patternType = patternType;
      this.text = text;
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      this.textLineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a name is a local variable in scope: declared before, in this block or one around it. */
    private boolean isLocal(String name) {
      return blocks.stream().anyMatch(block -> block.contains(name));
    }

    // Statements: blocks, expressions, local variables and if, in a consequence only.

    void statement(Statement statement) {
      if (statement instanceof BlockStmt block) {
        blocks.push(new HashSet<>());
        for (Statement inner : block.getStatements()) {
          statement(inner);
        }
        blocks.pop();
      } else if (statement instanceof ExpressionStmt expression) {
        Expression inner = expression.getExpression();
        if (inner instanceof VariableDeclarationExpr declaration) {
          if (!declaration.getAnnotations().isEmpty()) {
            throw new Rejected(declaration, "annotates a local variable");
          }
          for (VariableDeclarator variable : declaration.getVariables()) {
            type(variable.getType());
            if (variable.getInitializer().isPresent()) {
              expression(variable.getInitializer().get());
            }
            declareLocal(variable);
          }
        } else {
          expression(inner);
        }
      } else if (statement instanceof IfStmt ifStmt) {
        expression(ifStmt.getCondition());
        branch(ifStmt.getThenStmt());
        if (ifStmt.getElseStmt().isPresent()) {
          branch(ifStmt.getElseStmt().get());
        }
      } else if (statement instanceof EmptyStmt) {
        return;
      } else if (statement instanceof WhileStmt || statement instanceof DoStmt || statement instanceof ForStmt
          || statement instanceof ForEachStmt) {
        String loop = statement instanceof WhileStmt ? "while" : statement instanceof DoStmt ? "do-while"
            : "for";
        throw new Rejected(statement, "has a " + loop + " loop",
            "a consequence records findings, inserts model facts and reads facts, without loops");
      } else if (statement instanceof ModifyStatement) {
        throw new Rejected(statement, "uses modify", ALLOWED + "; facts are not changed");
      } else if (statement instanceof WithStatement) {
        throw new Rejected(statement, "uses with", ALLOWED + "; facts are not changed");
      } else {
        throw new Rejected(statement, "uses a " + statementName(statement) + " statement",
            "a consequence holds calls on findings, insert of model types, local variables and if");
      }
    }

    /** A branch of an if is a scope of its own, block or not. */
    private void branch(Statement statement) {
      blocks.push(new HashSet<>());
      statement(statement);
      blocks.pop();
    }

    /**
     * Declares a local variable in the innermost block, once its initializer is checked: in scope
     * from there to the end of the block, as in Java. Like a binding, it may not take a type's name.
     */
    private void declareLocal(VariableDeclarator variable) {
      String name = variable.getNameAsString();
      if (ENGINE_CONTEXT.contains(name) || isTypeName(name)) {
        throw new Rejected(variable, "declares a local variable named " + name + ", the name of "
            + (ENGINE_CONTEXT.contains(name) ? "the rule engine's context" : "a type"),
            "a local variable has a name of its own");
      }
      blocks.element().add(name);
    }

    // Expressions.

    void expression(Expression expression) {
      if (expression instanceof LiteralExpr || expression instanceof BigDecimalLiteralExpr
          || expression instanceof BigIntegerLiteralExpr) {
        return;
      }
      if (expression instanceof DrlxExpression drlx) {
        if (place != Place.CONDITION && drlx.getBind() != null) {
          throw new Rejected(drlx, "binds " + drlx.getBind().asString() + " outside a pattern");
        }
        expression(drlx.getExpr());
      } else if (expression instanceof NameExpr name) {
        nameValue(name);
      } else if (expression instanceof ThisExpr thisExpr) {
        if (place != Place.CONDITION || thisExpr.getTypeName().isPresent()) {
          throw new Rejected(thisExpr, "uses this outside a pattern's condition");
        }
      } else if (expression instanceof EnclosedExpr enclosed) {
        expression(enclosed.getInner());
      } else if (expression instanceof BinaryExpr binary) {
        expression(binary.getLeft());
        expression(binary.getRight());
      } else if (expression instanceof UnaryExpr unary) {
        UnaryExpr.Operator operator = unary.getOperator();
        if (operator == UnaryExpr.Operator.PREFIX_INCREMENT || operator == UnaryExpr.Operator.PREFIX_DECREMENT
            || operator == UnaryExpr.Operator.POSTFIX_INCREMENT || operator == UnaryExpr.Operator.POSTFIX_DECREMENT) {
          assignable(unary.getExpression(), unary);
        } else {
          expression(unary.getExpression());
        }
      } else if (expression instanceof ConditionalExpr conditional) {
        expression(conditional.getCondition());
        expression(conditional.getThenExpr());
        expression(conditional.getElseExpr());
      } else if (expression instanceof CastExpr cast) {
        type(cast.getType());
        expression(cast.getExpression());
      } else if (expression instanceof InstanceOfExpr instanceOf) {
        if (instanceOf.getPattern().isPresent()) {
          throw new Rejected(instanceOf, "uses instanceof with a pattern variable");
        }
        type(instanceOf.getType());
        expression(instanceOf.getExpression());
      } else if (expression instanceof InlineCastExpr cast) {
        type(cast.getType());
        expression(cast.getExpression());
      } else if (expression instanceof AssignExpr assign) {
        assignable(assign.getTarget(), assign);
        expression(assign.getValue());
      } else if (expression instanceof FieldAccessExpr access) {
        field(access, access.getScope(), access.getNameAsString());
      } else if (expression instanceof NullSafeFieldAccessExpr access) {
        field(access, access.getScope(), access.getNameAsString());
      } else if (expression instanceof MethodCallExpr call) {
        call(call, call.getScope().orElse(null), call.getNameAsString(), call.getArguments(),
            call.getTypeArguments().orElse(null));
      } else if (expression instanceof NullSafeMethodCallExpr call) {
        call(call, call.getScope().orElse(null), call.getNameAsString(), call.getArguments(),
            call.getTypeArguments().orElse(null));
      } else if (expression instanceof ObjectCreationExpr creation) {
        creation(creation);
      } else if (expression instanceof PointFreeExpr pointFree) {
        operator(pointFree, pointFree.getOperator().asString(), pointFree.getArg1(), pointFree.getArg2(),
            pointFree.getArg3(), pointFree.getArg4());
        expression(pointFree.getLeft());
        pointFree.getRight().forEach(this::expression);
      } else if (expression instanceof HalfPointFreeExpr pointFree) {
        operator(pointFree, pointFree.getOperator().asString(), pointFree.getArg1(), pointFree.getArg2(),
            pointFree.getArg3(), pointFree.getArg4());
        pointFree.getRight().forEach(this::expression);
      } else if (expression instanceof HalfBinaryExpr half) {
        expression(half.getRight());
      } else if (expression instanceof LambdaExpr) {
        throw new Rejected(expression, "uses a lambda");
      } else if (expression instanceof MethodReferenceExpr) {
        throw new Rejected(expression, "uses the method reference " + text(expression));
      } else if (expression instanceof ClassExpr) {
        throw new Rejected(expression, "uses " + text(expression) + ", which is reflection");
      } else if (expression instanceof ArrayAccessExpr || expression instanceof ArrayCreationExpr
          || expression instanceof ArrayInitializerExpr) {
        throw new Rejected(expression, "uses an array");
      } else if (expression instanceof SwitchExpr) {
        throw new Rejected(expression, "uses a switch expression");
      } else if (expression instanceof SuperExpr) {
        throw new Rejected(expression, "uses super");
      } else if (expression instanceof VariableDeclarationExpr) {
        throw new Rejected(expression, "declares a variable inside an expression");
      } else if (expression instanceof OOPathExpr) {
        throw new Rejected(expression, "uses an OOPath expression");
      } else {
        throw new Rejected(expression, "uses syntax the guard does not know ("
            + expression.getClass().getSimpleName().replace("Expr", " expression") + ")");
      }
    }

    private void operator(Node node, String operator, Expression... arguments) {
      if (!POINT_FREE_OPERATORS.contains(operator)) {
        throw new Rejected(node, "uses the operator " + operator, "the operators "
            + String.join(", ", sorted(POINT_FREE_OPERATORS)) + " and Java's comparisons are allowed");
      }
      for (Expression argument : arguments) {
        if (argument != null) {
          throw new Rejected(node, "gives the operator " + operator + " parameters");
        }
      }
    }

    /** A name used as a value: a binding, a local variable, findings or a property of the pattern's type. */
    private void nameValue(NameExpr name) {
      String id = name.getNameAsString();
      if (name instanceof DrlNameExpr drl && drl.getBackReferencesCount() > 0) {
        throw new Rejected(name, "refers back to an enclosing pattern (../)");
      }
      if (isValue(id)) {
        return;
      }
      throw unknownName(name);
    }

    private boolean isValue(String id) {
      return bindings.contains(id) || isLocal(id) || (hasFindings && id.equals("findings"))
          || (place == Place.CONDITION && properties(patternType).contains(id));
    }

    private Rejected unknownName(NameExpr name) {
      String id = name.getNameAsString();
      if (ENGINE_CONTEXT.contains(id)) {
        return new Rejected(name, "uses " + id + ", the rule engine's context");
      }
      Node top = name;
      StringBuilder path = new StringBuilder(id);
      while (top.getParentNode().isPresent()) {
        Node parent = top.getParentNode().get();
        if (parent instanceof FieldAccessExpr access && access.getScope() == top) {
          path.append('.').append(access.getNameAsString());
        } else if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == top) {
          path.append('.').append(call.getNameAsString());
          top = parent;
          break;
        } else {
          break;
        }
        top = parent;
      }
      String shown = path.toString();
      boolean qualified = QUALIFIED_ROOTS.contains(id)
          || (Character.isLowerCase(id.charAt(0)) && shown.chars().filter(c -> c == '.').count() >= 2);
      if (qualified) {
        return new Rejected(name, "uses the fully qualified name " + shown,
            ALLOWED + "; rules name only the imported model types");
      }
      if (top != name && top instanceof MethodCallExpr) {
        return new Rejected(name, "calls " + shown);
      }
      if (top != name) {
        return new Rejected(name, "uses " + shown);
      }
      if (types.containsKey(id)) {
        return new Rejected(name, "uses the type " + id + " as a value");
      }
      return new Rejected(name, "refers to " + id + ", which is not a binding, a fact's property or an imported "
          + "model type");
    }

    private void assignable(Expression target, Node at) {
      if (place == Place.CONSEQUENCE && target instanceof NameExpr name && isLocal(name.getNameAsString())) {
        return;
      }
      throw new Rejected(at, "assigns to " + text(target), ALLOWED + "; only local variables may be assigned");
    }

    private void field(Expression access, Expression scope, String name) {
      Class<?> type = typeScope(scope);
      if (type != null) {
        try {
          java.lang.reflect.Field field = type.getField(name);
          if (Modifier.isStatic(field.getModifiers()) && (isModelType(type) || JDK_IMPORTS.containsValue(type)
              || JAVA_LANG.containsValue(type))) {
            return;
          }
        } catch (NoSuchFieldException e) {
          // reported below
        }
        throw new Rejected(access, "uses " + type.getSimpleName() + "." + name);
      }
      expression(scope);
      if (!methodNames.contains(name) && !propertyNames().contains(name)) {
        throw new Rejected(access, "reads " + text(access), ALLOWED + "; facts are read through their accessors");
      }
    }

    private void call(Expression call, Expression scope, String name, NodeList<Expression> arguments,
        NodeList<Type> typeArguments) {
      if (typeArguments != null) {
        typeArguments.forEach(this::type);
      }
      if (scope == null) {
        if (place == Place.CONSEQUENCE && name.equals("insert")) {
          insert(call, arguments);
          return;
        }
        if (place == Place.CONDITION && instanceMethods(patternType).contains(name)) {
          arguments.forEach(this::expression);
          return;
        }
        throw new Rejected(call, "calls " + name, ALLOWED + (place == Place.CONSEQUENCE
            ? "; facts are not changed, and insert is the only engine call" : ""));
      }
      Class<?> type = typeScope(scope);
      if (type != null) {
        if (!staticMethodAllowed(type, name)) {
          throw new Rejected(call, "calls " + type.getSimpleName() + "." + name);
        }
        arguments.forEach(this::expression);
        return;
      }
      if (scope instanceof NameExpr named && named.getNameAsString().equals("findings") && hasFindings
          && !bindings.contains("findings") && !isLocal("findings")) {
        boolean recording = FINDINGS_METHODS.contains(name);
        if (!(recording && place == Place.CONSEQUENCE) && !READ_ONLY_METHODS.contains(name)) {
          throw new Rejected(call, "calls findings." + name, recording
              ? "findings are recorded in the consequence" : ALLOWED);
        }
        arguments.forEach(this::expression);
        return;
      }
      expression(scope);
      if (!methodNames.contains(name)) {
        throw new Rejected(call, "calls " + text(scope, name), ALLOWED
            + "; facts are read through their accessors and read-only methods");
      }
      arguments.forEach(this::expression);
    }

    private void insert(Expression call, NodeList<Expression> arguments) {
      Expression fact = arguments.size() == 1 ? arguments.get(0) : null;
      while (fact instanceof EnclosedExpr enclosed) {
        fact = enclosed.getInner();
      }
      if (fact instanceof ObjectCreationExpr creation) {
        creation(creation);
        return;
      }
      if (fact instanceof MethodCallExpr factory && factory.getScope().isPresent()) {
        Class<?> type = typeScope(factory.getScope().get());
        if (type != null && isModelType(type)) {
          expression(factory);
          return;
        }
      }
      throw new Rejected(call, "inserts " + (fact == null ? "something other than one fact" : text(fact)),
          "insert takes a new model fact: new Type(...) or a model type's factory such as OverlapKey.of(...)");
    }

    private void creation(ObjectCreationExpr creation) {
      if (creation.getScope().isPresent() || creation.getAnonymousClassBody().isPresent()) {
        throw new Rejected(creation, "creates " + (creation.getAnonymousClassBody().isPresent()
            ? "an anonymous class" : text(creation)));
      }
      ClassOrInterfaceType created = creation.getType();
      Class<?> type = created.getScope().isPresent() ? null : types.get(created.getNameAsString());
      if (type == null || !type.isRecord() || !isModelType(type)) {
        throw new Rejected(creation, "creates a " + typeText(created), ALLOWED + "; new is for model records");
      }
      type(created);
      creation.getTypeArguments().ifPresent(list -> list.forEach(this::type));
      creation.getArguments().forEach(this::expression);
    }

    /** The type a call's or field's scope names, or null when the scope is a value. */
    private Class<?> typeScope(Expression scope) {
      if (scope instanceof NameExpr name && !isValue(name.getNameAsString())) {
        return types.get(name.getNameAsString());
      }
      return null;
    }

    private void type(Type type) {
      if (type instanceof PrimitiveType || type instanceof VarType) {
        return;
      }
      if (type instanceof ClassOrInterfaceType named) {
        if (!named.getAnnotations().isEmpty()) {
          throw new Rejected(type, "annotates the type " + named.getNameAsString());
        }
        if (named.getScope().isPresent()) {
          throw new Rejected(type, "uses the fully qualified name " + typeText(named),
              ALLOWED + "; rules name only the imported model types");
        }
        if (!types.containsKey(named.getNameAsString())) {
          throw new Rejected(type, "uses the type " + named.getNameAsString(),
              ALLOWED + "; types are the imported model types, List, Set, Map, Collection, BigDecimal, "
                  + "LocalDate, String and the boxed numbers");
        }
        if (named.getTypeArguments().isPresent()) {
          named.getTypeArguments().get().forEach(this::type);
        }
        return;
      }
      throw new Rejected(type, "uses the type " + type.asString());
    }

    private Set<String> properties(Class<?> type) {
      if (type == null) {
        return Set.of();
      }
      return RuleFileGuard.properties(type);
    }

    private Set<String> propertyNames() {
      Set<String> names = new HashSet<>();
      for (String method : methodNames) {
        names.add(method);
        String bean = beanName(method);
        if (bean != null) {
          names.add(bean);
        }
      }
      return names;
    }

    // Text of nodes, for messages.

    String text(Node node) {
      Optional<Range> range = node.getRange();
      if (range.isPresent() && range.get().begin.line >= 1) {
        int from = offset(range.get().begin.line, range.get().begin.column);
        int to = offset(range.get().end.line, range.get().end.column) + 1;
        if (from >= 0 && to <= text.length() && from < to) {
          return shorten(text.substring(from, to));
        }
      }
      try {
        return shorten(PrintUtil.printNode(node));
      } catch (RuntimeException e) {
        return node.getClass().getSimpleName();
      }
    }

    private String text(Expression scope, String name) {
      String shown = text(scope);
      return shown.length() > 40 ? shown.substring(0, 37) + "..." + "." + name : shown + "." + name;
    }

    private int offset(int line, int column) {
      if (line < 1 || line > textLineStarts.length) {
        return -1;
      }
      return textLineStarts[line - 1] + column - 1;
    }
  }

  private static final Set<String> FINDINGS_METHODS = Set.copyOf(Arrays.stream(Findings.class.getDeclaredMethods())
      .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName).toList());

  // ---------------------------------------------------------------------------------------------
  // The model, by reflection.

  /**
   * Whether Java could read a name as a type in a rule: an imported type's or a java.lang type's
   * simple name.
   */
  private boolean isTypeName(String name) {
    return types.containsKey(name) || (SourceVersion.isIdentifier(name) && load("java.lang." + name) != null);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RuleFileGuard.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * A model type: the Findings interface, or a public top-level record or enum of the model package
   * ({@code org.councilgateway.model}) or of the facts package ({@code org.councilgateway.facts}).
   * Every other package of the library is its API (Gateway, RuleSet, results, Problem, Limits ...)
   * or its implementation, which rules have no business naming.
   */
  static boolean isModelType(Class<?> type) {
    return type == Findings.class
        || (isPublicRecordOrEnum(type) && MODEL_PACKAGES.contains(type.getPackageName()));
  }

  private static boolean isPublicRecordOrEnum(Class<?> type) {
    return type != null && type.getEnclosingClass() == null && Modifier.isPublic(type.getModifiers())
        && (type.isRecord() || type.isEnum());
  }

  /** Works out {@link #MODEL_TYPES}. */
  private static Set<Class<?>> modelTypes() {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<java.lang.reflect.Type> next = new ArrayDeque<>();
    next.add(Proposal.class);
    for (Method method : Findings.class.getMethods()) {
      next.addAll(Arrays.asList(method.getGenericParameterTypes()));
    }
    while (!next.isEmpty()) {
      java.lang.reflect.Type type = next.poll();
      if (type instanceof ParameterizedType parameterized) {
        next.add(parameterized.getRawType());
        next.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
      } else if (type instanceof Class<?> plain && isPublicRecordOrEnum(plain)
          && plain.getPackageName().equals(Proposal.class.getPackageName()) && found.add(plain)) {
        for (Method method : plain.getMethods()) {
          if (!Modifier.isStatic(method.getModifiers())) {
            next.add(method.getGenericReturnType());
          }
        }
      }
    }
    return Set.copyOf(found);
  }

  /** The model types a rule can reach from a type through the methods it may call. */
  private static Set<Class<?>> reachable(Class<?> root) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> next = new ArrayDeque<>();
    next.add(root);
    while (!next.isEmpty()) {
      Class<?> type = next.poll();
      if (!isModelType(type) || !seen.add(type)) {
        continue;
      }
      for (Method method : type.getMethods()) {
        if (allowedOn(type, method)) {
          modelTypesIn(method.getGenericReturnType(), next);
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())) {
          modelTypesIn(method.getGenericReturnType(), next);
        }
      }
    }
    return seen;
  }

  private static void modelTypesIn(java.lang.reflect.Type type, Deque<Class<?>> into) {
    if (type instanceof Class<?> plain) {
      if (isModelType(plain)) {
        into.add(plain);
      }
    } else if (type instanceof ParameterizedType parameterized) {
      modelTypesIn(parameterized.getRawType(), into);
      for (java.lang.reflect.Type argument : parameterized.getActualTypeArguments()) {
        modelTypesIn(argument, into);
      }
    }
  }

  /** The names of the instance methods a rule may call on a type. */
  private static Set<String> instanceMethods(Class<?> type) {
    if (type == null) {
      return Set.of();
    }
    return INSTANCE_METHODS.computeIfAbsent(type, t -> {
      Set<String> names = new HashSet<>();
      for (Method method : t.getMethods()) {
        if (allowedOn(t, method)) {
          names.add(method.getName());
        }
      }
      return Set.copyOf(names);
    });
  }

  /** The properties a condition may name on a pattern's type: its allowed methods without parameters. */
  private static Set<String> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(type, t -> {
      Set<String> names = new HashSet<>();
      Set<String> allowed = instanceMethods(t);
      for (Method method : t.getMethods()) {
        if (method.getParameterCount() == 0 && allowed.contains(method.getName())) {
          names.add(method.getName());
          String bean = beanName(method.getName());
          if (bean != null) {
            names.add(bean);
          }
        }
      }
      return Set.copyOf(names);
    });
  }

  private static String beanName(String method) {
    String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : "";
    if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
      return null;
    }
    return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
  }

  /**
   * Whether a rule may call a public instance method on a type: one of the read-only methods, or a
   * model type's own method that returns a value a rule may hold and whose name no JDK value type
   * uses for anything but reading.
   */
  private static boolean allowedOn(Class<?> type, Method method) {
    if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
      return false;
    }
    if (READ_ONLY_METHODS.contains(method.getName())) {
      return true;
    }
    return isModelType(type) && method.getDeclaringClass() == type && type != Findings.class
        && safeValue(method.getGenericReturnType()) && !JDK_METHOD_NAMES.contains(method.getName());
  }

  private static final Set<String> JDK_METHOD_NAMES = VALUE_TYPES.stream()
      .flatMap(t -> Arrays.stream(t.getMethods())).filter(m -> !Modifier.isStatic(m.getModifiers()))
      .map(Method::getName)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** A value a rule may hold: a model type, a JDK value, or a collection of them. */
  private static boolean safeValue(java.lang.reflect.Type type) {
    if (type instanceof Class<?> plain) {
      return (plain.isPrimitive() && plain != void.class) || isModelType(plain) || plain == String.class
          || plain == Integer.class || plain == Long.class || plain == Boolean.class || plain == Double.class
          || plain == BigDecimal.class || plain == LocalDate.class;
    }
    if (type instanceof ParameterizedType parameterized) {
      java.lang.reflect.Type raw = parameterized.getRawType();
      if (raw != List.class && raw != Set.class && raw != Map.class && raw != Collection.class
          && raw != Optional.class) {
        return false;
      }
      return Arrays.stream(parameterized.getActualTypeArguments()).allMatch(RuleFileGuard::safeValue);
    }
    return false;
  }

  private static boolean staticMethodAllowed(Class<?> type, String name) {
    if (JDK_STATIC_METHODS.getOrDefault(type, Set.of()).contains(name)) {
      return true;
    }
    if (!isModelType(type)) {
      return false;
    }
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())
          && Modifier.isPublic(method.getModifiers()) && isModelType(method.getReturnType())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Messages.

  private void fileProblem(BaseDescr descr, String message) {
    problem(descr.getLine(), descr.getLine() > 0 && descr.getColumn() >= 0 ? descr.getColumn() + 1 : 0, message);
  }

  /** Adds a problem; what the message quotes from the file is shown with its control characters escaped. */
  private void problem(int line, int column, String message) {
    problems.add(new Problem(file, Math.max(0, line), Math.max(0, column), Text.escapeStrictly(message)));
  }

  /** The 1-based line and column of an offset in the source. */
  private int[] position(int offset) {
    int index = Arrays.binarySearch(lineStarts, offset);
    int line = index >= 0 ? index : -index - 2;
    return new int[] {line + 1, offset - lineStarts[line] + 1};
  }

  private static String describe(BaseDescr descr) {
    String name = descr.getClass().getSimpleName().replace("Descr", "");
    return switch (name) {
      case "NamedConsequence" -> "a named consequence (do[...])";
      case "ConditionalBranch" -> "a conditional branch (if ... do[...])";
      case "WindowReference" -> "a window";
      default -> name.isEmpty() ? "an unknown element" : name.toLowerCase(Locale.ROOT);
    };
  }

  private static String statementName(Statement statement) {
    String name = statement.getClass().getSimpleName().replace("Stmt", "").replace("Statement", "");
    return switch (name) {
      case "LocalClassDeclaration" -> "local class";
      case "LocalRecordDeclaration" -> "local record";
      case "ExplicitConstructorInvocation" -> "constructor call";
      default -> name.toLowerCase(Locale.ROOT);
    };
  }

  private static String typeText(ClassOrInterfaceType type) {
    StringBuilder text = new StringBuilder(type.getNameAsString());
    Optional<ClassOrInterfaceType> scope = type.getScope();
    while (scope.isPresent()) {
      text.insert(0, scope.get().getNameAsString() + ".");
      scope = scope.get().getScope();
    }
    return text.toString();
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
  }

  private static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().toList();
  }
}
