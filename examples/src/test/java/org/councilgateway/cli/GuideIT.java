package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the policy officers' guide as an officer would, in an empty folder with the real jar: each
 * edit it gives is made to the files it names, each command it gives is run, and each output it shows
 * must be what the command printed. So the guide cannot drift from the gateway.
 *
 * <p>The guide marks what is done with an HTML comment (invisible when the page is shown) before a
 * fenced block: {@code <!-- guide: run -->} runs the {@code gateway} commands of the block below;
 * {@code output} (or {@code output-ends}) compares the block below with what the last command printed
 * (or with its last lines), where {@code …} stands for any text (a version fingerprint);
 * {@code replace-line FILE | START}, {@code insert-after FILE | LINE}, {@code append FILE} and
 * {@code write FILE} edit a file with the block below; {@code mistake FILE | TEXT | SLIP} makes the
 * slip in a copy of the file, and compares the block below with what {@code gateway validate} prints
 * of it.
 */
class GuideIT {
  private static final Path GUIDE = Path.of("../docs/policy-officers-guide.md");
  private static final Path JAR = Path.of("target/gateway.jar");
  private static final Pattern DIRECTIVE = Pattern.compile("<!-- guide: ([a-z-]+)(?: (.*?))? -->");

  @TempDir
  Path folder;

  /** A fenced block of the guide, with the directive before it, if any. */
  private record Block(String directive, String arguments, String text, int line) {}

  /** What a command printed. */
  private record Printed(int exit, String out) {}

  private static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    String directive = null;
    String arguments = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher marked = DIRECTIVE.matcher(line.strip());
      if (marked.matches()) {
        directive = marked.group(1);
        arguments = marked.group(2);
      } else if (line.startsWith("```")) {
        int start = i + 1;
        int end = start;
        while (!lines.get(end).startsWith("```")) {
          end++;
        }
        blocks.add(new Block(directive, arguments, String.join("\n", lines.subList(start, end)) + "\n", start));
        directive = null;
        i = end;
      } else if (!line.isBlank()) {
        directive = null;
      }
    }
    return blocks;
  }

  private Printed gateway(String commandLine) throws IOException, InterruptedException {
    List<String> words = words(commandLine);
    assertThat(words.get(0)).as("a command of the guide: " + commandLine).isEqualTo("gateway");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(words.subList(1, words.size()));
    Path out = Files.createTempFile("guide-out", ".txt");
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(commandLine + " finished").isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return new Printed(process.exitValue(), printed);
  }

  /** A command line's words, as a shell splits them: on spaces, except within quotes. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2) != null ? word.group(2) : word.group(3));
    }
    return words;
  }

  private static void matches(String printed, String shown, boolean ending, String where) {
    List<String> actual = printed.lines().map(String::stripTrailing).toList();
    List<String> expected = shown.lines().map(String::stripTrailing).toList();
    if (ending) {
      assertThat(actual.size()).as(where + ": printed\n" + printed).isGreaterThanOrEqualTo(expected.size());
      actual = actual.subList(actual.size() - expected.size(), actual.size());
    }
    assertThat(actual).as(where + ": what the command printed, line for line\n" + printed).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String pattern = String.join(".*", java.util.Arrays.stream(expected.get(i).split("…", -1))
          .map(Pattern::quote).toList());
      assertThat(actual.get(i)).as(where + ", line " + (i + 1) + " of the output").matches(Pattern.compile(pattern));
    }
  }

  private Path file(String name) {
    return folder.resolve(name.strip());
  }

  private static String[] parts(Block block, int count) {
    String[] parts = block.arguments().split(" \\| ", -1);
    assertThat(parts).as("the arguments of the directive before line " + block.line()).hasSize(count);
    return parts;
  }

  @Test
  void theGuide_doneAsItSays_printsWhatItShows() throws Exception {
    assertThat(JAR).as("the shaded jar; run mvn package first").exists();
    List<Block> blocks = blocks(Files.readAllLines(GUIDE, StandardCharsets.UTF_8));
    Printed last = null;
    int commands = 0;
    int outputs = 0;
    int edits = 0;
    int mistakes = 0;
    for (Block block : blocks) {
      if (block.directive() == null) {
        continue;
      }
      String where = "docs/policy-officers-guide.md, the block at line " + block.line();
      switch (block.directive()) {
        case "run" -> {
          for (String command : block.text().lines().filter(l -> !l.isBlank()).toList()) {
            last = gateway(command);
            commands++;
          }
        }
        case "output", "output-ends" -> {
          assertThat(last).as(where + ": an output with no command before it").isNotNull();
          matches(last.out(), block.text(), block.directive().equals("output-ends"), where);
          outputs++;
        }
        case "replace-line" -> {
          String[] parts = parts(block, 2);
          List<String> lines = new ArrayList<>(Files.readAllLines(file(parts[0])));
          int at = indexOf(lines, l -> l.strip().startsWith(parts[1].strip()), where);
          lines.set(at, block.text().stripTrailing());
          Files.write(file(parts[0]), lines);
          edits++;
        }
        case "insert-after" -> {
          String[] parts = parts(block, 2);
          List<String> lines = new ArrayList<>(Files.readAllLines(file(parts[0])));
          int at = indexOf(lines, l -> l.strip().equals(parts[1].strip()), where);
          lines.addAll(at + 1, block.text().stripTrailing().lines().toList());
          Files.write(file(parts[0]), lines);
          edits++;
        }
        case "append" -> {
          Files.writeString(file(block.arguments()), "\n" + block.text(), java.nio.file.StandardOpenOption.APPEND);
          edits++;
        }
        case "write" -> {
          Files.createDirectories(file(block.arguments()).getParent());
          Files.writeString(file(block.arguments()), block.text());
          edits++;
        }
        case "mistake" -> {
          String[] parts = parts(block, 3);
          Path target = file(parts[0]);
          String before = Files.readString(target);
          String text = parts[1].replace("\\n", "\n");
          assertThat(before).as(where + ": the text the slip is made in").contains(text);
          Files.writeString(target, before.replaceFirst(Pattern.quote(text), Matcher.quoteReplacement(
              parts[2].replace("\\n", "\n"))));
          try {
            Printed printed = gateway("gateway validate my-copy/rules");
            assertThat(printed.exit()).as(where + ": validate's exit code\n" + printed.out()).isEqualTo(1);
            matches(printed.out(), block.text(), false, where);
          } finally {
            Files.writeString(target, before);
          }
          mistakes++;
        }
        default -> throw new AssertionError(where + ": unknown directive " + block.directive());
      }
    }
    // The walk-through (init, validate, test, two diffs, the changes for the committee), its edits, and the slips.
    assertThat(commands).as("commands run").isGreaterThanOrEqualTo(5);
    assertThat(outputs).as("outputs compared").isGreaterThanOrEqualTo(5);
    assertThat(edits).as("edits made").isGreaterThanOrEqualTo(6);
    assertThat(mistakes).as("mistakes shown").isGreaterThanOrEqualTo(10);
  }

  private static int indexOf(List<String> lines, java.util.function.Predicate<String> wanted, String where) {
    for (int i = 0; i < lines.size(); i++) {
      if (wanted.test(lines.get(i))) {
        return i;
      }
    }
    throw new AssertionError(where + ": no such line in the file to edit");
  }
}
