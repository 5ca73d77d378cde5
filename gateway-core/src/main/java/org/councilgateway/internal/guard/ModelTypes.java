package org.councilgateway.internal.guard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.councilgateway.facts.Findings;
import org.councilgateway.model.Proposal;

/**
 * What the guard knows about types, worked out by reflection from the model itself: which types
 * are model types, which a rule can reach from an import, and which of their methods, properties
 * and static factories a rule may use. Kept apart from the checks so that the allowlist of types
 * and methods is in one place, the same for every file, and computed once per type rather than per
 * rule file.
 */
final class ModelTypes {

  /** The packages whose public records and enums rules may name: the model and the facts, nothing else. */
  private static final Set<String> MODEL_PACKAGES = Set.of(Proposal.class.getPackageName(),
      Findings.class.getPackageName());

  /** The types outside the model that a rule file may import. */
  static final Map<String, Class<?>> JDK_IMPORTS = Map.of(
      "java.util.List", List.class,
      "java.util.Set", Set.class,
      "java.util.Map", Map.class,
      "java.util.Collection", Collection.class,
      "java.math.BigDecimal", BigDecimal.class,
      "java.time.LocalDate", LocalDate.class);

  /** The java.lang types a rule may name without importing them. */
  static final Map<String, Class<?>> JAVA_LANG = Map.of(
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
  static final Set<String> READ_ONLY_METHODS = Set.of(
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

  /** The methods that record findings, allowed on the global findings in a consequence. */
  static final Set<String> FINDINGS_METHODS = Set.copyOf(Arrays.stream(Findings.class.getDeclaredMethods())
      .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName).toList());

  private static final Set<String> JDK_METHOD_NAMES = VALUE_TYPES.stream()
      .flatMap(t -> Arrays.stream(t.getMethods())).filter(m -> !Modifier.isStatic(m.getModifiers()))
      .map(Method::getName)
      .collect(Collectors.toUnmodifiableSet());

  /** The methods a rule may call on each type, worked out once per type. */
  private static final Map<Class<?>, Set<String>> INSTANCE_METHODS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Set<String>> PROPERTIES = new ConcurrentHashMap<>();

  private ModelTypes() {}

  /** A class by name, without initializing it; null when there is none. */
  static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ModelTypes.class.getClassLoader());
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

  /**
   * The full name of the type a rule file would import for a simple name: a model type, a fact or
   * one of the JDK types rules may import; null when no type a rule file may import has that name.
   *
   * @param simpleName a name as a rule writes it
   */
  static String importable(String simpleName) {
    if (simpleName == null || !javax.lang.model.SourceVersion.isIdentifier(simpleName)
        || !Character.isUpperCase(simpleName.charAt(0))) {
      return null;
    }
    for (String jdk : JDK_IMPORTS.keySet()) {
      if (jdk.endsWith("." + simpleName)) {
        return jdk;
      }
    }
    for (String pkg : MODEL_PACKAGES.stream().sorted().toList()) {
      Class<?> type = load(pkg + "." + simpleName);
      if (isModelType(type)) {
        return type.getName();
      }
    }
    return null;
  }

  /**
   * What a type offers a rule as fields: for an enum its values, for another type the properties a
   * condition may name (hashCode and toString aside), in a stable order.
   */
  static List<String> fieldNames(Class<?> type) {
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
    return properties(type).stream().filter(name -> !name.equals("hashCode") && !name.equals("toString"))
        .sorted().toList();
  }

  /** Whether some JDK value type has a public instance method of this name: one that exists, if not allowed. */
  static boolean isJdkMethodName(String name) {
    return JDK_METHOD_NAMES.contains(name);
  }

  /** Whether a package is one of those whose records and enums rule files may import. */
  static boolean inModelPackage(String packageName) {
    return MODEL_PACKAGES.contains(packageName);
  }

  private static boolean isPublicRecordOrEnum(Class<?> type) {
    return type != null && type.getEnclosingClass() == null && Modifier.isPublic(type.getModifiers())
        && (type.isRecord() || type.isEnum());
  }

  /** Works out {@link RuleFileGuard#MODEL_TYPES}. */
  static Set<Class<?>> modelTypes() {
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
  static Set<Class<?>> reachable(Class<?> root) {
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

  /** The names of the instance methods a rule may call on a type; none for no type. */
  static Set<String> instanceMethods(Class<?> type) {
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

  /**
   * The properties a condition may name on a pattern's type: its allowed methods without
   * parameters; none for no type.
   */
  static Set<String> properties(Class<?> type) {
    if (type == null) {
      return Set.of();
    }
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

  /** Method names with the property names of those that are getters, as a field access may use them. */
  static Set<String> propertyNames(Set<String> methodNames) {
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
      return Arrays.stream(parameterized.getActualTypeArguments()).allMatch(ModelTypes::safeValue);
    }
    return false;
  }

  /** Whether a rule may call a static method: List/Set/Map.of, or a model type's factory of model values. */
  static boolean staticMethodAllowed(Class<?> type, String name) {
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
}
