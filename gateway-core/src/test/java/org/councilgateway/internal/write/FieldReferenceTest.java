package org.councilgateway.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.Reports;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;

/** What a rule can read: generated from the model, complete, and the same as the guide's page. */
class FieldReferenceTest {
  private static final String TEXT = Reports.fieldsMarkdown();

  @Test
  void everyFieldOfAProposal_isListedWithItsType_andEnumsWithTheirValues() {
    for (RecordComponent field : Proposal.class.getRecordComponents()) {
      assertThat(TEXT).contains("| `" + field.getName() + "` |");
    }
    for (ChangeType value : ChangeType.values()) {
      assertThat(TEXT).contains("`" + value.name() + "`");
    }
    assertThat(TEXT).contains("- `procures()`: true or false", "- `hasServiceUsers()`: true or false",
        "- `findings.challenge(Proposal, text, text)`").doesNotContain("toBuilder");
  }

  @Test
  void everyFactType_isListed() {
    for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.councilgateway.facts")) {
      if (type.isTopLevelClass() && type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
          && (type.isRecord() || type.isEnum())) {
        assertThat(FieldReference.FACT_TYPES).as("FieldReference.FACT_TYPES").contains(type.getSimpleName());
      }
    }
  }

  @Test
  void theGuidesPage_isWhatTheGatewayGenerates() throws IOException {
    Path page = Path.of("../docs/fields.md");

    assertThat(Files.readString(page)).as("docs/fields.md: regenerate it with gateway docs --fields > docs/fields.md")
        .isEqualTo(TEXT);
  }
}
