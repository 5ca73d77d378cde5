package org.councilgateway.internal.guard;

import static org.councilgateway.internal.guard.RuleFileGuard.ALLOWED;
import static org.councilgateway.internal.guard.RuleFileGuard.shorten;
import static org.councilgateway.internal.guard.RuleFileGuard.sorted;

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
import com.github.javaparser.ast.type.Type;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.councilgateway.internal.Names;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
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
 * The check of one parsed piece of code (a condition, {@code from}, {@code eval}, accumulate
 * argument or consequence) against the allowlist: it walks the JavaParser or DRLX syntax tree and
 * throws {@link Rejected} at the first node, name, type or method not on it. Every kind of node
 * must be handled here by name, so that syntax the guard has not been taught is refused rather than
 * let through; it is kept apart from {@link RuleCheck} so that the walk depends only on the code
 * and the names in scope, not on where the code sits in the rule.
 */
final class CodeCheck {

  private static final Set<String> POINT_FREE_OPERATORS = Set.of("contains", "excludes", "memberOf", "in");

  /** Where code comes from, which decides the names it may use. */
  enum Place {
    CONDITION("a condition"),
    FROM("a from expression"),
    EVAL("an eval"),
    ACCUMULATE("an accumulate argument"),
    CONSEQUENCE("a consequence");

    /** How messages name code from here. */
    final String shown;

    Place(String shown) {
      this.shown = shown;
    }
  }

  /**
   * A rejection: the node at fault and what it does, as a phrase ("calls System.exit"). Thrown
   * rather than returned so that the walk stops at the first fault however deep it is.
   */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Node node;
    final String what;
    /** What a rule may do instead, for a refusal; null for a mistake, whose {@link #what} says it all. */
    final String instead;
    /** A key for a mistake reported once per file however often it is made (a missing import), or null. */
    final String once;

    Rejected(Node node, String what) {
      this(node, what, ALLOWED);
    }

    Rejected(Node node, String what, String instead) {
      this(node, what, instead, null);
    }

    private Rejected(Node node, String what, String instead, String once) {
      super(what, null, false, false);
      this.node = node;
      this.what = what;
      this.instead = instead;
      this.once = once;
    }

    /**
     * A mistake rather than something refused: a misspelt or missing name, which the message
     * names with the fix, without saying that rule files may not do it.
     *
     * @param sentence the rest of the sentence after the rule's name, with its full stop
     */
    static Rejected mistake(Node node, String sentence) {
      return new Rejected(node, sentence, null, null);
    }

    /** A type used without its import: a mistake, reported at its first use in a file only. */
    static Rejected missingImport(Node node, FileContext context, String simpleName, String qualified) {
      return new Rejected(node, context.missingImport(simpleName, qualified), null, "import " + qualified);
    }

    /** The message, after the rule's name. */
    String sentence() {
      return instead == null ? what : what + ", which rule files may not do: " + instead + ".";
    }
  }

  private final FileContext context;
  private final Place place;
  /** What each name means where it is used. */
  private final CodeScope names;
  /** The code as parsed, to quote nodes by their ranges. */
  private final SourceLines text;

  /**
   * @param place where the code comes from
   * @param patternType the type of the pattern a condition is on, or null
   * @param text the code as parsed
   * @param bindings the bindings in scope
   */
  CodeCheck(FileContext context, Place place, Class<?> patternType, String text, Set<String> bindings) {
    this.context = context;
    this.place = place;
    this.names = new CodeScope(context, place, patternType, bindings);
    this.text = new SourceLines(text);
  }

  // Statements: blocks, expressions, local variables and if, in a consequence only.

  void statement(Statement statement) {
    if (statement instanceof BlockStmt block) {
      names.enterBlock();
      for (Statement inner : block.getStatements()) {
        statement(inner);
      }
      names.leaveBlock();
    } else if (statement instanceof ExpressionStmt expression) {
      Expression inner = expression.getExpression();
      if (inner instanceof VariableDeclarationExpr declaration) {
        if (!declaration.getAnnotations().isEmpty()) {
          throw new Rejected(declaration, "annotates a local variable");
        }
        for (VariableDeclarator variable : declaration.getVariables()) {
          names.type(variable.getType());
          if (variable.getInitializer().isPresent()) {
            expression(variable.getInitializer().get());
          }
          names.declareLocal(variable);
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
    names.enterBlock();
    statement(statement);
    names.leaveBlock();
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
      names.nameValue(name);
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
      names.type(cast.getType());
      expression(cast.getExpression());
    } else if (expression instanceof InstanceOfExpr instanceOf) {
      if (instanceOf.getPattern().isPresent()) {
        throw new Rejected(instanceOf, "uses instanceof with a pattern variable");
      }
      names.type(instanceOf.getType());
      expression(instanceOf.getExpression());
    } else if (expression instanceof InlineCastExpr cast) {
      names.type(cast.getType());
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

  private void assignable(Expression target, Node at) {
    if (place == Place.CONSEQUENCE && target instanceof NameExpr name && names.isLocal(name.getNameAsString())) {
      return;
    }
    throw new Rejected(at, "assigns to " + text(target), ALLOWED + "; only local variables may be assigned");
  }

  private void field(Expression access, Expression scope, String name) {
    Class<?> type = names.typeScope(scope);
    if (type != null) {
      try {
        java.lang.reflect.Field field = type.getField(name);
        if (Modifier.isStatic(field.getModifiers()) && (ModelTypes.isModelType(type) || ModelTypes.JDK_IMPORTS.containsValue(type)
            || ModelTypes.JAVA_LANG.containsValue(type))) {
          return;
        }
      } catch (NoSuchFieldException e) {
        throw noSuchConstant(access, type, name);
      }
      throw new Rejected(access, "uses " + type.getSimpleName() + "." + name);
    }
    expression(scope);
    if (!context.isMethodName(name) && !context.propertyNames().contains(name)) {
      if (!ModelTypes.isJdkMethodName(name)) {
        String closest = Names.closest(name, context.propertyNames());
        throw Rejected.mistake(access, "reads " + text(access) + ", but nothing " + context.fileName()
            + " imports has a field " + name + ": " + (closest == null ? "" : "did you mean " + closest + "? ")
            + "gateway docs --fields lists the fields of each type.");
      }
      throw new Rejected(access, "reads " + text(access), ALLOWED + "; facts are read through their accessors");
    }
  }

  /**
   * A type's value that does not exist, such as an enum value misspelt: a mistake, named with the
   * nearest value and, for an enum, all its values. A field that exists but is not a static
   * constant a rule may read is refused as before.
   */
  private Rejected noSuchConstant(Expression access, Class<?> type, String name) {
    boolean nameable = ModelTypes.isModelType(type) || ModelTypes.JDK_IMPORTS.containsValue(type)
        || ModelTypes.JAVA_LANG.containsValue(type);
    if (!nameable) {
      return new Rejected(access, "uses " + type.getSimpleName() + "." + name);
    }
    List<String> values = type.isEnum() ? ModelTypes.fieldNames(type)
        : Arrays.stream(type.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).map(Field::getName)
            .sorted().toList();
    String closest = Names.closest(name, values);
    String shown = type.getSimpleName();
    return Rejected.mistake(access, "uses " + shown + "." + name + ", but " + shown + " has no value " + name
        + (closest == null ? "" : ": did you mean " + closest + "?")
        + (type.isEnum() ? (closest == null ? ": its" : " Its") + " values are " + String.join(", ", values) + "."
            : closest == null ? "." : ""));
  }

  private void call(Expression call, Expression scope, String name, NodeList<Expression> arguments,
      NodeList<Type> typeArguments) {
    if (typeArguments != null) {
      typeArguments.forEach(names::type);
    }
    if (scope == null) {
      if (place == Place.CONSEQUENCE && name.equals("insert")) {
        insert(call, arguments);
        return;
      }
      if (names.isPatternMethod(name)) {
        arguments.forEach(this::expression);
        return;
      }
      if (place == Place.CONDITION && names.patternType() != null && !ModelTypes.isJdkMethodName(name)) {
        Class<?> pattern = names.patternType();
        String closest = Names.closest(name, ModelTypes.instanceMethods(pattern));
        throw Rejected.mistake(call, "calls " + name + ", but " + pattern.getSimpleName() + " has no method " + name
            + ": " + (closest == null ? "" : "did you mean " + closest + "? ")
            + "gateway docs --fields lists what each type has.");
      }
      if (place == Place.CONSEQUENCE && Names.closest(name, Set.of("insert")) != null) {
        throw Rejected.mistake(call, "calls " + name + ", which is not a method here: did you mean insert?");
      }
      throw new Rejected(call, "calls " + name, ALLOWED + (place == Place.CONSEQUENCE
          ? "; facts are not changed, and insert is the only engine call" : ""));
    }
    Class<?> type = names.typeScope(scope);
    if (type != null) {
      if (!ModelTypes.staticMethodAllowed(type, name)) {
        boolean exists = Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
        if (!exists && !ModelTypes.isJdkMethodName(name)) {
          String closest = Names.closest(name, Arrays.stream(type.getMethods())
              .filter(m -> Modifier.isStatic(m.getModifiers()) && ModelTypes.staticMethodAllowed(type, m.getName()))
              .map(java.lang.reflect.Method::getName).distinct().sorted().toList());
          throw Rejected.mistake(call, "calls " + type.getSimpleName() + "." + name + ", but " + type.getSimpleName()
              + " has no method " + name + (closest == null ? "." : ": did you mean " + closest + "?"));
        }
        throw new Rejected(call, "calls " + type.getSimpleName() + "." + name);
      }
      arguments.forEach(this::expression);
      return;
    }
    if (names.isFindings(scope)) {
      boolean recording = ModelTypes.FINDINGS_METHODS.contains(name);
      if (recording && place != Place.CONSEQUENCE) {
        throw Rejected.mistake(call, "calls findings." + name + " in " + place.shown
            + ": findings are recorded in the consequence, after then.");
      }
      if (!recording && !ModelTypes.READ_ONLY_METHODS.contains(name)) {
        if (!ModelTypes.isJdkMethodName(name)) {
          List<String> methods = sorted(ModelTypes.FINDINGS_METHODS);
          String closest = Names.closest(name, methods);
          throw Rejected.mistake(call, "calls findings." + name + ", but findings has no method " + name
              + (closest == null ? ": its" : ": did you mean " + closest + "? Its") + " methods are "
              + String.join(", ", methods) + ".");
        }
        throw new Rejected(call, "calls findings." + name);
      }
      arguments.forEach(this::expression);
      return;
    }
    expression(scope);
    if (!context.isMethodName(name)) {
      if (!ModelTypes.isJdkMethodName(name)) {
        String closest = Names.closest(name, context.methodNames());
        throw Rejected.mistake(call, "calls " + text(scope, name) + ", but nothing " + context.fileName()
            + " imports has a method " + name + ": " + (closest == null ? "" : "did you mean " + closest + "? ")
            + "gateway docs --fields lists what each type has.");
      }
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
      Class<?> type = names.typeScope(factory.getScope().get());
      if (type != null && ModelTypes.isModelType(type)) {
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
    Class<?> type = created.getScope().isPresent() ? null : context.type(created.getNameAsString());
    String importable = created.getScope().isPresent() ? null : ModelTypes.importable(created.getNameAsString());
    if (type == null && importable != null) {
      throw Rejected.missingImport(created, context, created.getNameAsString(), importable);
    }
    if (type == null || !type.isRecord() || !ModelTypes.isModelType(type)) {
      throw new Rejected(creation, "creates a " + CodeScope.typeText(created), ALLOWED + "; new is for model records");
    }
    names.type(created);
    creation.getTypeArguments().ifPresent(list -> list.forEach(names::type));
    creation.getArguments().forEach(this::expression);
  }

  // Text of nodes, for messages.

  String text(Node node) {
    Optional<Range> range = node.getRange();
    if (range.isPresent() && range.get().begin.line >= 1) {
      int from = text.offset(range.get().begin.line, range.get().begin.column);
      int to = text.offset(range.get().end.line, range.get().end.column) + 1;
      if (from >= 0 && to <= text.text().length() && from < to) {
        return shorten(text.text().substring(from, to));
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

  private static String statementName(Statement statement) {
    String name = statement.getClass().getSimpleName().replace("Stmt", "").replace("Statement", "");
    return switch (name) {
      case "LocalClassDeclaration" -> "local class";
      case "LocalRecordDeclaration" -> "local record";
      case "ExplicitConstructorInvocation" -> "constructor call";
      default -> name.toLowerCase(Locale.ROOT);
    };
  }
}
