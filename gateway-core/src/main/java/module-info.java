/**
 * The gateway core: the API ({@code org.councilgateway}), the model and facts rules see, the results
 * of an assessment and the scenario runner. The {@code org.councilgateway.internal} packages are the
 * implementation and are not exported (nor opened): Drools and the rules' generated classes see only
 * the model and the facts, which are exported.
 *
 * <p>Drools 10.2 and JavaParser ship no module descriptors; they are required here by their
 * automatic module names (the {@code Automatic-Module-Name} in their manifests). Nothing from them,
 * nor from Jackson, ASM or SLF4J, appears in an exported signature, so none is required transitively.
 */
module org.councilgateway.core {
  exports org.councilgateway;
  exports org.councilgateway.assessment;
  exports org.councilgateway.model;
  exports org.councilgateway.facts;
  exports org.councilgateway.scenario;

  // Drools: building, checking and running rule sets.
  requires org.kie.api;
  requires org.drools.base;
  requires org.drools.core;
  requires org.drools.kiesession;
  requires org.drools.compiler;
  requires org.drools.drl.ast;
  requires org.drools.drl.parser;
  requires org.drools.mvelparser;
  requires org.drools.canonicalmodel;
  requires org.drools.model.codegen;
  requires org.drools.modelcompiler;
  requires com.github.javaparser.core;
  // Checks the classes Drools generates before any is loaded.
  requires org.objectweb.asm;
  requires java.compiler;
  // Scenario results as JUnit XML.
  requires java.xml;

  // Reading plans, scenarios and reference data.
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  // Writing the CSV report, and reading CSV plans.
  requires com.fasterxml.jackson.dataformat.csv;
  // Reading XLSX plans: the first worksheet, streamed, after the zip is checked.
  requires org.dhatim.fastexcel.reader;
  requires org.apache.commons.compress;

  requires org.slf4j;

  // The meeting pack: templates compiled to Java at build time, written through jte's HTML output,
  // which escapes every value for the place it goes.
  requires gg.jte.runtime;

  // Only ScenarioTests uses JUnit, for adopters' own JUnit tests, which require JUnit themselves. Not
  // transitive, although ScenarioTests returns JUnit's DynamicTest: "requires static transitive" makes
  // javac demand JUnit on the module path of everything compiled against this module (measured: "module
  // not found: org.junit.jupiter.api" for a program that never touches scenarios), and JUnit is an
  // optional dependency in the pom. ScenarioTests.of says so where javac's exports lint would warn.
  requires static org.junit.jupiter.api;
}
