package org.councilgateway.internal.guard;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.councilgateway.Problem;
import org.councilgateway.internal.Text;
import org.drools.model.codegen.execmodel.generator.DrlxParseUtil;

/**
 * What the checks of one rule file share: the file and its text, the problems found so far, and
 * what its imports and globals have made nameable. The file-level checks fill it in before any
 * rule is checked, and the rule and code checks only read it and add problems; passing it to them
 * explicitly keeps that flow visible, where inner classes reading an outer instance's fields hid
 * it.
 */
final class FileContext {

  private final String file;
  private final SourceLines source;
  private final List<Problem> problems = new ArrayList<>();
  /** Configured as Drools configures the parser it reads java-dialect consequences with. */
  private final JavaParser javaParser = new JavaParser(
      new ParserConfiguration().setLanguageLevel(DrlxParseUtil.PARSABLE_LANGUAGE_LEVEL));
  /** The types a rule may name, by simple name: java.lang's few, then each import. */
  private final Map<String, Class<?>> types = new HashMap<>(ModelTypes.JAVA_LANG);
  /** The methods a rule may call on a value: the read-only ones and those of the types imports reach. */
  private final Set<String> methodNames = new HashSet<>(ModelTypes.READ_ONLY_METHODS);
  private boolean hasFindings;
  /** The keys of the mistakes reported once per file that have been reported. */
  private final Set<String> reported = new HashSet<>();

  /**
   * @param file the file as messages name it
   * @param source its text
   */
  FileContext(String file, String source) {
    this.file = file;
    this.source = new SourceLines(source);
  }

  SourceLines source() {
    return source;
  }

  JavaParser javaParser() {
    return javaParser;
  }

  /** Makes an imported type nameable, and the methods of the model types it reaches callable. */
  void importType(Class<?> type) {
    types.put(type.getSimpleName(), type);
    for (Class<?> reachable : ModelTypes.reachable(type)) {
      methodNames.addAll(ModelTypes.instanceMethods(reachable));
    }
  }

  /** Records that the file declares the global findings, which its rules may then use. */
  void declareFindings() {
    hasFindings = true;
  }

  boolean hasFindings() {
    return hasFindings;
  }

  /** The type a simple name stands for in the file, or null. */
  Class<?> type(String name) {
    return types.get(name);
  }

  /** The simple names of the types the file may name. */
  Set<String> typeNames() {
    return Set.copyOf(types.keySet());
  }

  /** Whether a simple name is a type the file may name. */
  boolean hasType(String name) {
    return types.containsKey(name);
  }

  /** The methods a rule may call on a value, for suggestions. */
  Set<String> methodNames() {
    return Set.copyOf(methodNames);
  }

  boolean isMethodName(String name) {
    return methodNames.contains(name);
  }

  /** The names a field access may read: the callable methods, with the property names of their getters. */
  Set<String> propertyNames() {
    return ModelTypes.propertyNames(methodNames);
  }

  /**
   * Whether Java could read a name as a type in a rule: an imported type's or a java.lang type's
   * simple name.
   */
  boolean isTypeName(String name) {
    return types.containsKey(name)
        || (SourceVersion.isIdentifier(name) && ModelTypes.load("java.lang." + name) != null);
  }

  /** The file's own name, without its folders, as a message tells the user to edit it. */
  String fileName() {
    String name = file == null ? "" : file;
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  /**
   * The end of the message for a type used without its import: which file lacks it and the line
   * to add.
   *
   * @param simpleName the type as the rule names it
   * @param qualified the type's full name
   */
  String missingImport(String simpleName, String qualified) {
    String name = fileName();
    return "uses " + simpleName + ", which " + name + " does not import: add \"import " + qualified
        + ";\" at the top of " + name + ".";
  }

  /**
   * Whether a mistake reported once per file is met for the first time, recording it.
   *
   * @param key what identifies the mistake
   * @return true the first time only
   */
  boolean firstTime(String key) {
    return reported.add(key);
  }

  /** Adds a problem; what the message quotes from the file is shown with its control characters escaped. */
  void problem(int line, int column, String message) {
    problems.add(new Problem(file, Math.max(0, line), Math.max(0, column), Text.escapeStrictly(message)));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }
}
