package org.councilgateway.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command wires reader, gateway and writer together through the API, and nothing depends on it. */
class CommandLayeringTest {
  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.councilgateway");

  @Test
  void nothingOutsideTheCommand_dependsOnIt() {
    noClasses().that().resideOutsideOfPackage("org.councilgateway.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.councilgateway.cli..")
        .check(ALL);
  }

  @Test
  void theCommandAndTheEmbeddingExample_useOnlyTheApi() {
    classes().that().resideInAnyPackage("org.councilgateway.cli..", "org.councilgateway.examples..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.councilgateway.internal..")
        .check(ALL);
  }
}
