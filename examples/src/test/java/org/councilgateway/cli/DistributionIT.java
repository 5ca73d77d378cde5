package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution zip (examples/target/gateway-VERSION.zip) as a policy officer installs it: unpacked
 * with its files' modes, and run through its launcher in processes of their own, from other folders.
 */
class DistributionIT {
  private static final Path ZIP = Path.of(System.getProperty("gateway.distribution", "target/gateway-0.2.0.zip"));
  private static final Path BUNDLED_RULES = Path.of("../gateway-rules/src/main/resources/org/councilgateway/rules");
  private static final Path BUNDLED_SCENARIOS = Path.of("../gateway-rules/src/main/scenarios");
  /** A proposal's first line in the text output: its id, a colon and its classification. */
  private static final Pattern PROPOSAL_LINE = Pattern.compile("(?m)^([A-Z]{2}-\\d{4}-\\d{3}): (COUNCIL_WIDE|SINGLE_DIRECTORATE)");

  @TempDir
  static Path installed;
  /** gateway-VERSION/ inside {@link #installed}. */
  static Path home;
  /** The Unix mode of each entry, from the zip's central directory; java.util.zip does not give it. */
  static Map<String, Integer> modes;

  /** What a run of the launcher left behind. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void unpack() throws IOException {
    assertThat(ZIP).as("the distribution; run mvn package first").exists();
    String top = ZIP.getFileName().toString().replaceFirst("\\.zip$", "");
    modes = unixModes(ZIP);
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path target = installed.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(installed.resolve(top))).as("%s is within %s/", entry.getName(), top).isTrue();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
        Integer mode = modes.get(entry.getName());
        if (mode != null && !OS.WINDOWS.isCurrentOs()) {
          Files.setPosixFilePermissions(target, permissions(mode));
        }
      }
    }
    home = installed.resolve(top);
  }

  @Test
  void theZipUnpacksToOneFolderNamedForTheVersion() {
    assertThat(ZIP.getFileName().toString()).matches("gateway-\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\.zip");
    assertThat(modes.keySet()).allSatisfy(name -> assertThat(name).startsWith(home.getFileName() + "/"));
  }

  @Test
  void theZipHoldsTheCommandTheLaunchersThePlansAndTheDocs() {
    assertThat(home.resolve("lib/gateway.jar")).isRegularFile();
    assertThat(home.resolve("bin/gateway")).isRegularFile();
    assertThat(home.resolve("bin/gateway.cmd")).isRegularFile();
    assertThat(home.resolve("plans/sample-forward-plan.json"))
        .hasSameBinaryContentAs(Path.of("src/main/resources/plans/sample-forward-plan.json"));
    for (String doc : List.of("docs/README.md", "docs/SECURITY.md", "docs/LICENSE", "docs/policy-officers-guide.md")) {
      assertThat(home.resolve(doc)).isRegularFile();
    }
  }

  @Test
  void theClassDataArchiveIsNotShippedBecauseItOnlyMatchesTheJarWhereItWasMade() {
    // The JVM takes a dynamic archive only with the jar at the path it was made with (JDK 17), so the
    // launcher makes one where the distribution is unpacked instead.
    assertThat(modes.keySet()).noneMatch(name -> name.endsWith(".jsa"));
  }

  @Test
  void theRulesFolderIsACopyOfTheBundledRules() throws IOException {
    assertThat(names(home.resolve("rules"))).isEqualTo(names(BUNDLED_RULES)).contains("rules.index", "reference-data.yaml");
    for (String name : names(BUNDLED_RULES)) {
      assertThat(home.resolve("rules").resolve(name)).hasSameBinaryContentAs(BUNDLED_RULES.resolve(name));
    }
  }

  @Test
  void theScenariosFolderHoldsEveryBundledScenario() throws IOException {
    // The index is how RuleSet.exportBundled finds the scenarios in the jar; the folder needs none.
    assertThat(relativeFiles(home.resolve("scenarios"))).isEqualTo(relativeFiles(BUNDLED_SCENARIOS).stream()
        .filter(file -> !file.equals("scenarios.index")).toList()).hasSizeGreaterThan(20);
  }

  @Test
  void aScenarioNamingAPlanNamesItWhereTheDistributionHasIt() throws IOException {
    String scenario = Files.readString(home.resolve("scenarios/scope/product-example.yaml"));

    assertThat(scenario).contains("plan: ../../plans/product-example.json");
    assertThat(home.resolve("plans/product-example.json")).isRegularFile();
  }

  @Test
  void theLinuxLauncherIsExecutableInTheZipAndTheWindowsOneHasWindowsLineEnds() throws IOException {
    String top = home.getFileName() + "/";

    assertThat(modes.get(top + "bin/gateway")).as("bin/gateway's mode").isEqualTo(0755);
    assertThat(modes.get(top + "lib/gateway.jar")).as("lib/gateway.jar's mode").isEqualTo(0644);
    assertThat(Files.readString(home.resolve("bin/gateway"))).startsWith("#!/usr/bin/env bash\n").doesNotContain("\r");
    assertThat(Files.readString(home.resolve("bin/gateway.cmd"))).startsWith("@echo off\r\n").doesNotContainPattern("[^\r]\n");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void assessingTheSamplePlanFromAnotherFolderAssessesAll18Proposals(@TempDir Path elsewhere) throws Exception {
    Path plan = elsewhere.relativize(home.resolve("plans/sample-forward-plan.json"));

    Run run = launch(elsewhere, home.resolve("bin/gateway").toString(), "assess", plan.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("18 proposal(s) assessed").contains("0 proposal(s) with errors");
    assertThat(proposals(run.out())).hasSize(18);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void assessingTheSamplePlanFromTheInstallationFolderAssessesAll18Proposals() throws Exception {
    Run run = launch(home, "bin/gateway", "assess", "plans/sample-forward-plan.json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(proposals(run.out())).hasSize(18);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theEditableRulesFolderValidates() throws Exception {
    Run run = launch(home, "bin/gateway", "validate", "rules");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("rules: sound");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theBundledScenariosPassAgainstTheEditableRules() throws Exception {
    Run run = launch(home, "bin/gateway", "test", "--rules", "rules", "scenarios");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).containsPattern("\\d+ passed, 0 failed").contains("Rule coverage: 100%");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theScenarioNamingAPlanPassesFromAnotherFolder(@TempDir Path elsewhere) throws Exception {
    Run run = launch(elsewhere, home.resolve("bin/gateway").toString(), "test", "--rules", home.resolve("rules").toString(),
        home.resolve("scenarios/scope/product-example.yaml").toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("1 passed, 0 failed");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherWorksThroughASymbolicLinkFromAnyFolder(@TempDir Path elsewhere) throws Exception {
    Path link = Files.createSymbolicLink(elsewhere.resolve("gateway"), home.resolve("bin/gateway"));
    Path chained = Files.createSymbolicLink(elsewhere.resolve("gw"), elsewhere.relativize(link));
    Path plan = elsewhere.relativize(home.resolve("plans/sample-forward-plan.json"));

    try {
      Run run = launch(elsewhere, "./gw", "assess", plan.toString());

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(proposals(run.out())).hasSize(18);
    } finally {
      Files.delete(chained);
      Files.delete(link);
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherMakesAClassDataArchiveForTheJarWhereItIsInstalledAndTheJvmUsesIt(@TempDir Path elsewhere) throws Exception {
    Path classes = elsewhere.resolve("classes.txt");
    assertThat(launch(elsewhere, home.resolve("bin/gateway").toString(), "--version").exit()).isZero();

    Run run = launch(elsewhere, Map.of("GATEWAY_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes),
        home.resolve("bin/gateway").toString(), "validate", home.resolve("rules").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).as("nothing said about the archive once it is made").isEmpty();
    assertThat(home.resolve("lib/gateway.jsa")).isRegularFile();
    assertThat(Files.readString(home.resolve("lib/gateway.jsa.id"))).startsWith(home.resolve("lib/gateway.jar") + " ");
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).as("classes of the command taken from the archive")
        .anyMatch(line -> line.contains("org.councilgateway.") && line.contains("source: shared objects file (top)"));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void turningTheArchiveOffRunsWithoutIt(@TempDir Path elsewhere) throws Exception {
    Path classes = elsewhere.resolve("classes.txt");

    Run run = launch(elsewhere, Map.of("GATEWAY_CLASS_DATA_ARCHIVE", "off",
        "GATEWAY_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes), home.resolve("bin/gateway").toString(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readAllLines(classes)).noneMatch(line -> line.contains("shared objects file (top)"));
  }

  @Test
  void theWindowsLauncherNamesTheSameJvmOptionsAsTheLinuxOne() throws IOException {
    Set<String> linux = jvmOptions(Files.readString(home.resolve("bin/gateway")), "#");
    Set<String> windows = jvmOptions(Files.readString(home.resolve("bin/gateway.cmd")), "rem ");

    assertThat(linux).contains("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-XX:NewSize=", "-XX:MaxNewSize=", "-Xms",
        "-XX:+UseTransparentHugePages", "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=", "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off");
    // Transparent huge pages are Linux's; cmd cannot tell whether Windows would grant large pages.
    Set<String> linuxButHugePages = new TreeSet<>(linux);
    linuxButHugePages.remove("-XX:+UseTransparentHugePages");
    assertThat(windows).isEqualTo(linuxButHugePages);
  }

  @Test
  void theLinuxLauncherNamesEveryJvmOptionOfTheRepositorysLauncher() throws IOException {
    Set<String> repository = jvmOptions(Files.readString(Path.of("../gateway")), "#");

    assertThat(repository).isNotEmpty();
    assertThat(jvmOptions(Files.readString(home.resolve("bin/gateway")), "#")).containsAll(repository);
  }

  @Test
  void theWindowsLauncherFindsLibBesideItselfJavaAndPassesEveryArgumentAndTheExitCode() throws IOException {
    String cmd = Files.readString(home.resolve("bin/gateway.cmd"));

    assertThat(cmd).contains("%~dp0").contains("\\lib\\gateway.jar").contains("%JAVA_HOME%\\bin\\java.exe")
        .contains("%%~$PATH:J").contains("%GATEWAY_JAVA_OPTIONS% -jar \"%JAR%\" %*").contains("exit /b %ERRORLEVEL%");
    assertThat(Files.readString(home.resolve("bin/gateway"))).contains("${GATEWAY_JAVA_OPTIONS:-} -jar \"$jar\" \"$@\"");
  }

  @Test
  @EnabledOnOs(OS.WINDOWS)
  void onWindowsTheCmdLauncherAssessesAll18Proposals(@TempDir Path elsewhere) throws Exception {
    Run run = launch(elsewhere, "cmd.exe", "/c", home.resolve("bin/gateway.cmd").toString(), "assess",
        home.resolve("plans/sample-forward-plan.json").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(proposals(run.out())).hasSize(18);
  }

  static Run launch(Path directory, String... command) throws IOException, InterruptedException {
    return launch(directory, Map.of(), command);
  }

  /**
   * Runs a command in a folder, with this JVM's Java as JAVA_HOME, no GATEWAY_JAVA_OPTIONS but those given,
   * and a time limit (making the class-data archive, on the first run, takes a few seconds).
   */
  static Run launch(Path directory, Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("gateway-out", ".txt");
    Path err = Files.createTempFile("gateway-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().remove("GATEWAY_JAVA_OPTIONS");
    builder.environment().remove("GATEWAY_CLASS_DATA_ARCHIVE");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished within 5 minutes", List.of(command)).isTrue();
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(OS.WINDOWS.isCurrentOs() ? "NUL" : "/dev/null");
  }

  /** The ids of the proposals the text output assesses, each once. */
  static Set<String> proposals(String out) {
    Set<String> ids = new TreeSet<>();
    Matcher matcher = PROPOSAL_LINE.matcher(out);
    while (matcher.find()) {
      assertThat(ids.add(matcher.group(1))).as("%s assessed once", matcher.group(1)).isTrue();
    }
    return ids;
  }

  /** The JVM options a launcher names outside its comments, by name (and value, when it is fixed). */
  static Set<String> jvmOptions(String launcher, String comment) {
    Pattern option = Pattern.compile("-XX:[+-]\\w+|-XX:\\w+=(?:\\d+(?![\\d\\w]))?|-Xms|-Xmx|-Xlog:[\\w+]+=\\w+");
    return launcher.lines().map(String::strip)
        .filter(line -> !line.regionMatches(true, 0, comment, 0, comment.length()) && !line.startsWith("::"))
        .flatMap(line -> option.matcher(line).results().map(result -> result.group()))
        .map(found -> found.matches("-XX:(NewSize|MaxNewSize)=\\d+") ? found.replaceFirst("\\d+$", "") : found)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> relativeFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  /** The permissions of a Unix mode's lowest nine bits. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values(); // owner read, write, execute, then group, then others
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << (8 - bit))) != 0) {
        permissions.add(all[bit]);
      }
    }
    return permissions;
  }

  /**
   * The Unix mode of each entry made on Unix, from the zip's central directory: the high 16 bits of an
   * entry's external attributes, where "version made by" names Unix (3). (Not for zip64 archives.)
   */
  static Map<String, Integer> unixModes(Path zip) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
    int end = -1;
    for (int at = bytes.limit() - 22; at >= Math.max(0, bytes.limit() - 22 - 0xFFFF) && end < 0; at--) {
      if (bytes.getInt(at) == 0x06054b50) {
        end = at;
      }
    }
    assertThat(end).as("the zip's end of central directory").isNotNegative();
    int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
    int at = bytes.getInt(end + 16);
    Map<String, Integer> modes = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int entry = 0; entry < entries; entry++) {
      assertThat(bytes.getInt(at)).as("a central directory header").isEqualTo(0x02014b50);
      int madeBy = Short.toUnsignedInt(bytes.getShort(at + 4)) >> 8;
      int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(bytes.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(bytes.getShort(at + 32));
      int external = bytes.getInt(at + 38);
      byte[] name = new byte[nameLength];
      bytes.get(at + 46, name);
      String entryName = new String(name, StandardCharsets.UTF_8);
      names.add(entryName);
      if (madeBy == 3) {
        modes.put(entryName, (external >>> 16) & 0777);
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    assertThat(modes.keySet()).as("entries with a Unix mode").containsExactlyInAnyOrderElementsOf(names);
    return Collections.unmodifiableMap(modes);
  }
}
