package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.councilgateway.cli.GatewayJarIT.gateway;
import static org.councilgateway.cli.GatewayJarIT.noStackTrace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.cli.GatewayJarIT.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway docs --against DIR} from the real jar: what proposed rules change against the live ones. */
class DocsAgainstIT {
  @TempDir
  static Path dir;

  static Path live;
  static Path proposed;

  @BeforeAll
  static void copyTheRules() throws Exception {
    live = org.councilgateway.RuleSet.exportBundled(dir.resolve("live"));
    proposed = org.councilgateway.RuleSet.exportBundled(dir.resolve("proposed"));
    Path data = proposed.resolve("reference-data.yaml");
    Files.writeString(data, Files.readString(data).replace("keyDecisionValue: 350000", "keyDecisionValue: 500000"));
    Path challenge = proposed.resolve("challenge.drl");
    Files.writeString(challenge, Files.readString(challenge).replace(
        "@description(\"The proposal states no outcomes.\")", "@description(\"The proposal states no outcome at all.\")"));
  }

  @Test
  void againstTheLiveRules_listsTheChangedRuleAndSettingWithThousandsSeparators() throws Exception {
    Run run = gateway("docs", "--rules", proposed.toString(), "--against", live.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    String out = run.out().replace("\r\n", "\n");
    assertThat(out).startsWith("# Changes to the rule catalogue\n\nThe proposed rules (version sha256:");
    assertThat(out.substring(out.indexOf("## "))).isEqualTo("## Rules changed\n\n"
        + "- GW-CHL-002 No outcomes — description: \"The proposal states no outcomes.\" → \"The proposal states no "
        + "outcome at all.\"\n\n"
        + "## Reference data changed\n\n"
        + "- settings.keyDecisionValue: 350,000 → 500,000\n");
  }

  @Test
  void theBundledRulesAgainstACopyOfThem_sayNothingHasChanged() throws Exception {
    Run run = gateway("docs", "--against", live.toString(), "--format", "html");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("<h1>Changes to the rule catalogue</h1>\n"
        + "<p>Nothing has changed: the proposed rules (version sha256:").doesNotContain("<h2>");
  }

  @Test
  void againstADirectoryThatIsNotARuleSet_isTheUsualRulesError_exitTwo() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path missing = dir.resolve("missing");

    Run notRules = gateway("docs", "--against", empty.toString());
    Run absent = gateway("docs", "--against", missing.toString());

    assertThat(notRules.exit()).isEqualTo(2);
    assertThat(notRules.out()).isEmpty();
    assertThat(notRules.err().strip()).isEqualTo(empty + ": has no reference-data.yaml beside the rules.\n"
        + empty + ": has no .drl rule files.");
    noStackTrace(notRules);
    assertThat(absent.exit()).isEqualTo(2);
    assertThat(absent.err().strip()).isEqualTo(missing + ": is not a directory of rules.");
    noStackTrace(absent);
  }

  @Test
  void againstWithFields_isRefused_exitTwo() throws Exception {
    Run run = gateway("docs", "--fields", "--against", live.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("--fields and --against cannot be used together: --fields prints what a rule can "
        + "read, not a rule set.");
    noStackTrace(run);
  }
}
