package org.councilgateway.internal.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.councilgateway.Problem;
import org.councilgateway.RuleSetException;

/**
 * Copies the bundled rules and their scenarios out of the gateway-rules jar into folders a council
 * can edit, so that adopting the rules needs neither the source tree nor a hand-made copy whose
 * scenario paths no longer resolve. The jar keeps the scenarios as they are laid out in the source
 * (each plan a scenario names sits where its relative path says), so the copy works as it is.
 */
public final class BundledExport {
  /** Where the scenarios sit in the gateway-rules jar. */
  static final String SCENARIOS = RuleSources.BUNDLED_ROOT + "scenarios/";
  /**
   * Lists the scenario files and the plans they name, one path a line, relative to the scenarios
   * folder (so a plan is {@code ../plans/NAME}).
   */
  static final String SCENARIO_INDEX = "scenarios.index";

  /** The OCDS importer's mapping, exported beside the rules though not part of the rule set. */
  public static final String OCDS_MAPPING = "ocds-mapping.yaml";

  private BundledExport() {}

  /**
   * Writes {@code directory/rules} (the rule files and the reference data),
   * {@code directory/scenarios} (the scenario files) and {@code directory/plans} (the plans they
   * name, at {@code ../../plans} from a scenario). Never overwrites: any of the three folders
   * existing already is refused before anything is written.
   *
   * @param directory where to write; created when missing
   * @return the rules folder written
   * @throws RuleSetException when the bundled rules are not on the classpath, a folder exists
   *     already or a file cannot be written
   */
  public static Path export(Path directory) {
    ClassLoader loader = BundledExport.class.getClassLoader();
    List<RuleFile> rules = RuleSources.bundled(loader);
    List<RuleFile> scenarios = scenarios(loader);
    Path rulesFolder = directory.resolve("rules");
    Path scenariosFolder = directory.resolve("scenarios");
    Path plansFolder = directory.resolve("plans");
    for (Path folder : List.of(rulesFolder, scenariosFolder, plansFolder)) {
      if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        throw failure(folder, "exists already; the bundled rules are written only into new folders, so that no "
            + "edited file is overwritten.");
      }
    }
    String mapping = RuleSources.resource(loader, RuleSources.BUNDLED_ROOT + OCDS_MAPPING);
    if (mapping != null) {
      rules = new ArrayList<>(rules);
      rules.add(new RuleFile(OCDS_MAPPING, mapping));
    }
    write(directory, rulesFolder, rules);
    write(directory, scenariosFolder, scenarios);
    return rulesFolder;
  }

  /**
   * The bundled scenarios and the plans they name, as the index lists them.
   *
   * @param loader the class loader to read from
   * @return the files, by path relative to the scenarios folder
   */
  static List<RuleFile> scenarios(ClassLoader loader) {
    String index = RuleSources.resource(loader, SCENARIOS + SCENARIO_INDEX);
    if (index == null) {
      throw failure(null, "The bundled scenarios are not on the classpath: add the gateway-rules jar as a dependency.");
    }
    List<RuleFile> files = new ArrayList<>();
    for (String line : index.split("\n")) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      // A class loader reading a jar does not resolve "..", so the plans' names are resolved here.
      String content = RuleSources.resource(loader, java.net.URI.create(SCENARIOS + path).normalize().getPath());
      if (content == null) {
        throw failure(null, "The bundled scenario file " + path + " named in " + SCENARIOS + SCENARIO_INDEX
            + " is missing.");
      }
      files.add(new RuleFile(path, content));
    }
    return files;
  }

  private static void write(Path root, Path folder, List<RuleFile> files) {
    for (RuleFile file : files) {
      Path target = folder.resolve(file.path()).normalize();
      if (!target.startsWith(root.normalize())) {
        throw failure(target, "lies outside " + root + ".");
      }
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        throw failure(target, "exists already, and is not overwritten.");
      } catch (IOException e) {
        throw failure(target, "cannot be written: " + e.getMessage());
      }
    }
  }

  private static RuleSetException failure(Path file, String message) {
    Problem problem = new Problem(file == null ? null : file.toString(), 0, 0, message);
    return new RuleSetException("The bundled rules could not be exported: " + problem, List.of(problem));
  }
}
