package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.councilgateway.GatewayOptions;
import org.councilgateway.RuleSet;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The compile cache cannot be planted: entries are checked for their owner, permissions, links and
 * recorded version, and every class in them is verified before any is defined, so nothing planted
 * in the cache's directory ever runs.
 */
class CompileCacheTest {
  private static final String VERSION = "sha256:" + "a".repeat(64);
  private static final String OTHER_VERSION = "sha256:" + "b".repeat(64);
  private static byte[] module;

  @BeforeAll
  static void compileTheBundledRules() {
    KieServices services = KieServices.Factory.get();
    KieFileSystem fileSystem = services.newKieFileSystem();
    ReleaseId releaseId = services.newReleaseId("org.councilgateway.test", "cache", "1.0.0");
    fileSystem.generateAndWritePomXML(releaseId);
    for (RuleFile file : RuleSources.bundled(CompileCacheTest.class.getClassLoader())) {
      if (file.isDrl()) {
        fileSystem.write("src/main/resources/org/councilgateway/rules/" + file.path(), file.content());
      }
    }
    KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
    module = ((InternalKieModule) builder.getKieModule()).getBytes();
    services.getRepository().removeKieModule(releaseId);
  }

  @Test
  void load_entryItStored_givesTheModels(@TempDir Path dir) throws ReflectiveOperationException {
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(VERSION, module);

    CompileCache.Entry entry = cache.load(VERSION);

    assertThat(entry).isNotNull();
    assertThat(entry.models(getClass().getClassLoader())).flatExtracting(m -> m.getRules())
        .extracting(r -> r.getName()).contains("Risks not assessed");
  }

  @Test
  void store_newDirectory_isCreatedForItsOwnerAlone(@TempDir Path dir) throws IOException {
    Path directory = dir.resolve("parent").resolve("cache");

    new CompileCache(directory).store(VERSION, module);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    try (var entries = Files.list(directory)) {
      assertThat(entries.toList()).singleElement().satisfies(entry ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------"));
    }
  }

  @Test
  void load_entryOfOtherRulesUnderThisVersionsName_isRefused(@TempDir Path dir) throws IOException {
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(OTHER_VERSION, module);
    Files.move(cache.entry(OTHER_VERSION), cache.entry(VERSION));

    assertThat(cache.load(VERSION)).isNull();
  }

  @Test
  void load_plantedEntryWithAStaticInitialiser_isRefusedAndNeverRuns(@TempDir Path dir) throws IOException {
    Path marker = dir.resolve("planted-ran");
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    Files.createDirectories(dir.resolve("cache"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Files.write(cache.entry(VERSION), planted(marker, VERSION));

    assertThat(cache.load(VERSION)).isNull();
    assertThat(marker).doesNotExist();
  }

  @Test
  void fromDirectory_plantedEntryForTheseRules_isIgnoredAndTheRulesCompiledAfresh(@TempDir Path dir)
      throws IOException {
    Path rules = GeneratedCodeVerificationTest.copyBundled(dir);
    // Rules no other test compiled, so that this process has not compiled them already.
    Files.writeString(rules.resolve("unique.drl"), "// " + UUID.randomUUID() + "\npackage org.councilgateway.rules;\n");
    Path marker = dir.resolve("planted-ran");
    Path cacheDirectory = dir.resolve("cache");
    Files.createDirectories(cacheDirectory, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    String version = RuleSources.version(RuleSources.directory(rules));
    Path entry = new CompileCache(cacheDirectory).entry(version);
    Files.write(entry, planted(marker, version));
    RuleSet compiled = RuleSet.fromDirectory(rules, GatewayOptions.builder().compileCache(cacheDirectory).build());

    assertThat(compiled.rules()).extracting(r -> r.name()).contains("Risks not assessed");
    assertThat(marker).doesNotExist();
    assertThat(new CompileCache(cacheDirectory).load(version)).as("the entry compiled afresh").isNotNull();
  }

  @Test
  void load_entryThatIsASymbolicLink_isRefused(@TempDir Path dir) throws IOException {
    CompileCache elsewhere = new CompileCache(dir.resolve("elsewhere"));
    elsewhere.store(VERSION, module);
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(OTHER_VERSION, module);
    Files.createSymbolicLink(cache.entry(VERSION), elsewhere.entry(VERSION));

    assertThat(elsewhere.load(VERSION)).isNotNull();
    assertThat(cache.load(VERSION)).isNull();
  }

  @Test
  void loadAndStore_directoryThatIsASymbolicLink_areRefused(@TempDir Path dir) throws IOException {
    CompileCache real = new CompileCache(dir.resolve("real"));
    real.store(VERSION, module);
    Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
    CompileCache cache = new CompileCache(link);

    assertThat(cache.load(VERSION)).isNull();
    cache.store(OTHER_VERSION, module);
    assertThat(real.entry(OTHER_VERSION)).doesNotExist();
  }

  @Test
  void loadAndStore_directoryWritableByOthers_areRefused(@TempDir Path dir) throws IOException {
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(VERSION, module);
    Files.setPosixFilePermissions(dir.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(cache.load(VERSION)).isNull();
    cache.store(OTHER_VERSION, module);
    assertThat(cache.entry(OTHER_VERSION)).doesNotExist();
  }

  @Test
  void load_entryWritableByItsGroup_isRefused(@TempDir Path dir) throws IOException {
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(VERSION, module);
    Files.setPosixFilePermissions(cache.entry(VERSION), PosixFilePermissions.fromString("rw-rw----"));

    assertThat(cache.load(VERSION)).isNull();
  }

  @Test
  void load_entryOfAnotherUser_isRefused(@TempDir Path dir) throws IOException {
    CompileCache cache = new CompileCache(dir.resolve("cache"));
    cache.store(VERSION, module);
    UserPrincipal nobody;
    try {
      nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(cache.entry(VERSION), nobody);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "Skipped: this user cannot give a file to the user nobody (" + e + ")");
      return;
    }

    assertThat(cache.load(VERSION)).isNull();
  }

  @Test
  void parse_entryThatInflatesBeyondItsBound_isRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/councilgateway/ruleset-version"));
      zip.write(VERSION.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("Bomb.class"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }

    assertThat(out.size()).isLessThan(1_000_000);
    assertThat(CompileCache.parse(out.toByteArray(), VERSION)).isNull();
  }

  /**
   * A cache entry an attacker could write: the right name and recorded version, a model index,
   * and a model class whose static initialiser makes a marker directory.
   */
  private static byte[] planted(Path marker, String version) throws IOException {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/councilgateway/rules/Planted", null, "java/lang/Object",
        new String[] {"org/drools/model/Model"});
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    init.visitCode();
    init.visitTypeInsn(Opcodes.NEW, "java/io/File");
    init.visitInsn(Opcodes.DUP);
    init.visitLdcInsn(marker.toString());
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/File", "<init>", "(Ljava/lang/String;)V", false);
    init.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/File", "mkdir", "()Z", false);
    init.visitInsn(Opcodes.POP);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    constructor.visitCode();
    constructor.visitVarInsn(Opcodes.ALOAD, 0);
    constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    constructor.visitInsn(Opcodes.RETURN);
    constructor.visitMaxs(0, 0);
    constructor.visitEnd();
    writer.visitEnd();
    List<Object[]> items = new ArrayList<>();
    items.add(new Object[] {"META-INF/councilgateway/ruleset-version", version.getBytes(StandardCharsets.UTF_8)});
    items.add(new Object[] {"META-INF/kie/org/councilgateway/compiled/drools-model",
        "org.councilgateway.rules.Planted\n".getBytes(StandardCharsets.UTF_8)});
    items.add(new Object[] {"org/councilgateway/rules/Planted.class", writer.toByteArray()});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Object[] item : items) {
        zip.putNextEntry(new ZipEntry((String) item[0]));
        zip.write((byte[]) item[1]);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
