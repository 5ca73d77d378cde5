package org.councilgateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled rule sets on disk, by rule-set version, so that a rules directory that has not
 * changed since it was last compiled loads in a fraction of the time (a policy officer's loop of
 * {@code validate} and {@code test} runs). An entry is the executable model Drools generated,
 * as a jar; it is used only by the same build of the gateway and Drools that wrote it, and any
 * entry that fails to load is ignored and compiled afresh.
 */
final class CompileCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);
  private static final String MODEL_INDEX = "drools-model";

  private final Path directory;

  CompileCache(Path directory) {
    this.directory = directory;
  }

  /** The cache named by the {@code gateway.compileCache} system property, or null when unset. */
  static CompileCache fromSystemProperty() {
    String location = System.getProperty("gateway.compileCache");
    return location == null || location.isBlank() ? null : new CompileCache(Path.of(location));
  }

  private Path entry(String version) {
    return directory.resolve(digest(version + "\n" + BUILD_FINGERPRINT) + ".jar");
  }

  /**
   * Loads a rule set's executable model from the cache.
   *
   * @param version the rule set's version
   * @param parent the class loader the model's classes see
   * @return the model, or null when there is no usable entry
   */
  List<Model> load(String version, ClassLoader parent) {
    Path jar = entry(version);
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      String index = null;
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith("META-INF/kie/") && entry.getName().endsWith("/" + MODEL_INDEX)) {
          try (InputStream in = file.getInputStream(entry)) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
      if (index == null) {
        return null;
      }
      // The loader must outlive this method: the knowledge bases keep using its classes.
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
      List<Model> models = new ArrayList<>();
      for (String line : index.split("\n")) {
        String className = line.strip();
        if (!className.isEmpty() && !className.startsWith("Drools-Model-Version:")) {
          models.add((Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance());
        }
      }
      LOG.debug("Loaded rule set {} from the compile cache {}", version, jar);
      return models;
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("Ignoring the compile cache entry {}: {}", jar, e.toString());
      return null;
    }
  }

  /**
   * Stores a compiled module; a failure to write only costs the next run a compilation.
   *
   * @param version the rule set's version
   * @param module the module's jar bytes
   */
  void store(String version, byte[] module) {
    Path jar = entry(version);
    try {
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, "entry", ".part");
      Files.write(partial, module);
      Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not write the compile cache entry {}: {}", jar, e.toString());
    }
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
