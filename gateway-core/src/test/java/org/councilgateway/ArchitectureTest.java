package org.councilgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.Test;

/** The layering of gateway-core: each stage of the data flow in its own package, and what each may see. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.councilgateway");

  @Test
  void everyStageOfTheDataFlow_hasItsOwnPackage() {
    assertThat(CORE.stream().map(c -> c.getPackageName()).distinct().sorted().toList()).containsExactly(
        "org.councilgateway", "org.councilgateway.assessment", "org.councilgateway.facts",
        "org.councilgateway.internal", "org.councilgateway.internal.assess", "org.councilgateway.internal.compare",
        "org.councilgateway.internal.guard", "org.councilgateway.internal.ocds",
        "org.councilgateway.internal.read", "org.councilgateway.internal.ruleset", "org.councilgateway.internal.write",
        "org.councilgateway.model", "org.councilgateway.scenario");
  }

  @Test
  void stages_dependOnlyOnTheStagesBeforeThem() {
    ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("API").definedBy("org.councilgateway")
        .layer("Scenarios").definedBy("org.councilgateway.scenario..")
        .layer("Results").definedBy("org.councilgateway.assessment..")
        .layer("Model").definedBy("org.councilgateway.model..", "org.councilgateway.facts..")
        .layer("Reading").definedBy("org.councilgateway.internal.read..")
        .layer("Importing").definedBy("org.councilgateway.internal.ocds..")
        .layer("RuleSets").definedBy("org.councilgateway.internal.ruleset..")
        .layer("Guard").definedBy("org.councilgateway.internal.guard..")
        .layer("Assessing").definedBy("org.councilgateway.internal.assess..")
        .layer("Writing").definedBy("org.councilgateway.internal.write..")
        .layer("Comparing").definedBy("org.councilgateway.internal.compare..")
        .layer("Shared").definedBy("org.councilgateway.internal")
        .whereLayer("Scenarios").mayNotBeAccessedByAnyLayer()
        .whereLayer("Reading").mayOnlyBeAccessedByLayers("API", "Scenarios")
        .whereLayer("Importing").mayOnlyBeAccessedByLayers("API")
        .whereLayer("RuleSets").mayOnlyBeAccessedByLayers("API", "Assessing")
        .whereLayer("Guard").mayOnlyBeAccessedByLayers("RuleSets")
        .whereLayer("Assessing").mayOnlyBeAccessedByLayers("API")
        .whereLayer("Writing").mayOnlyBeAccessedByLayers("API")
        .whereLayer("Comparing").mayOnlyBeAccessedByLayers("API")
        .whereLayer("Results").mayOnlyBeAccessedByLayers("API", "Scenarios", "Assessing", "Writing", "RuleSets",
            "Comparing")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("API", "Scenarios", "Results", "Reading", "Importing", "RuleSets",
            "Guard", "Assessing", "Writing", "Comparing");
    rule.check(CORE);
  }

  @Test
  void readersWritersAndTheModel_neverSeeDrools() {
    noClasses().that().resideInAnyPackage("org.councilgateway.internal.read..", "org.councilgateway.internal.write..",
            "org.councilgateway.internal.ocds..",
            "org.councilgateway.internal.compare..",
            "org.councilgateway.model..", "org.councilgateway.assessment..", "org.councilgateway.facts..",
            "org.councilgateway.internal")
        .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
        .check(CORE);
  }

  @Test
  void theModelRulesSee_dependsOnNothingButTheJdkAndEachOther() {
    classes().that().resideInAnyPackage("org.councilgateway.model..", "org.councilgateway.facts..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.councilgateway.model..",
            "org.councilgateway.facts..")
        .check(CORE);
  }

  @Test
  void theModel_doesNotSeeTheFacts() {
    noClasses().that().resideInAPackage("org.councilgateway.model..")
        .should().dependOnClassesThat().resideInAPackage("org.councilgateway.facts..")
        .check(CORE);
  }

  @Test
  void theLibrary_usesNoJvmWidePoolNorSystemProperties() {
    // Work goes to the options' executor (internal.Parallel), never to the JVM's common pool, which
    // parallel streams, ForkJoinPool.commonPool() and the one-argument async factories all use.
    DescribedPredicate<JavaMethodCall> commonPool = DescribedPredicate.describe("a use of the common pool",
        call -> switch (call.getName()) {
          case "parallelStream", "commonPool" -> true;
          case "parallel" -> call.getTargetOwner().isAssignableTo(BaseStream.class);
          case "supplyAsync", "runAsync" -> call.getTargetOwner().isEquivalentTo(CompletableFuture.class)
              && call.getTarget().getRawParameterTypes().size() == 1;
          default -> false;
        });
    noClasses().should().callMethodWhere(commonPool)
        .orShould().callMethod(System.class, "setProperty", String.class, String.class)
        .check(CORE);
    // The one property read: whose compile cache it is (the cache refuses entries owned by others).
    noClasses().that().doNotHaveFullyQualifiedName("org.councilgateway.internal.ruleset.CompileCache")
        .should().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class, String.class)
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(CORE);
  }

  @Test
  void libraryCode_logsThroughTheSlf4jApiOnly() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.apache.log4j..",
            "java.util.logging..")
        .check(CORE);
  }
}
