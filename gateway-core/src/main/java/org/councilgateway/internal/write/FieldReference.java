package org.councilgateway.internal.write;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.councilgateway.facts.Findings;
import org.councilgateway.facts.LocalField;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.model.LocalValues;
import org.councilgateway.model.Proposal;

/**
 * What a rule can read, worked out from the model itself by reflection so that it never drifts: the
 * proposal's fields with their types and allowed values, the types they lead to, the helpers a rule
 * may call, the facts the gateway inserts, and the methods of {@code findings} that record.
 */
public final class FieldReference {
  private FieldReference() {}

  /**
   * Writes the reference as Markdown.
   *
   * @return the text
   */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# What a rule can read\n\n");
    out.append("Generated from the gateway's model (`gateway docs --fields`); it lists what the gateway's ")
        .append("own types hold, so it is always true of the gateway it came from.\n\n");
    out.append("A rule file imports the types it names, for example `import ")
        .append(Proposal.class.getName()).append(";`. Rules may import only the types of `")
        .append(Proposal.class.getPackageName()).append("` and `").append(Findings.class.getPackageName())
        .append("`.\n\n");
    out.append("## The proposal: `").append(Proposal.class.getName()).append("`\n\n");
    fields(out, Proposal.class);
    out.append("\nHelpers a rule may call on a proposal:\n\n");
    for (Method helper : helpers(Proposal.class)) {
      out.append("- `").append(helper.getName()).append("()`: ").append(type(helper.getGenericReturnType()))
          .append('\n');
    }
    out.append("\n## Local fields and local settings: `").append(LocalValues.class.getSimpleName()).append("`\n\n");
    out.append("A council declares its own fields in the reference data under `localFields`, and its own settings ")
        .append("under `localSettings` (each with a `name`, a `type` of boolean, number, text, date or codes, and a ")
        .append("`description`). A proposal carries its local fields under `local`; `settings` gives each local ")
        .append("setting's value. A rule reads them by name with the reader for their type, on the proposal's ")
        .append("`local()` or the `Settings` fact's `local()`, such as `local().flag(\"marketImpactAssessed\")` or ")
        .append("`$s.local().number(\"largeDecommissioningValue\")`:\n\n");
    Arrays.stream(LocalValues.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class)
        .sorted(Comparator.comparing(Method::getName))
        .forEach(m -> out.append("- `local().").append(m.getName()).append("(\"name\")`: ")
            .append(type(m.getGenericReturnType())).append('\n'));
    out.append("\nA value a proposal does not give is absent: `flag` answers false, `codes` an empty list, and the ")
        .append("others nothing (so a comparison with it is false).\n");
    out.append("\n## The types the proposal's fields lead to\n");
    for (Class<?> type : reachable(Proposal.class)) {
      if (type == Proposal.class) {
        continue;
      }
      out.append("\n### `").append(type.getSimpleName()).append("`\n\n");
      if (type.isEnum()) {
        out.append("One of: ").append(values(type)).append(".\n");
      } else {
        fields(out, type);
        List<Method> helpers = helpers(type);
        if (!helpers.isEmpty()) {
          out.append("\nHelpers: ").append(helpers.stream().map(m -> "`" + m.getName() + "()`")
              .collect(Collectors.joining(", "))).append(".\n");
        }
      }
    }
    out.append("\n## Recording findings: the global `findings`\n\n");
    out.append("Every rule file declares `global ").append(Findings.class.getName())
        .append(" findings;`. Its methods, the only ones a rule may call in its `then` part:\n\n");
    Arrays.stream(Findings.class.getDeclaredMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())))
        .forEach(m -> out.append("- `findings.").append(m.getName()).append('(')
            .append(Arrays.stream(m.getGenericParameterTypes()).map(t -> type(t).replace("`", ""))
                .collect(Collectors.joining(", ")))
            .append(")`\n"));
    out.append("\n## Facts the gateway inserts: `").append(Findings.class.getPackageName()).append("`\n");
    for (Class<?> fact : facts()) {
      out.append("\n### `").append(fact.getSimpleName()).append("`\n\n");
      if (fact.isEnum()) {
        out.append("One of: ").append(values(fact)).append(".\n");
      } else {
        fields(out, fact);
      }
    }
    return out.toString();
  }

  /**
   * Writes the reference as Markdown for a rule set: {@link #markdown()}, then the local fields and
   * settings its reference data declares.
   *
   * @param data the rule set's reference data
   * @return the text
   */
  public static String markdown(ReferenceData data) {
    StringBuilder out = new StringBuilder(markdown());
    out.append("\n## This rule set's local fields\n\n");
    if (data.localFields().isEmpty()) {
      out.append("Its reference data declares none.\n");
    } else {
      out.append("| field | type | meaning | allowed values |\n|---|---|---|---|\n");
      for (LocalField field : data.localFields()) {
        out.append("| `local.").append(field.name()).append("` | ").append(field.type().label()).append(" | ")
            .append(cell(field.description())).append(" | ")
            .append(field.values().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "))).append(" |\n");
      }
    }
    out.append("\n## This rule set's local settings\n\n");
    if (data.localSettings().isEmpty()) {
      out.append("Its reference data declares none.\n");
    } else {
      out.append("| setting | type | value | meaning |\n|---|---|---|---|\n");
      for (LocalField setting : data.localSettings()) {
        Object value = data.settings().local().values().get(setting.name());
        out.append("| `").append(setting.name()).append("` | ").append(setting.type().label()).append(" | ")
            .append(cell(Catalogue.localValue(value))).append(" | ").append(cell(setting.description())).append(" |\n");
      }
    }
    return out.toString();
  }

  /** A text as a Markdown table cell: control characters made visible, and no | to end the cell early. */
  private static String cell(String text) {
    return org.councilgateway.internal.Text.escape(text).replace("|", "\\|");
  }

  private static void fields(StringBuilder out, Class<?> record) {
    out.append("| field | type | allowed values |\n|---|---|---|\n");
    for (RecordComponent component : record.getRecordComponents()) {
      out.append("| `").append(component.getName()).append("` | ").append(type(component.getGenericType()))
          .append(" | ").append(allowed(component.getGenericType())).append(" |\n");
    }
  }

  /** A type as an officer reads it: {@code List<ChangeType>} as "list of ChangeType". */
  private static String type(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      String raw = ((Class<?>) parameterized.getRawType()).getSimpleName();
      String of = Arrays.stream(parameterized.getActualTypeArguments()).map(FieldReference::type)
          .collect(Collectors.joining(" to "));
      return switch (raw) {
        case "List", "Collection" -> "list of " + of;
        case "Set" -> "set of " + of;
        case "Map" -> "map of " + of;
        default -> raw + " of " + of;
      };
    }
    if (type instanceof Class<?> plain) {
      return switch (plain.getSimpleName()) {
        case "String" -> "text";
        case "boolean", "Boolean" -> "true or false";
        case "int", "Integer", "long", "Long" -> "whole number";
        case "BigDecimal", "double", "Double" -> "number";
        case "LocalDate" -> "date";
        default -> "`" + plain.getSimpleName() + "`";
      };
    }
    return type.getTypeName();
  }

  private static String allowed(Type type) {
    Type element = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : type;
    return element instanceof Class<?> plain && plain.isEnum() ? values(plain) : "";
  }

  private static String values(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants()).map(c -> "`" + ((Enum<?>) c).name() + "`")
        .collect(Collectors.joining(", "));
  }

  /** The public methods of a type that are neither its fields' accessors nor those every object has. */
  private static List<Method> helpers(Class<?> type) {
    Set<String> components = type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toSet()) : Set.of();
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0 && !components.contains(m.getName()))
        .filter(m -> !Set.of("toString", "hashCode", "equals").contains(m.getName()))
        .filter(m -> readable(m.getReturnType()))
        .sorted(Comparator.comparing(Method::getName)).toList();
  }

  /** Whether a rule can use what a method returns: a JDK value or a record or enum of the model. */
  private static boolean readable(Class<?> type) {
    return type.isPrimitive() || type.getPackageName().startsWith("java.")
        || type.getEnclosingClass() == null && (type.isRecord() || type.isEnum())
        && type.getPackageName().equals(Proposal.class.getPackageName());
  }

  /** The records and enums of the model a type's fields lead to, in the order first met. */
  private static Set<Class<?>> reachable(Class<?> root) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Deque<Type> next = new ArrayDeque<>(List.of(root));
    while (!next.isEmpty()) {
      Type type = next.poll();
      if (type instanceof ParameterizedType parameterized) {
        next.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
      } else if (type instanceof Class<?> plain && plain.getPackageName().equals(Proposal.class.getPackageName())
          && (plain.isRecord() || plain.isEnum()) && found.add(plain) && plain.isRecord()) {
        for (RecordComponent component : plain.getRecordComponents()) {
          next.add(component.getGenericType());
        }
      }
    }
    return found;
  }

  /** The public records and enums of the facts package, by name. */
  private static List<Class<?>> facts() {
    String packageName = Findings.class.getPackageName();
    List<Class<?>> found = new java.util.ArrayList<>();
    for (String name : FACT_TYPES) {
      try {
        Class<?> type = Class.forName(packageName + "." + name, false, FieldReference.class.getClassLoader());
        if (type.isRecord() || type.isEnum()) {
          found.add(type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("The facts package has no " + name, e);
      }
    }
    return found;
  }

  /** The facts package's types, listed here because a package cannot be listed by reflection; a test keeps it complete. */
  static final List<String> FACT_TYPES = List.of("AffectedDirectorate", "AssessmentDate", "ClientGroup", "Directorate",
      "EiaRequired", "GateRequirement", "InHouseCapability", "Interdependency", "JointWorkplan", "OpenPoint",
      "OverlapKey", "PartnerCommissioner", "ProviderMention", "Reduction", "ReferenceData", "SafeguardingSensitive",
      "ServiceArea", "ServiceScope", "Settings", "LocalField");
}
