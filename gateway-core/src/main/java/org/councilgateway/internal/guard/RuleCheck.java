package org.councilgateway.internal.guard;

import static org.councilgateway.internal.guard.RuleFileGuard.ALLOWED;
import static org.councilgateway.internal.guard.RuleFileGuard.ONLY_RULES;
import static org.councilgateway.internal.guard.RuleFileGuard.shorten;
import static org.councilgateway.internal.guard.RuleFileGuard.sorted;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilgateway.internal.guard.CodeCheck.Place;
import org.councilgateway.internal.guard.CodeCheck.Rejected;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;

/**
 * The checks of one rule: its name, attributes and metadata, which Drools copies into generated
 * Java; its condition elements, walked with the bindings in scope at each, as Drools compiles them;
 * and its consequence. Each piece of code is parsed here and walked by {@link CodeCheck}, whose
 * rejection is reported here at the place in the file it points to, so that a rule's messages
 * all begin with its name and scope is tracked in one place.
 */
final class RuleCheck {

  /** The accumulate functions rules may use: they only count and collect. */
  static final Set<String> ACCUMULATE_FUNCTIONS = Set.of(
      "count", "sum", "min", "max", "average", "collectList", "collectSet");

  /** Names worth a specific message: the engine's own context. */
  static final Set<String> ENGINE_CONTEXT = Set.of("drools", "kcontext");

  /** Metadata names: a word that begins in lowercase, so never a type (such as Propagation). */
  private static final Pattern METADATA_NAME = Pattern.compile("[a-z][A-Za-z0-9_]*");

  private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s*:(=?)");
  private static final Pattern LITERAL = Pattern.compile(
      "\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+(?:\\.[0-9]+)?|true|false");
  private static final Pattern MODIFY = Pattern.compile("\\bmodify\\s*\\(");

  private final FileContext context;
  private final RuleDescr rule;
  /** The start of every message about the rule: {@code Rule "name"}. */
  private final String named;

  RuleCheck(FileContext context, RuleDescr rule) {
    this.context = context;
    this.rule = rule;
    this.named = "Rule \"" + rule.getName() + "\"";
  }

  void run() {
    checkName();
    for (AttributeDescr attribute : rule.getAttributes().values()) {
      String fault = RuleFileGuard.attributeFault(attribute);
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
    } else if (context.isTypeName(name)) {
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
    Class<?> type = context.type(typeName);
    if (typeName.isEmpty()) {
      problem(line, column, named + " has a pattern without a type, which rule files may not "
          + "do: patterns match the imported model types, String and Object.");
    } else if (type == null && ModelTypes.importable(typeName) != null) {
      String qualified = ModelTypes.importable(typeName);
      if (context.firstTime("import " + qualified)) {
        problem(line, column, named + " " + context.missingImport(typeName, qualified));
      }
      // Its constraints are checked as on the type meant, so that they are not each reported too.
      type = ModelTypes.load(qualified);
    } else if (type == null && !typeName.contains(".") && closestType(typeName) != null) {
      String meant = closestType(typeName);
      problem(line, column, named + " matches " + typeName + ", which is not a type: did you mean " + meant + "?");
      type = context.type(meant) != null ? context.type(meant) : RuleFileGuard.MODEL_TYPES.stream()
          .filter(t -> t.getSimpleName().equals(meant)).findFirst().orElse(null);
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

  /** The type a misspelt type name most likely means: one the file imports, or one it could. */
  private String closestType(String name) {
    Set<String> names = new java.util.TreeSet<>(context.typeNames());
    RuleFileGuard.MODEL_TYPES.forEach(type -> names.add(type.getSimpleName()));
    return org.councilgateway.internal.Names.closest(name, names);
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
    int start = context.source().find(code, line);
    Node parsed;
    String parsedText;
    int prefix;
    try {
      if (place == Place.CONSEQUENCE) {
        // As Drools reads a java-dialect consequence: a block, with the same parser and language level.
        parsedText = "{\n" + code + "\n}";
        prefix = 1;
        ParseResult<BlockStmt> result = context.javaParser().parseBlock(parsedText);
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
      int[] at = context.source().codeStart(start, line, column);
      if (place == Place.CONSEQUENCE && MODIFY.matcher(code).find()) {
        problem(at[0], at[1], named + " uses modify, which rule files may not do: "
            + ALLOWED + "; facts are not changed.");
      } else {
        // Most often a slip (a bracket or a quote missing), so worded as one; either way, what the
        // guard cannot read is refused.
        problem(at[0], at[1], named + " has " + place.shown + " that cannot be read (" + shorten(code) + "): "
            + (place == Place.CONSEQUENCE ? "check it for a missing ; at the end of a statement, a bracket or a quote."
                : "check it for a missing value, bracket or quote."));
      }
      return;
    }
    CodeCheck check = new CodeCheck(context, place, patternType, parsedText, bindings);
    try {
      if (parsed instanceof BlockStmt block) {
        check.statement(block);
      } else {
        check.expression((Expression) parsed);
      }
    } catch (Rejected rejected) {
      String anchor = rejected.node == null ? null : check.text(rejected.node);
      if (rejected.once != null && !context.firstTime(rejected.once)) {
        return;
      }
      int[] at = context.source().locate(rejected.node, anchor, start, code.length(), prefix, line, column);
      problem(at[0], at[1], named + " " + rejected.sentence());
    } catch (RuntimeException e) {
      int[] at = context.source().codeStart(start, line, column);
      problem(at[0], at[1], named + " has " + place.shown + " the guard cannot check ("
          + shorten(code) + "), which rule files may not do: " + ALLOWED + ".");
    }
  }

  private void problem(int line, int column, String message) {
    context.problem(line, column, message);
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
}
