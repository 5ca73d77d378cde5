package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway init DIR}: a copy that validates, whose scenarios pass where it stands, and that diffs as unchanged. */
class InitIT {
  @TempDir
  Path dir;

  @Test
  void aCopy_validates_itsScenariosPassFromAnywhere_andDiffsAsUnchanged() throws Exception {
    Path copy = dir.resolve("my rules");

    Run init = gateway("init", copy.toString());

    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(copy.resolve("README.md")).content().contains("gateway test --rules rules scenarios");
    assertThat(copy.resolve("rules/ocds-mapping.yaml")).exists();
    assertThat(copy.resolve("plans/sample-forward-plan.json")).content().contains("\"NL-2027-001\"");
    Run validate = gateway("validate", copy.resolve("rules").toString());
    assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
    Run test = gateway("test", "--rules", copy.resolve("rules").toString(), copy.resolve("scenarios").toString());
    assertThat(test.exit()).as(test.out() + test.err()).isZero();
    assertThat(test.out()).contains(" passed, 0 failed");
    Run diff = gateway("diff", copy.resolve("scenarios").toString(), "--rules", copy.resolve("rules").toString());
    assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
  }

  @Test
  void aFolderThatIsNotEmpty_isRefusedAndLeftAlone() throws Exception {
    Path taken = dir.resolve("taken");
    Files.createDirectories(taken);
    Files.writeString(taken.resolve("notes.txt"), "mine");

    Run run = gateway("init", taken.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("already exists and is not an empty folder");
    assertThat(taken.resolve("notes.txt")).content().isEqualTo("mine");
    assertThat(taken.resolve("rules")).doesNotExist();
    noStackTrace(run);
  }
}
