package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.Test;

/** {@code gateway docs --fields} from the real jar: the page the guide links, as the jar generates it. */
class DocsFieldsIT {
  @Test
  void docsFields_printsTheGuidesFieldsPage() throws Exception {
    Run run = gateway("docs", "--fields");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("# What a rule can read").contains("| `serviceArea` | text |",
        "- `procures()`: true or false");
    assertThat(run.out().replace("\r\n", "\n")).isEqualTo(Files.readString(Path.of("../docs/fields.md")));
  }
}
