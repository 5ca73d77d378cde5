package org.councilgateway.internal.guard;

import static org.councilgateway.internal.guard.RuleCheck.ENGINE_CONTEXT;
import static org.councilgateway.internal.guard.RuleFileGuard.ALLOWED;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.councilgateway.internal.Names;
import org.councilgateway.internal.guard.CodeCheck.Place;
import org.councilgateway.internal.guard.CodeCheck.Rejected;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;

/**
 * What a name means at one point of a piece of code: a binding, a local variable, the global
 * findings, a property of the pattern's type, or a type. Java reads {@code Runtime.version()} as a
 * call on a variable only where such a variable is in scope, so the guard must resolve names as
 * Java would, and must refuse a local variable that takes a type's name; that resolution, with the
 * local variables it tracks block by block, is kept here apart from the walk over the syntax in
 * {@link CodeCheck}.
 */
final class CodeScope {

  /** The most fields a message lists; a type with more is left to gateway docs --fields. */
  private static final int LISTED_FIELDS = 12;

  private static final Set<String> QUALIFIED_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io");

  private final FileContext context;
  private final Place place;
  private final Class<?> patternType;
  private final Set<String> bindings;
  /** The local variables declared so far in each enclosing block, innermost first. */
  private final Deque<Set<String>> blocks = new ArrayDeque<>();

  /**
   * @param place where the code comes from
   * @param patternType the type of the pattern a condition is on, or null
   * @param bindings the bindings in scope
   */
  CodeScope(FileContext context, Place place, Class<?> patternType, Set<String> bindings) {
    this.context = context;
    this.place = place;
    this.patternType = patternType;
    this.bindings = Set.copyOf(bindings);
  }

  /** Opens a block, whose local variables are in scope until it is left. */
  void enterBlock() {
    blocks.push(new HashSet<>());
  }

  void leaveBlock() {
    blocks.pop();
  }

  /** Whether a name is a local variable in scope: declared before, in this block or one around it. */
  boolean isLocal(String name) {
    return blocks.stream().anyMatch(block -> block.contains(name));
  }

  /**
   * Declares a local variable in the innermost block, once its initializer is checked: in scope
   * from there to the end of the block, as in Java. Like a binding, it may not take a type's name.
   */
  void declareLocal(VariableDeclarator variable) {
    String name = variable.getNameAsString();
    if (ENGINE_CONTEXT.contains(name) || context.isTypeName(name)) {
      throw new Rejected(variable, "declares a local variable named " + name + ", the name of "
          + (ENGINE_CONTEXT.contains(name) ? "the rule engine's context" : "a type"),
          "a local variable has a name of its own");
    }
    blocks.element().add(name);
  }

  /** A name used as a value: a binding, a local variable, findings or a property of the pattern's type. */
  void nameValue(NameExpr name) {
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
    return bindings.contains(id) || isLocal(id) || (context.hasFindings() && id.equals("findings"))
        || (place == Place.CONDITION && ModelTypes.properties(patternType).contains(id));
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
    String importable = ModelTypes.importable(id);
    if (importable != null && !context.hasType(id)) {
      return Rejected.missingImport(name, context, id, importable);
    }
    if (id.startsWith("$") || Character.isLowerCase(id.charAt(0))) {
      return unknownValue(name, id);
    }
    if (top != name && top instanceof MethodCallExpr) {
      return new Rejected(name, "calls " + shown);
    }
    if (top != name) {
      return new Rejected(name, "uses " + shown);
    }
    if (context.hasType(id)) {
      return new Rejected(name, "uses the type " + id + " as a value");
    }
    return unknownValue(name, id);
  }

  /**
   * A name that is no value here: in a pattern's condition, most likely a misspelt field of its
   * type; elsewhere a binding or local variable misspelt or out of scope. Named with the nearest
   * name that would do, as a mistake.
   */
  private Rejected unknownValue(NameExpr name, String id) {
    Set<String> values = new TreeSet<>(bindings);
    blocks.forEach(values::addAll);
    if (place == Place.CONDITION && patternType != null) {
      Set<String> candidates = new TreeSet<>(values);
      candidates.addAll(ModelTypes.properties(patternType));
      String closest = Names.closest(id, candidates);
      String type = patternType.getSimpleName();
      return Rejected.mistake(name, "refers to " + id + ", but " + type + " has no field " + id + ": "
          + (closest == null ? "" : "did you mean " + closest + "? ") + fieldList(type, ModelTypes.fieldNames(patternType),
              closest == null ? "its fields are " : "Its fields are "));
    }
    if (context.hasFindings()) {
      values.add("findings");
    }
    String closest = Names.closest(id, values);
    return Rejected.mistake(name, "refers to " + id + ", which is not a binding or a local variable here"
        + (closest != null ? ": did you mean " + closest + "?"
            : values.isEmpty() ? ": none is in scope here." : ": those in scope are " + String.join(", ", values) + "."));
  }

  /**
   * The fields a message lists: all of them for a type with few, else where to find them.
   *
   * @param lead how the list begins ("Its fields are ")
   */
  static String fieldList(String type, List<String> fields, String lead) {
    return fields.size() <= LISTED_FIELDS ? lead + String.join(", ", fields) + "."
        : "gateway docs --fields lists " + type + "'s fields.";
  }

  /** The type of the pattern a condition is on, or null. */
  Class<?> patternType() {
    return place == Place.CONDITION ? patternType : null;
  }

  /** Whether a call's scope is the global findings, not a binding or local variable of that name. */
  boolean isFindings(Expression scope) {
    return scope instanceof NameExpr named && named.getNameAsString().equals("findings") && context.hasFindings()
        && !bindings.contains("findings") && !isLocal("findings");
  }

  /** Whether a condition may call a method without a scope: one of its pattern type's. */
  boolean isPatternMethod(String name) {
    return place == Place.CONDITION && ModelTypes.instanceMethods(patternType).contains(name);
  }

  /** The type a call's or field's scope names, or null when the scope is a value. */
  Class<?> typeScope(Expression scope) {
    if (scope instanceof NameExpr name && !isValue(name.getNameAsString())) {
      return context.type(name.getNameAsString());
    }
    return null;
  }

  /** Checks a type the code names: an imported or java.lang one, by its simple name. */
  void type(Type type) {
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
      String importable = ModelTypes.importable(named.getNameAsString());
      if (!context.hasType(named.getNameAsString()) && importable != null) {
        throw Rejected.missingImport(type, context, named.getNameAsString(), importable);
      }
      if (!context.hasType(named.getNameAsString())) {
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

  /** A type's name as written, with its qualifiers, for messages. */
  static String typeText(ClassOrInterfaceType type) {
    StringBuilder text = new StringBuilder(type.getNameAsString());
    Optional<ClassOrInterfaceType> scope = type.getScope();
    while (scope.isPresent()) {
      text.insert(0, scope.get().getNameAsString() + ".");
      scope = scope.get().getScope();
    }
    return text.toString();
  }
}
