package org.councilgateway.internal.ruleset;

import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.Text;
import org.councilgateway.internal.guard.PlainText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.councilgateway.GatewayException;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.RuleSetException;

/** Finds the files of a rule set, on the classpath or in a directory, and computes its version. */
final class RuleSources {

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
      if (path.isEmpty() || path.startsWith("#") || !isRuleFile(path)) {
        // The index lists every file of the folder; the OCDS mapping beside the rules is policy
        // data for the importer, not part of the rule set (nor of its version).
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

  /** Whether a path relative to the rules root names a file of the rule set: a DRL file or the reference data. */
  static boolean isRuleFile(String relative) {
    return relative.endsWith(".drl") || relative.equals(RuleFile.REFERENCE_DATA);
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
   * data at its root, each at most {@link Limits#ruleFileBytes() Limits.DEFAULTS.ruleFileBytes()}.
   *
   * @param root the rules directory
   * @return the files, in path order
   * @throws GatewayException when the directory cannot be read or holds a file it may not
   */
  static List<RuleFile> directory(Path root) {
    return directory(root, Limits.DEFAULTS.ruleFileBytes());
  }

  /**
   * Reads a rule set's files from a directory: every {@code .drl} file below it, and the reference
   * data at its root; hidden files and folders (their names begin with a dot) are skipped. Symbolic links are refused rather than followed, so a rule set cannot read
   * a file outside its directory; so are rule files that are not plain files, files larger than
   * the limit, files that are not UTF-8, and folder and rule file names outside a plain character
   * set (Drools copies a file's name into the Java it generates).
   *
   * @param root the rules directory
   * @param maxFileBytes the largest rule file or reference data file, in bytes
   * @return the files, in path order
   * @throws GatewayException when the directory cannot be read, or a {@link RuleSetException}
   *     with a problem for each file or folder it may not hold
   */
  static List<RuleFile> directory(Path root, long maxFileBytes) {
    if (!Files.isDirectory(root)) {
      throw new GatewayException(new Problem(root.toString(), 0, 0, "is not a directory of rules."));
    }
    List<RuleFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    // The walk does not follow symbolic links below the directory: a link is listed, never
    // entered. The directory itself may be one (a deployment's "current" link, say).
    try {
      Path start = root.toRealPath();
      List<Path> entries = entries(start);
      if (entries.size() > MOST_ENTRIES) {
        throw new RuleSetException("The rule set in " + root + " has 1 problem(s).", List.of(new Problem(root.toString(),
            0, 0, "holds more than " + String.format(Locale.ROOT, "%,d", MOST_ENTRIES) + " files and folders; a rules "
                + "directory holds rule files, the reference data and little else.")));
      }
      for (Path path : entries) {
        read(root, start.relativize(path), path, maxFileBytes, files, problems);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new GatewayException(new Problem(root.toString(), 0, 0,
          "cannot be read: " + Text.escapeStrictly(String.valueOf(e.getMessage()))));
    }
    long total = files.stream().mapToLong(file -> file.content().length()).sum();
    long most = maxFileBytes > Long.MAX_VALUE / RULE_FILES_IN_TOTAL ? Long.MAX_VALUE : maxFileBytes * RULE_FILES_IN_TOTAL;
    if (total > most) {
      problems.add(new Problem(root.toString(), 0, 0, "holds " + String.format(Locale.ROOT, "%,d", total)
          + " characters of rules and reference data; a rule set may hold at most " + RULE_FILES_IN_TOTAL
          + " times the largest rule file, " + String.format(Locale.ROOT, "%,d", most) + "."));
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException("The rule set in " + root + " has " + problems.size() + " problem(s).", problems);
    }
    files.sort(Comparator.comparing(RuleFile::path));
    return List.copyOf(files);
  }

  /** The most files and folders a rules directory may hold, hidden ones not counted. */
  static final int MOST_ENTRIES = 10_000;

  /** How many times the largest rule file all of a rule set's files may hold together. */
  static final int RULE_FILES_IN_TOTAL = 20;

  /**
   * Lists a rules directory's files and folders in path order, without entering hidden folders or
   * following links, and stopping just past {@link #MOST_ENTRIES}.
   */
  private static List<Path> entries(Path start) throws IOException {
    List<Path> entries = new ArrayList<>();
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (dir.equals(start)) {
          return FileVisitResult.CONTINUE;
        }
        if (hidden(start.relativize(dir))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        entries.add(dir);
        return entries.size() > MOST_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (!hidden(start.relativize(file))) {
          entries.add(file);
        }
        return entries.size() > MOST_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
      }
    });
    entries.sort(Comparator.naturalOrder());
    return entries;
  }

  /**
   * Whether a path below a rules directory is hidden, or inside a hidden folder (a {@code .git}
   * folder when the rules are kept in git, say): such paths are not rules and are skipped.
   */
  private static boolean hidden(Path within) {
    for (Path name : within) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks one entry below a rules directory and reads it when it is a rule file.
   *
   * @param root the rules directory, as messages name it
   * @param within the entry's path relative to it
   * @param path the entry
   */
  private static void read(Path root, Path within, Path path, long maxFileBytes, List<RuleFile> files,
      List<Problem> problems) throws IOException {
    String relative = within.toString().replace(path.getFileSystem().getSeparator(), "/");
    String shown = root.resolve(Text.escapeStrictly(relative)).toString();
    String name = String.valueOf(path.getFileName());
    boolean ruleFile = isRuleFile(relative);
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink()) {
      problems.add(new Problem(shown, 0, 0, "is a symbolic link, which a rules directory may not hold: rules are "
          + "read only from plain files and folders inside it, so it is not followed."));
      return;
    }
    if (!attributes.isDirectory() && !ruleFile) {
      return;
    }
    String unplain = PlainText.firstUnplain(name, PlainText.PATH_PUNCTUATION);
    if (unplain != null) {
      problems.add(new Problem(shown, 0, 0, "The " + (attributes.isDirectory() ? "folder" : "file") + " name \""
          + Text.escapeStrictly(name) + "\" may hold only letters, digits, spaces and the punctuation "
          + String.join(" ", PlainText.PATH_PUNCTUATION.split("")) + " (not " + unplain + ")."));
      return;
    }
    if (attributes.isDirectory()) {
      return;
    }
    String kind = relative.equals(RuleFile.REFERENCE_DATA) ? "the reference data" : "a rule file";
    if (!attributes.isRegularFile()) {
      problems.add(new Problem(shown, 0, 0, "is not a plain file (it is a device, a pipe or a socket), "
          + "so it is not read: " + kind + " is a plain file."));
      return;
    }
    if (attributes.size() > maxFileBytes) {
      problems.add(new Problem(shown, 0, 0, tooLarge(attributes.size(), "", kind, maxFileBytes)));
      return;
    }
    // Bounded, and not through a link put in place since the check: a file that grows is cut off.
    byte[] bytes = BoundedRead.upTo(path, maxFileBytes);
    if (bytes.length > maxFileBytes) {
      problems.add(new Problem(shown, 0, 0, tooLarge(bytes.length, " or more", kind, maxFileBytes)));
      return;
    }
    String content = utf8(bytes, shown, problems);
    if (content != null) {
      files.add(new RuleFile(relative, content));
    }
  }

  /** The message for a file over the limit, whose size is known or, when it grew as it was read, at least. */
  private static String tooLarge(long size, String orMore, String kind, long maxFileBytes) {
    return String.format(Locale.ROOT, "is %,d bytes%s; %s may be at most %,d bytes.", size, orMore, kind,
        maxFileBytes);
  }

  /**
   * Decodes a file's bytes as UTF-8, strictly.
   *
   * @return the text, or null after adding a problem at the first byte that is not UTF-8
   */
  private static String utf8(byte[] bytes, String shown, List<Problem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      String before = out.flip().toString();
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      problems.add(new Problem(shown, line, column, String.format(Locale.ROOT,
          "is not UTF-8 text: the byte 0x%02X here is not part of a character; save the file as UTF-8.",
          bytes[in.position()] & 0xff)));
      return null;
    }
    return out.flip().toString();
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
