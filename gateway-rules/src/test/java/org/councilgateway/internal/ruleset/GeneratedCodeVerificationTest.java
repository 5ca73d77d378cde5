package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.guard.ClassVerifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.councilgateway.Problem;
import org.councilgateway.RuleSet;
import org.councilgateway.RuleSetException;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The class verification holds whatever a rule file's text looked like: classes Drools generated
 * from hostile strings the source guard never saw, and classes tampered with after compiling, are
 * refused before any of them is defined, and nothing planted ever runs.
 */
class GeneratedCodeVerificationTest {
  private static final Path EVERYTHING = Path.of("src/test/resources/allowed/everything.drl");

  /** The bundled rule files, read from the classpath as the library reads them. */
  private static List<RuleFile> bundled() {
    return new ArrayList<>(RuleSources.bundled(GeneratedCodeVerificationTest.class.getClassLoader()));
  }

  @Test
  void compile_bundledRulesAndEveryAllowedConstruct_passTheVerification() throws IOException {
    List<RuleFile> files = bundled();
    files.add(new RuleFile("everything.drl", Files.readString(EVERYTHING)));

    Map<String, byte[]> classes = generate(files);

    assertThat(classes).hasSizeGreaterThan(200);
    assertThat(ClassVerifier.verify(classes)).isEmpty();
  }

  @Test
  void validate_everyAllowedConstruct_passesTheGuardAndTheVerification(@TempDir Path dir) throws IOException {
    Path rules = copyBundled(dir);
    Files.copy(EVERYTHING, rules.resolve("everything.drl"));

    assertThat(RuleSet.validate(rules)).isEmpty();
  }

  /**
   * Hostile strings in each position Drools' executable-model generator pastes into Java without
   * escaping, compiled past the source guard (as the bundled rules are): the class verification
   * refuses each, and the payload never runs.
   */
  static Stream<Arguments> pastedStrings() {
    return Stream.of(
        Arguments.of("rule name", "rule 'Pwn\" + PAYLOAD + \"'\n" + META + WHEN, "rules.drl"),
        Arguments.of("agenda-group", "rule \"Grouped\"\n" + META + "  agenda-group 'g\" + PAYLOAD + \"'\n" + WHEN,
            "rules.drl"),
        Arguments.of("activation-group", "rule \"Grouped\"\n" + META + "  activation-group 'g\" + PAYLOAD + \"'\n"
            + WHEN, "rules.drl"),
        Arguments.of("ruleflow-group", "rule \"Grouped\"\n" + META + "  ruleflow-group 'g\" + PAYLOAD + \"'\n" + WHEN,
            "rules.drl"),
        Arguments.of("package-level agenda-group", "agenda-group 'g\" + PAYLOAD + \"'\n\nrule \"Grouped\"\n" + META
            + WHEN, "rules.drl"),
        Arguments.of("entry-point name", "rule \"From an entry point\"\n" + META
            + "when\n  $p : Proposal( id != \"x\" ) from entry-point 'e\" + PAYLOAD + \"'\nthen\nend\n", "rules.drl"),
        Arguments.of("file name", "rule \"Plain\"\n" + META + WHEN, "x\" + PAYLOAD + \".drl"));
  }

  private static final String META = "  @id(\"GW-PWN-1\")\n  @source(\"A test\")\n  @description(\"A test.\")\n";
  private static final String WHEN = "when\n  $p : Proposal( id != \"x\" )\nthen\nend\n";

  @ParameterizedTest(name = "{0}")
  @MethodSource("pastedStrings")
  void compile_hostileStringPastedIntoGeneratedCode_isRefusedAndNeverRuns(String position, String rule,
      String fileName) throws IOException {
    // A relative marker: a file name cannot hold a slash. The build runs in the module's folder.
    Path marker = Path.of("target", "pwned-" + position.replace(' ', '-')).toAbsolutePath();
    Files.deleteIfExists(marker);
    String payload = "new java.io.File(\"" + (fileName.equals("rules.drl") ? marker.toString() : "pwned-file-name")
        + "\").mkdir()";
    List<RuleFile> files = bundled();
    files.add(new RuleFile(fileName.replace("PAYLOAD", payload),
        "package org.councilgateway.rules;\n\nimport org.councilgateway.model.Proposal;\n\n" + rule.replace("PAYLOAD", payload)));

    assertThatThrownBy(() -> RuleSetCompiler.compile(files, null)).as(position)
        .isInstanceOfSatisfying(RuleSetException.class, e -> assertThat(e.problems()).extracting(Problem::message)
            .anySatisfy(m -> assertThat(m).contains("compiles to code that uses java.io.File")));
    assertThat(marker).doesNotExist();
    assertThat(Path.of("pwned-file-name")).doesNotExist();
  }

  /** A payload injected at the start of a method, as someone tampering with class files would. */
  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of("Runtime.getRuntime", "java.lang.Runtime", (Consumer<MethodVisitor>) code -> {
          code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("System.exit", "java.lang.System.exit", (Consumer<MethodVisitor>) code -> {
          code.visitInsn(Opcodes.ICONST_0);
          code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        }),
        Arguments.of("System.out", "java.lang.System.out", (Consumer<MethodVisitor>) code -> {
          code.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("Class.forName", "java.lang.Class.forName", (Consumer<MethodVisitor>) code -> {
          code.visitLdcInsn("java.lang.ProcessBuilder");
          code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
              "(Ljava/lang/String;)Ljava/lang/Class;", false);
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("a class literal", "java.lang.ProcessBuilder", (Consumer<MethodVisitor>) code -> {
          code.visitLdcInsn(Type.getType("Ljava/lang/ProcessBuilder;"));
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("new Thread", "java.lang.Thread", (Consumer<MethodVisitor>) code -> {
          code.visitTypeInsn(Opcodes.NEW, "java/lang/Thread");
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("getClass", "java.lang.Object.getClass", (Consumer<MethodVisitor>) code -> {
          code.visitLdcInsn("x");
          code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("MethodHandles.lookup", "java.lang.invoke.MethodHandles", (Consumer<MethodVisitor>) code -> {
          code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
              "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("a bootstrap method of its own", "org.councilgateway.Evil.bootstrap",
            (Consumer<MethodVisitor>) code -> {
              Handle bootstrap = new Handle(Opcodes.H_INVOKESTATIC, "org/councilgateway/Evil", "bootstrap",
                  "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                      + "Ljava/lang/invoke/CallSite;", false);
              code.visitInvokeDynamicInsn("run", "()V", bootstrap);
            }),
        Arguments.of("a method reference to exec", "java.lang.Runtime", (Consumer<MethodVisitor>) code -> {
          Handle metafactory = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
              "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                  + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                  + "Ljava/lang/invoke/CallSite;", false);
          Handle getRuntime = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Runtime", "getRuntime",
              "()Ljava/lang/Runtime;", false);
          code.visitInvokeDynamicInsn("get", "()Ljava/util/function/Supplier;", metafactory,
              Type.getType("()Ljava/lang/Object;"), getRuntime, Type.getType("()Ljava/lang/Runtime;"));
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("reading a file", "java.nio.file.Files", (Consumer<MethodVisitor>) code -> {
          code.visitInsn(Opcodes.ACONST_NULL);
          code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/nio/file/Files", "readAllBytes",
              "(Ljava/nio/file/Path;)[B", false);
          code.visitInsn(Opcodes.POP);
        }),
        Arguments.of("the engine's runtime", "org.drools.model.Drools.getRuntime", (Consumer<MethodVisitor>) code -> {
          code.visitInsn(Opcodes.ACONST_NULL);
          code.visitLdcInsn(Type.getType("Ljava/lang/Object;"));
          code.visitMethodInsn(Opcodes.INVOKEINTERFACE, "org/drools/model/Drools", "getRuntime",
              "(Ljava/lang/Class;)Ljava/lang/Object;", true);
          code.visitInsn(Opcodes.POP);
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void refusals_classTamperedWithAfterCompiling_isRefusedAgainstItsRule(String kind, String reference,
      Consumer<MethodVisitor> payload) throws IOException {
    List<RuleFile> files = bundled();
    Map<String, byte[]> classes = generate(files);
    String consequence = consequenceOf(classes, "Risks not assessed");
    classes.put(consequence, inject(classes.get(consequence), "execute", payload));
    List<RuleSetCompiler.ParsedRule> rules = RuleSetCompiler.check(files, null).rules();

    List<Problem> problems = RuleSetCompiler.refusals(classes, rules, null);

    assertThat(problems).as(kind).isNotEmpty().allSatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(RuleSources.BUNDLED_ROOT + "challenge.drl");
      assertThat(problem.line()).isPositive();
      assertThat(problem.message()).startsWith("Rule \"Risks not assessed\" compiles to code that uses ");
    }).anySatisfy(problem -> assertThat(problem.message()).contains("uses " + reference));
  }

  @Test
  void verify_nativeMethod_isRefused() throws IOException {
    Map<String, byte[]> classes = generate(bundled());
    String consequence = consequenceOf(classes, "Risks not assessed");
    ClassReader reader = new ClassReader(classes.get(consequence));
    ClassWriter writer = new ClassWriter(0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visitEnd() {
        cv.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE, "escape", "()V", null, null)
            .visitEnd();
        super.visitEnd();
      }
    }, 0);
    classes.put(consequence, writer.toByteArray());

    assertThat(ClassVerifier.verify(classes)).extracting(ClassVerifier.Refusal::reference)
        .containsExactly("a native method");
  }

  @Test
  void modelTypes_areTheProposalAndFactsOnly_neverTheApi() {
    assertThat(ClassVerifier.modelTypes()).extracting(Class::getSimpleName)
        .contains("Proposal", "ChangeType", "Provider", "Staffing", "EiaRecord", "Findings", "ReferenceData")
        .doesNotContain("Gateway", "RuleSet", "PlanReader", "Plan", "PlanAssessment", "Assessment", "Problem",
            "ReloadResult", "Limits", "GatewayException", "Reports", "RuleCatalogue");
  }

  // ---------------------------------------------------------------------------------------------

  static Path copyBundled(Path dir) throws IOException {
    Path target = dir.resolve("rules");
    Files.createDirectories(target);
    for (RuleFile file : RuleSources.bundled(GeneratedCodeVerificationTest.class.getClassLoader())) {
      Files.writeString(target.resolve(file.path()), file.content());
    }
    return target;
  }

  /** Compiles rule files with Drools as the gateway does, and returns the classes without loading any. */
  static Map<String, byte[]> generate(List<RuleFile> files) {
    KieServices services = KieServices.Factory.get();
    KieFileSystem fileSystem = services.newKieFileSystem();
    ReleaseId releaseId = services.newReleaseId("org.councilgateway.test", "verification", "1.0.0");
    fileSystem.generateAndWritePomXML(releaseId);
    for (RuleFile file : files) {
      if (file.isDrl()) {
        fileSystem.write("src/main/resources/org/councilgateway/rules/" + file.path(), file.content());
      }
    }
    KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
    assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    Map<String, byte[]> classes = new HashMap<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith(".class")) {
        classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
      }
    }
    services.getRepository().removeKieModule(releaseId);
    return classes;
  }

  /** The lambda class holding a rule's consequence. */
  static String consequenceOf(Map<String, byte[]> classes, String rule) {
    String method = "rule_" + org.drools.modelcompiler.util.StringUtil.toId(rule);
    return ClassVerifier.users(classes).entrySet().stream()
        .filter(e -> e.getKey().contains("LambdaConsequence") && e.getValue().contains(method))
        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("No consequence for " + rule));
  }

  /** Adds code at the start of a method of a class. */
  static byte[] inject(byte[] bytes, String methodName, Consumer<MethodVisitor> payload) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!name.equals(methodName)) {
          return next;
        }
        return new MethodVisitor(Opcodes.ASM9, next) {
          @Override
          public void visitCode() {
            super.visitCode();
            payload.accept(mv);
          }
        };
      }
    }, 0);
    return writer.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
