package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.councilgateway.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSourcesTest {

  @Test
  void directory_filesAtTheLimit_areRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.drl"), "x".repeat(100));
    Files.writeString(dir.resolve(RuleFile.REFERENCE_DATA), "y".repeat(100));
    Files.createDirectories(dir.resolve("more (2024)")).resolve("b.drl").toFile().createNewFile();

    assertThat(RuleSources.directory(dir, 100)).extracting(RuleFile::path)
        .containsExactly("a.drl", "more (2024)/b.drl", RuleFile.REFERENCE_DATA);
  }

  @Test
  void directory_ruleFileOverTheLimit_isAProblemNamingTheLimit(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.drl"), "x".repeat(101));
    Files.writeString(dir.resolve(RuleFile.REFERENCE_DATA), "y".repeat(2_000));

    assertThatThrownBy(() -> RuleSources.directory(dir, 100))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(dir.resolve("a.drl") + ": is 101 bytes; a rule file may be at most 100 bytes.",
                dir.resolve(RuleFile.REFERENCE_DATA) + ": is 2,000 bytes; the reference data may be at most 100 bytes."));
  }

  @Test
  void directory_otherFiles_areNeitherReadNorChecked(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes \"big\".txt"), "x".repeat(1_000));

    assertThat(RuleSources.directory(dir, 100)).isEmpty();
  }

  @Test
  void directory_thatIsItselfALink_isReadThroughIt(@TempDir Path dir) throws IOException {
    Path real = Files.createDirectories(dir.resolve("releases").resolve("v3"));
    Files.writeString(real.resolve("a.drl"), "x");
    Path current = Files.createSymbolicLink(dir.resolve("current"), real);

    assertThat(RuleSources.directory(current, 100)).extracting(RuleFile::path).containsExactly("a.drl");
  }

  @Test
  void directory_hiddenFoldersAndFiles_areSkipped(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.drl"), "x");
    Path git = Files.createDirectories(dir.resolve(".git").resolve("refs").resolve("heads"));
    Files.writeString(git.resolve("officer\"s branch"), "x");
    Files.createSymbolicLink(git.resolve("link.drl"), dir.resolve("a.drl"));
    Files.writeString(dir.resolve(".draft.drl"), "x");

    assertThat(RuleSources.directory(dir, 100)).extracting(RuleFile::path).containsExactly("a.drl");
  }

  @Test
  void directory_rulesTogetherOverTwentyTimesTheFileLimit_isAProblem(@TempDir Path dir) throws IOException {
    for (int i = 0; i < 21; i++) {
      Files.writeString(dir.resolve("rules-" + i + ".drl"), "x".repeat(100));
    }

    assertThatThrownBy(() -> RuleSources.directory(dir, 100))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(dir + ": holds 2,100 characters of rules and reference data; a rule set may hold at most "
                + "20 times the largest rule file, 2,000."));
  }

  @Test
  void directory_moreEntriesThanTheBound_isAProblemBeforeAnyIsRead(@TempDir Path dir) throws IOException {
    for (int i = 0; i <= RuleSources.MOST_ENTRIES; i++) {
      Files.createFile(dir.resolve("notes-" + i + ".txt"));
    }

    assertThatThrownBy(() -> RuleSources.directory(dir, 100))
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly(dir + ": holds more than 10,000 files and folders; a rules directory holds rule files, "
                + "the reference data and little else."));
  }

  @Test
  void directory_manyFilesInAHiddenFolder_areNotCounted(@TempDir Path dir) throws IOException {
    Path objects = Files.createDirectories(dir.resolve(".git").resolve("objects"));
    for (int i = 0; i <= RuleSources.MOST_ENTRIES; i++) {
      Files.createFile(objects.resolve("object-" + i));
    }
    Files.writeString(dir.resolve("a.drl"), "x");

    assertThat(RuleSources.directory(dir, 100)).extracting(RuleFile::path).containsExactly("a.drl");
  }
}
