package org.councilgateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.councilgateway.GatewayException;
import org.councilgateway.Problem;

/** Finds the files of a rule set, on the classpath or in a directory, and computes its version. */
public final class RuleSources {

  /** Where the bundled rules live on the classpath. */
  public static final String BUNDLED_ROOT = "org/councilgateway/rules/";

  /** The file that lists the bundled rule files, since a classpath cannot be listed. */
  static final String INDEX = "rules.index";

  private RuleSources() {}

  /**
   * Reads the bundled rule set's files from the classpath.
   *
   * @param loader the class loader to read from
   * @return the files, in path order
   * @throws GatewayException when the bundled rules are not on the classpath
   */
  static List<RuleFile> bundled(ClassLoader loader) {
    String index = resource(loader, BUNDLED_ROOT + INDEX);
    if (index == null) {
      throw new GatewayException(new Problem(null, 0, 0,
          "The bundled rules are not on the classpath: add the gateway-rules jar as a dependency."));
    }
    List<RuleFile> files = new ArrayList<>();
    for (String line : index.split("\n")) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      String content = resource(loader, BUNDLED_ROOT + path);
      if (content == null) {
        throw new GatewayException(new Problem(BUNDLED_ROOT + INDEX, 0, 0,
            "The bundled rule file " + path + " named in the index is missing."));
      }
      files.add(new RuleFile(path, content));
    }
    files.sort(Comparator.comparing(RuleFile::path));
    return List.copyOf(files);
  }

  static String resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a rule set's files from a directory: every {@code .drl} file below it, and the reference
   * data at its root.
   *
   * @param root the rules directory
   * @return the files, in path order
   * @throws GatewayException when the directory cannot be read
   */
  static List<RuleFile> directory(Path root) {
    if (!Files.isDirectory(root)) {
      throw new GatewayException(new Problem(root.toString(), 0, 0, "is not a directory of rules."));
    }
    List<RuleFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (relative.endsWith(".drl") || relative.equals(RuleFile.REFERENCE_DATA)) {
          files.add(new RuleFile(relative, Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new GatewayException(new Problem(root.toString(), 0, 0, "cannot be read: " + e.getMessage()));
    }
    files.sort(Comparator.comparing(RuleFile::path));
    return List.copyOf(files);
  }

  /**
   * Computes a rule set's version: {@code sha256:} and the hex digest over, for each file in path
   * order, its path in UTF-8, a NUL byte, its content with line endings normalised, a NUL byte.
   *
   * @param files the files
   * @return the version
   */
  static String version(List<RuleFile> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.stream().sorted(Comparator.comparing(RuleFile::path)).forEach(file -> {
        digest.update(file.path().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(file.content().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      });
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
