package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.Text;
import org.councilgateway.internal.guard.ClassVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled rule sets on disk, so that a rules directory that has not changed since it was
 * last compiled loads in a fraction of the time (a policy officer's loop of {@code validate} and
 * {@code test} runs).
 *
 * <p>An entry holds the classes Drools generated, the index of its model classes, and the rule
 * set's version (the SHA-256 of its rule files). Its name is a digest of that version and of this
 * build of the gateway and Drools. The cache trusts nothing it finds on disk:
 *
 * <ul>
 *   <li>the directory is created readable by its owner alone ({@code 0700}); a directory or entry
 *       that is a symbolic link, not owned by this user, or writable by others is refused with a
 *       warning, and the rules are compiled afresh (and not stored);
 *   <li>an entry is read once, within a size bound, into memory, and its classes are defined from
 *       there: nothing is loaded from the file afterwards;
 *   <li>an entry's recorded version must equal the version of the rule files on disk, and every
 *       class in it must pass the same verification as freshly compiled rules ({@link
 *       ClassVerifier}) before any is defined.
 * </ul>
 */
final class CompileCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);
  private static final String MODEL_INDEX = "drools-model";
  private static final String VERSION_ENTRY = "META-INF/councilgateway/ruleset-version";
  private static final long MOST_ENTRY_BYTES = 256L * 1024 * 1024;
  private static final int MOST_FILES = 50_000;
  private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_WRITE);

  private final Path directory;

  CompileCache(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  Path entry(String version) {
    return directory.resolve(digest(version + "\n" + BUILD_FINGERPRINT) + ".jar");
  }

  /**
   * A rule set's classes as the cache holds them, checked and ready to define.
   *
   * @param classes class file bytes by internal name
   * @param modelClasses the names of the model classes to instantiate
   */
  record Entry(Map<String, byte[]> classes, List<String> modelClasses) {
    /**
     * Defines the entry's classes in a class loader of their own and instantiates its models.
     *
     * @param parent the class loader the classes see
     * @return the models
     * @throws ReflectiveOperationException when a model cannot be instantiated
     */
    List<Model> models(ClassLoader parent) throws ReflectiveOperationException {
      // The loader must outlive this method: the knowledge bases keep using its classes.
      ClassLoader loader = new BytesClassLoader(classes, parent);
      List<Model> models = new ArrayList<>();
      for (String className : modelClasses) {
        models.add((Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance());
      }
      return models;
    }
  }

  /** Defines classes from bytes already verified, and nothing else. */
  private static final class BytesClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("councilgateway-compiled-rules", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name.replace('.', '/'));
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /**
   * Reads a rule set's entry, if there is a trustworthy one.
   *
   * @param version the rule set's version, as computed from its files on disk
   * @return the entry, or null when there is none, or it is refused, or it cannot be read
   */
  Entry load(String version) {
    if (!directoryTrusted(false)) {
      return null;
    }
    Path jar = entry(version);
    byte[] bytes;
    try {
      PosixFileAttributes attributes = posix(jar);
      BasicFileAttributes basic = attributes != null ? attributes
          : Files.readAttributes(jar, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String fault = fault(jar, basic, attributes, false);
      if (fault != null) {
        LOG.warn("Ignoring the compile cache entry {}: {}; compiling the rules afresh", Text.escape(jar.toString()),
            Text.escape(fault));
        return null;
      }
      bytes = readBounded(jar);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.debug("Ignoring the compile cache entry {}: {}", jar, e.toString());
      return null;
    }
    Entry entry = parse(bytes, version);
    if (entry == null) {
      LOG.warn("Ignoring the compile cache entry {}: it was not made from these rule files; compiling the rules afresh",
          Text.escape(jar.toString()));
    }
    return entry;
  }

  /**
   * Checks an entry's content: its recorded version, its model index, and every class.
   *
   * @return the entry, or null when it does not belong to this version or holds a class refused
   */
  static Entry parse(byte[] bytes, String version) {
    Map<String, byte[]> classes = new HashMap<>();
    String recorded = null;
    String index = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      int files = 0;
      long[] left = {MOST_ENTRY_BYTES};
      for (ZipEntry item = zip.getNextEntry(); item != null; item = zip.getNextEntry()) {
        if (++files > MOST_FILES) {
          return null;
        }
        String name = item.getName();
        if (name.endsWith(".class")) {
          classes.put(name.substring(0, name.length() - ".class".length()), inflate(zip, left));
        } else if (name.equals(VERSION_ENTRY)) {
          recorded = new String(inflate(zip, left), StandardCharsets.UTF_8);
        } else if (name.startsWith("META-INF/kie/") && name.endsWith("/" + MODEL_INDEX)) {
          index = new String(inflate(zip, left), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (!version.equals(recorded) || index == null) {
      return null;
    }
    List<ClassVerifier.Refusal> refusals = ClassVerifier.verify(classes);
    if (!refusals.isEmpty()) {
      LOG.warn("A compile cache entry holds code rule files may not have ({} in {}); it is not used",
          Text.escape(refusals.get(0).reference()), Text.escape(refusals.get(0).className().replace('/', '.')));
      return null;
    }
    List<String> models = new ArrayList<>();
    for (String line : index.split("\n")) {
      String className = line.strip();
      if (!className.isEmpty() && !className.startsWith("Drools-Model-Version:")) {
        if (!classes.containsKey(className.replace('.', '/'))) {
          return null;
        }
        models.add(className);
      }
    }
    return new Entry(Map.copyOf(classes), List.copyOf(models));
  }

  /** Inflates one zip item, counting it against what the whole entry may inflate to. */
  private static byte[] inflate(ZipInputStream zip, long[] left) throws IOException {
    byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left[0] + 1));
    left[0] -= bytes.length;
    if (left[0] < 0) {
      throw new IOException("inflates to more than " + MOST_ENTRY_BYTES + " bytes");
    }
    return bytes;
  }

  /**
   * Stores a compiled module, with its version; a failure to write only costs the next run a
   * compilation. Nothing is stored in a directory the cache does not trust.
   *
   * @param version the rule set's version
   * @param module the module's jar bytes, as Drools built them
   */
  void store(String version, byte[] module) {
    if (!directoryTrusted(true)) {
      return;
    }
    Path jar = entry(version);
    try {
      byte[] content = withVersion(module, version);
      Path partial = Files.createTempFile(directory, "entry", ".part");
      try {
        Files.write(partial, content);
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not write the compile cache entry {}: {}", jar, e.toString());
    }
  }

  /** Copies a module's classes and model index into an entry that records the rule set's version. */
  private static byte[] withVersion(byte[] module, String version) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + 256);
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(module));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(VERSION_ENTRY));
      zip.write(version.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (ZipEntry item = in.getNextEntry(); item != null; item = in.getNextEntry()) {
        String name = item.getName();
        if (name.endsWith(".class") || (name.startsWith("META-INF/kie/") && name.endsWith("/" + MODEL_INDEX))) {
          zip.putNextEntry(new ZipEntry(name));
          in.transferTo(zip);
          zip.closeEntry();
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * Whether the cache directory can be trusted: created {@code 0700} when missing; otherwise not a
   * symbolic link, owned by this user and writable by no one else.
   *
   * @param create whether to create it when it is missing
   */
  private boolean directoryTrusted(boolean create) {
    try {
      if (create && !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(directory.getParent());
        if (Files.getFileAttributeView(directory.getParent(), PosixFileAttributeView.class) != null) {
          Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(directory);
        }
      }
      if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      PosixFileAttributes attributes = posix(directory);
      BasicFileAttributes basic = attributes != null ? attributes
          : Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String fault = fault(directory, basic, attributes, true);
      if (fault != null) {
        LOG.warn("Not using the compile cache {}: {}", Text.escape(directory.toString()), Text.escape(fault));
        return false;
      }
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return directoryTrusted(false);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Not using the compile cache {}: {}", directory, e.toString());
      return false;
    }
  }

  private static PosixFileAttributes posix(Path path) throws IOException {
    if (Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) {
      return null;
    }
    return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  /** Why a cache directory or entry is not to be trusted, or null when it is. */
  private static String fault(Path path, BasicFileAttributes basic, PosixFileAttributes posix, boolean directory)
      throws IOException {
    if (basic.isSymbolicLink()) {
      return "it is a symbolic link";
    }
    if (directory ? !basic.isDirectory() : !basic.isRegularFile()) {
      return directory ? "it is not a directory" : "it is not a regular file";
    }
    UserPrincipal owner = posix != null ? posix.owner() : Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    String user = System.getProperty("user.name");
    if (user != null && !owner.getName().equals(user)) {
      return "it belongs to " + owner.getName() + ", not to " + user;
    }
    if (posix != null && posix.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
      return "others may write to it (" + PosixFilePermissions.toString(posix.permissions()) + ")";
    }
    if (!directory && basic.size() > MOST_ENTRY_BYTES) {
      return "it is larger than " + MOST_ENTRY_BYTES + " bytes";
    }
    return null;
  }

  /** Reads a file without following a link, refusing to read more than an entry may hold. */
  private static byte[] readBounded(Path file) throws IOException {
    byte[] bytes = BoundedRead.upTo(file, MOST_ENTRY_BYTES);
    if (bytes.length > MOST_ENTRY_BYTES) {
      throw new IOException("larger than " + MOST_ENTRY_BYTES + " bytes");
    }
    return bytes;
  }

  /** Identifies this build of the gateway and Drools, so that no entry outlives the code it was made for. */
  private static final String BUILD_FINGERPRINT = fingerprint();

  private static String fingerprint() {
    StringBuilder text = new StringBuilder();
    for (Class<?> type : List.of(CompileCache.class, KieBase.class, KieBaseBuilder.class)) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      String location = source == null || source.getLocation() == null ? type.getName() : source.getLocation().toString();
      text.append(location);
      try {
        Path path = Path.of(source.getLocation().toURI());
        text.append(' ').append(Files.size(path)).append(' ').append(Files.getLastModifiedTime(path).toMillis());
      } catch (Exception e) {
        text.append(" unknown");
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
