package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilgateway.model.ChangeType;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzzer over the strings Drools copies into generated code: it plants code that would
 * make a marker directory in rule names, attribute values, metadata, entry-point names and file
 * names of a bundled rule file, with the quoting tricks an attacker would try, and checks that the
 * marker never appears, whether the rules go through the source guard and the class verification
 * ({@code validate}, {@code fromDirectory}, an assessment) or through the class verification alone.
 */
class RuleFileFuzzTest {
  private static final long SEED = Long.getLong("gateway.fuzz.seed", 20261201L);
  private static final int CASES = Integer.getInteger("gateway.fuzz.cases", 24);

  /** Ways out of a Java string literal, and back in, around the payload. */
  private static final List<String> BREAKOUTS = List.of(
      "\" + PAYLOAD + \"",
      "\\\" + PAYLOAD + \\\"",
      "\"); PAYLOAD; (\"",
      "\" + (PAYLOAD) + \"",
      "\"\n + PAYLOAD + \"",
      "*/ \" + PAYLOAD + \" /*",
      "\" + PAYLOAD + \"\\",
      "\\u0022 + PAYLOAD + \\u0022",
      "' + PAYLOAD + '",
      "\" + java.util.concurrent.ForkJoinTask.adapt((java.util.concurrent.Callable<Object>) () -> PAYLOAD).invoke() + \"");

  /** Places in a rule file where a planted string goes. */
  private enum Place { RULE_NAME, AGENDA_GROUP, ACTIVATION_GROUP, RULEFLOW_GROUP, PACKAGE_ATTRIBUTE, METADATA,
    ENTRY_POINT, FILE_NAME }

  @Test
  void fuzz_plantedStrings_neverRun(@TempDir Path dir) throws IOException {
    Random random = new Random(SEED);
    String original = new String(RuleFileFuzzTest.class.getClassLoader()
        .getResourceAsStream(RuleSources.BUNDLED_ROOT + "challenge.drl").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int guardRefused = 0;
    int verifierRefused = 0;
    int otherwiseRefused = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Place place = Place.values()[random.nextInt(Place.values().length)];
      String breakout = BREAKOUTS.get(random.nextInt(BREAKOUTS.size()));
      boolean inFileName = place == Place.FILE_NAME;
      // A file name cannot hold a slash: its marker is relative to the folder the build runs in.
      Path marker = inFileName ? Path.of("fuzz-marker-" + i) : dir.resolve("marker-" + i);
      String payload = "new java.io.File(\"" + marker + "\").mkdir()";
      String planted = breakout.replace("PAYLOAD", payload);
      String fileName = "challenge.drl";
      String text = original;
      switch (place) {
        case RULE_NAME -> text = plantInFirst(text, "rule \"([^\"]*)\"", planted, random);
        case AGENDA_GROUP -> text = addAttribute(text, "agenda-group", planted);
        case ACTIVATION_GROUP -> text = addAttribute(text, "activation-group", planted);
        case RULEFLOW_GROUP -> text = addAttribute(text, "ruleflow-group", planted);
        case PACKAGE_ATTRIBUTE -> text = text.replace("global Findings findings;",
            "agenda-group '" + planted.replace("'", "") + "'\n\nglobal Findings findings;");
        case METADATA -> text = plantInFirst(text, "@description\\(\"([^\"]*)\"\\)", planted, random);
        case ENTRY_POINT -> text = text.replaceFirst("\\$p : Proposal\\( objectives.isEmpty\\(\\) \\)",
            Matcher.quoteReplacement("$p : Proposal( objectives.isEmpty() ) from entry-point '"
                + planted.replace("'", "") + "'"));
        case FILE_NAME -> fileName = "challenge" + planted.replace("/", "") + ".drl";
      }
      String label = "case " + i + " (" + place + ", " + breakout.replace("\n", "\\n") + ")";

      Path rules = GeneratedCodeVerificationTest.copyBundled(dir.resolve("case-" + i));
      Files.delete(rules.resolve("challenge.drl"));
      boolean written = write(rules.resolve(fileName), text);
      if (written) {
        List<Problem> problems = RuleSet.validate(rules);
        if (problems.isEmpty()) {
          try {
            Gateway.of(RuleSet.fromDirectory(rules)).assess(
                Proposal.builder().id("P").title("A proposal").leadDirectorate("PEOPLE").serviceArea("ADULT_SOCIAL_CARE").changeType(ChangeType.RECOMMISSION).build(),
                java.time.LocalDate.of(2026, 12, 1));
          } catch (GatewayException e) {
            otherwiseRefused++;
          }
        } else if (problems.stream().anyMatch(p -> p.message().contains("compiles to code that uses"))) {
          verifierRefused++;
        } else {
          guardRefused++;
        }
      }
      // The same file past the source guard, as the bundled rules are compiled: the classes alone.
      List<RuleFile> files = new ArrayList<>(RuleSources.bundled(getClass().getClassLoader()));
      files.removeIf(file -> !file.isReferenceData());
      files.add(new RuleFile(fileName, text));
      try {
        RuleSetCompiler.compile(files, null);
      } catch (GatewayException e) {
        // Refused, by the class verification or by the compiler: either way nothing ran.
      }
      if (Files.exists(marker)) {
        failures.add(label + " ran its payload");
        Files.delete(marker);
      }
    }
    System.out.printf("RuleFileFuzzTest: %d case(s) from seed %d: %d refused by the guard, %d by the class "
        + "verification, %d otherwise; %d ran%n", CASES, SEED, guardRefused, verifierRefused, otherwiseRefused,
        failures.size());

    assertThat(failures).isEmpty();
  }

  /** Puts the planted string at a random place inside the first match's group. */
  private static String plantInFirst(String text, String regex, String planted, Random random) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    int at = matcher.start(1) + random.nextInt(matcher.group(1).length() + 1);
    return text.substring(0, at) + planted + text.substring(at);
  }

  /** Gives the first rule an attribute whose single-quoted value holds the planted string. */
  private static String addAttribute(String text, String attribute, String planted) {
    return text.replaceFirst("when\n", Matcher.quoteReplacement("  " + attribute + " '" + planted.replace("'", "")
        + "'\nwhen\n"));
  }

  /** Writes a rule file, unless the file system refuses its name. */
  private static boolean write(Path file, String text) {
    try {
      Files.writeString(file, text);
      return true;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return false;
    }
  }
}
