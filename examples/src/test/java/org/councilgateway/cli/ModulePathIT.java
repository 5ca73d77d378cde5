package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.assessment.PlanAssessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gateway-core as a named module, as an adopter with a module-info.java runs it: a program compiled as a
 * module that requires org.councilgateway.core, run with gateway-core, its dependencies and gateway-rules
 * on the module path (Drools, gateway-rules and JavaParser as automatic modules), in a process of its
 * own. Its results must be those of the class path, and the internal packages out of its reach.
 */
class ModulePathIT {
  private static final Path SAMPLE = Path.of("src/main/resources/plans/sample-forward-plan.json");
  private static final Path BUNDLED_RULES = Path.of("../gateway-rules/src/main/resources/org/councilgateway/rules");
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  private static final long TIMEOUT_SECONDS = 300;

  /** The program: the first proposal of a plan, as a one-proposal plan, through the bundled or a directory's rules. */
  private static final String MAIN = """
      package probe;

      import java.nio.charset.StandardCharsets;
      import java.nio.file.Path;
      import java.security.MessageDigest;
      import java.time.LocalDate;
      import java.util.HexFormat;
      import java.util.List;
      import org.councilgateway.Gateway;
      import org.councilgateway.Plan;
      import org.councilgateway.PlanReader;
      import org.councilgateway.Reports;
      import org.councilgateway.assessment.PlanAssessment;

      public final class Main {
        public static void main(String[] args) throws Exception {
          Plan read = PlanReader.create().read(Path.of(args[0]));
          Plan plan = Plan.of(List.of(read.proposals().get(0)));
          Gateway gateway = args[1].equals("bundled") ? Gateway.bundled() : Gateway.fromDirectory(Path.of(args[1]));
          PlanAssessment result = gateway.assess(plan, LocalDate.parse(args[2]));
          System.out.println("module " + Gateway.class.getModule().getName() + " named "
              + Gateway.class.getModule().isNamed() + " in layer " + (Gateway.class.getModule().getLayer() != null));
          System.out.println("classification " + result.assessments().get(0).proposalId() + " "
              + result.assessments().get(0).classification());
          System.out.println("report " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
              .digest(Reports.json(result).getBytes(StandardCharsets.UTF_8))));
          try {
            Object escaped = Class.forName("org.councilgateway.internal.Text").getMethod("escape", String.class)
                .invoke(null, "x");
            System.out.println("internal reachable " + escaped);
          } catch (IllegalAccessException e) {
            System.out.println("internal encapsulated");
          }
        }
      }
      """;

  private static final String MODULE_INFO = """
      module probe {
        requires org.councilgateway.core;
      }
      """;

  private static Path core;
  private static Path rules;
  private static List<Path> modulePath;

  /**
   * The module path from this test's class path: every jar on it but this module's own, the test libraries
   * and the logging back end (without a configuration, logback logs Drools at DEBUG on standard output).
   * JUnit stays off it too: a program that does not run scenarios must compile and run without it.
   */
  @BeforeAll
  static void modulePath() {
    List<Path> jars = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar")).map(Path::of).toList();
    core = only(jars, "gateway-core-");
    rules = only(jars, "gateway-rules-");
    modulePath = jars.stream().filter(jar -> {
      String name = jar.getFileName().toString();
      return !name.startsWith("examples-") && !name.startsWith("junit-") && !name.startsWith("opentest4j-")
          && !name.startsWith("apiguardian-") && !name.startsWith("assertj-") && !name.startsWith("byte-buddy-")
          && !name.startsWith("logback-") && !name.startsWith("picocli-");
    }).toList();
  }

  private static Path only(List<Path> jars, String prefix) {
    List<Path> found = jars.stream().filter(jar -> jar.getFileName().toString().startsWith(prefix)
        && !jar.getFileName().toString().endsWith("-tests.jar")).toList();
    assertThat(found).as(prefix + "*.jar on the test class path (run mvn verify from the root)").hasSize(1);
    return found.get(0);
  }

  @Test
  void gatewayCore_isANamedModuleExportingOnlyTheApi() {
    ModuleDescriptor descriptor = descriptor(core);
    assertThat(descriptor.isAutomatic()).as(core + " has a module-info.class").isFalse();
    assertThat(descriptor.name()).isEqualTo("org.councilgateway.core");
    assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("org.councilgateway", "org.councilgateway.assessment", "org.councilgateway.model",
            "org.councilgateway.facts", "org.councilgateway.scenario");
    assertThat(descriptor.opens()).isEmpty();
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(descriptor.packages()).contains("org.councilgateway.internal", "org.councilgateway.internal.ruleset");

    ModuleDescriptor rulesDescriptor = descriptor(rules);
    assertThat(rulesDescriptor.isAutomatic()).as("gateway-rules stays an automatic module").isTrue();
    assertThat(rulesDescriptor.name()).isEqualTo("org.councilgateway.rules");
  }

  @Test
  void aModuleRequiringTheCore_assessesWithTheBundledRules_asOnTheClassPath(@TempDir Path dir) throws Exception {
    Path out = compile(dir, MAIN);
    Path classLog = dir.resolve("class-load.log");
    Run run = java(dir, List.of("-Xlog:class+load=info:file=" + classLog), out, "bundled");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("module org.councilgateway.core named true in layer true");
    assertThat(run.out()).contains(onTheClassPath(Gateway.bundled()));
    assertThat(run.out()).contains("internal encapsulated");
    // The precompiled model in gateway-rules was used, not a compile of the rule files.
    assertThat(Files.readAllLines(classLog)).anyMatch(line -> line.matches(
        ".*\\borg\\.councilgateway\\.rules\\.Rules\\w+ source: .*" + Pattern.quote(rules.getFileName().toString()) + "\\s*"));
  }

  @Test
  void aModuleRequiringTheCore_compilesARulesDirectoryAtRunTime_asOnTheClassPath(@TempDir Path dir) throws Exception {
    Path out = compile(dir, MAIN);
    Run run = java(dir, List.of(), out, BUNDLED_RULES.toAbsolutePath().toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(onTheClassPath(Gateway.fromDirectory(BUNDLED_RULES)));
  }

  @Test
  void theInternalPackages_areNotVisibleToAModule(@TempDir Path dir) throws IOException {
    String reachingIn = MAIN.replace("import org.councilgateway.Reports;",
            "import org.councilgateway.Reports;\nimport org.councilgateway.internal.Text;")
        .replace("Object escaped = Class", "Object escaped = Text.escape(\"x\");\n    escaped = Class");
    Compilation compilation = javac(dir, reachingIn);

    assertThat(compilation.succeeded()).as(compilation.diagnostics()).isFalse();
    assertThat(compilation.diagnostics()).contains("package org.councilgateway.internal is not visible")
        .contains("which does not export it");
  }

  /** What the program must print for the same plan through the same rules, assessed here on the class path. */
  private static String onTheClassPath(Gateway gateway) throws NoSuchAlgorithmException {
    Plan read = PlanReader.create().read(SAMPLE);
    PlanAssessment result = gateway.assess(Plan.of(List.of(read.proposals().get(0))), AS_OF);
    return "classification " + result.assessments().get(0).proposalId() + " " + result.assessments().get(0).classification()
        + "\nreport " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Reports.json(result).getBytes(StandardCharsets.UTF_8)));
  }

  private static ModuleDescriptor descriptor(Path jar) {
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertThat(found).hasSize(1);
    return found.iterator().next().descriptor();
  }

  record Compilation(boolean succeeded, String diagnostics, Path out) {}

  private static Compilation javac(Path dir, String main) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("probe"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("probe/Main.java"), main);
    Path out = dir.resolve("out");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // Not this test's class path, which javac in this process would otherwise search, and which holds gateway-core.
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
      boolean ok = compiler.getTask(null, files, diagnostics,
          List.of("--release", "17", "--module-path", join(modulePath), "-d", out.toString()), null,
          files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve("probe/Main.java"))).call();
      return new Compilation(ok, diagnostics.getDiagnostics().stream().map(d -> d.toString())
          .collect(Collectors.joining("\n")), out);
    }
  }

  private static Path compile(Path dir, String main) throws IOException {
    Compilation compilation = javac(dir, main);
    assertThat(compilation.succeeded()).as(compilation.diagnostics()).isTrue();
    return compilation.out();
  }

  record Run(int exit, String out, String err) {}

  private static Run java(Path dir, List<String> options, Path program, String rules)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(options);
    List<Path> path = new ArrayList<>(modulePath);
    path.add(program);
    command.addAll(List.of("--module-path", join(path), "--module", "probe/probe.Main",
        SAMPLE.toAbsolutePath().toString(), rules, AS_OF.toString()));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(finished).as("the program finished within " + TIMEOUT_SECONDS + " s").isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
