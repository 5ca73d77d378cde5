package org.councilgateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.councilgateway.facts.ReferenceData;
import org.councilgateway.facts.ServiceArea;
import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.ReadLimits;
import org.councilgateway.internal.ocds.DraftWriter;
import org.councilgateway.internal.ocds.Mapping;
import org.councilgateway.internal.ocds.OcdsImporter;
import org.councilgateway.model.Proposal;

/**
 * Turns published procurement notices (Open Contracting Data Standard releases: release packages,
 * record packages or single releases, as Contracts Finder and Find a Tender publish them) into a
 * draft forward plan for the secretariat to review, complete and assess. Each file is streamed one
 * release at a time, within {@link Limits#planBytes()}; the latest release of each {@code ocid}
 * becomes one proposal, its fields worked out by the rules of docs/formats.md and the mapping file
 * ({@code ocds-mapping.yaml} beside the bundled rules, or one of a council's own). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * OcdsImport.Result result = OcdsImport.builder().buyer("Leeds City Council").build().run(files);
 * Files.writeString(draft, result.json());
 * result.skipped().forEach(s -> System.err.println(s.describe()));
 * }</pre>
 */
public final class OcdsImport {
  /** The mapping file's name, beside the reference data in a rules directory. */
  public static final String MAPPING_FILE = "ocds-mapping.yaml";
  private static final String BUNDLED_MAPPING = "org/councilgateway/rules/" + MAPPING_FILE;

  private final OcdsImporter importer;

  private OcdsImport(OcdsImporter importer) {
    this.importer = importer;
  }

  /**
   * Starts a builder: the bundled mapping and reference data, every buyer, the default limits.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Imports the files, in order. A file that cannot be used (missing, not a regular file, larger
   * than the limit, not JSON, not an OCDS package or release) is named in {@link Result#unusable()}
   * and contributes nothing; a release that cannot be imported is named in {@link Result#skipped()}.
   *
   * @param files the files
   * @return the draft and what was left out
   */
  public Result run(List<Path> files) {
    Objects.requireNonNull(files, "files");
    OcdsImporter.Outcome outcome = importer.run(List.copyOf(files));
    return new Result(Plan.of(outcome.proposals()), outcome.skipped().stream()
        .map(s -> new Skipped(s.file(), s.place(), s.releaseId(), s.reason())).toList(), outcome.unusable(),
        outcome.usableFiles(), outcome.releases(), outcome.superseded(), outcome.otherBuyers());
  }

  /**
   * Checks a mapping file against reference data: that it reads, and that every service area and
   * client group it names (and its default lead directorate) is in the reference data.
   *
   * @param file the mapping file
   * @param referenceData the reference data, such as {@link RuleSet#referenceData()}
   * @return each problem as {@code file:line:column: message}; empty when it is sound
   */
  public static List<Problem> checkMapping(Path file, ReferenceData referenceData) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(referenceData, "referenceData");
    String content;
    try {
      content = BoundedRead.text(file, Limits.DEFAULTS.ruleFileBytes(), "mapping file");
    } catch (GatewayException e) {
      return e.problems();
    }
    return check(file.toString(), content, referenceData);
  }

  /**
   * Checks the bundled mapping against reference data, as {@link #checkMapping(Path, ReferenceData)} does.
   *
   * @param referenceData the reference data
   * @return each problem; empty when it is sound
   */
  public static List<Problem> checkBundledMapping(ReferenceData referenceData) {
    Objects.requireNonNull(referenceData, "referenceData");
    return check(BUNDLED_MAPPING, bundledMapping(), referenceData);
  }

  private static List<Problem> check(String name, String content, ReferenceData referenceData) {
    Mapping.Read read = Mapping.read(name, content, Limits.DEFAULTS);
    return read.mapping() == null ? read.problems() : read.mapping().check(name, referenceData);
  }

  private static String bundledMapping() {
    try (InputStream in = OcdsImport.class.getClassLoader().getResourceAsStream(BUNDLED_MAPPING)) {
      if (in == null) {
        throw new GatewayException(new Problem(null, 0, 0, "The bundled OCDS mapping (" + BUNDLED_MAPPING
            + ") is not on the classpath: add the gateway-rules jar as a dependency, or give a mapping file."));
      }
      return new String(in.readNBytes((int) Limits.DEFAULTS.ruleFileBytes()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GatewayException(new Problem(BUNDLED_MAPPING, 0, 0, "cannot be read: " + e.getMessage()));
    }
  }

  /**
   * What an import made and left out.
   *
   * @param draft the draft plan: a proposal per contracting process kept, in the order each first
   *     appears; no {@code asOf}
   * @param skipped each release that could not be imported, in input order
   * @param unusable each file that could not be used, with its fault
   * @param usableFiles how many files could be used
   * @param releases how many releases (a record package's records) the usable files hold
   * @param superseded how many releases a later release of the same {@code ocid} replaced
   * @param otherBuyers how many releases were left out as another buyer's ({@link Builder#buyer(String)})
   */
  public record Result(Plan draft, List<Skipped> skipped, List<Problem> unusable, int usableFiles, int releases,
      int superseded, int otherBuyers) {

    /**
     * Copies the lists.
     *
     * @param draft the draft plan
     * @param skipped each release that could not be imported
     * @param unusable each file that could not be used
     * @param usableFiles how many files could be used
     * @param releases how many releases the usable files hold
     * @param superseded how many releases a later release of the same ocid replaced
     * @param otherBuyers how many releases were left out as another buyer's
     */
    public Result {
      Objects.requireNonNull(draft, "draft");
      skipped = List.copyOf(skipped);
      unusable = List.copyOf(unusable);
    }

    /**
     * The draft as a JSON plan, two-space indented, with a final newline.
     *
     * @return the JSON
     */
    public String json() {
      return DraftWriter.json(draft.proposals());
    }

    /**
     * The draft as a YAML plan.
     *
     * @return the YAML
     */
    public String yaml() {
      return DraftWriter.yaml(draft.proposals());
    }

    /**
     * The {@code gateway import ocds} exit code: 2 when no file could be used, 1 when a release was
     * skipped or a file could not be used, else 0.
     *
     * @return the exit code
     */
    public int exitCode() {
      return usableFiles == 0 ? 2 : skipped.isEmpty() && unusable.isEmpty() ? 0 : 1;
    }
  }

  /**
   * A release that could not be imported.
   *
   * @param file the file as it was named
   * @param place where in the file: {@code releases[3]}, {@code records[0].compiledRelease} or {@code the release}
   * @param releaseId the release's {@code id}, or null when it has none
   * @param reason why, a sentence
   */
  public record Skipped(String file, String place, String releaseId, String reason) {
    /**
     * Checks the values.
     *
     * @param file the file as it was named
     * @param place where in the file
     * @param releaseId the release's id, or null
     * @param reason why, a sentence
     */
    public Skipped {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(place, "place");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * One line for a terminal or a log, its control characters escaped.
     *
     * @return e.g. {@code notices.json: releases[3] (id X) skipped: it has no ocid, ...}
     */
    public String describe() {
      return new Problem(file, 0, 0, place + (releaseId == null ? "" : " (id " + releaseId + ")") + " skipped: "
          + reason).toString();
    }
  }

  /** Builds an {@link OcdsImport}. Not thread-safe. */
  public static final class Builder {
    private Path mapping;
    private ReferenceData referenceData;
    private String buyer;
    private GatewayOptions options = GatewayOptions.defaults();

    private Builder() {}

    /**
     * Uses a mapping file of the council's own instead of the bundled one.
     *
     * @param file the mapping file, or null for the bundled one
     * @return this builder
     */
    public Builder mapping(Path file) {
      this.mapping = file;
      return this;
    }

    /**
     * Takes each service area's owning directorate (the proposal's lead) from this reference data
     * rather than the bundled rules'.
     *
     * @param data the reference data, or null for the bundled rules'
     * @return this builder
     */
    public Builder referenceData(ReferenceData data) {
      this.referenceData = data;
      return this;
    }

    /**
     * Keeps only releases whose {@code buyer.name} equals this name, ignoring case, surrounding
     * spaces and HTML character references ({@code &amp;}).
     *
     * @param name the buyer's name, or null for every buyer
     * @return this builder
     */
    public Builder buyer(String name) {
      this.buyer = name;
      return this;
    }

    /**
     * Reads within these options' limits: no file larger than {@link Limits#planBytes()}, no
     * number longer than {@link Limits#numberDigits()}.
     *
     * @param value the options
     * @return this builder
     */
    public Builder options(GatewayOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Reads the mapping and builds the importer.
     *
     * @return the importer
     * @throws GatewayException when the mapping cannot be read or is malformed, with each problem
     *     as {@code file:line:column: message}, or the bundled mapping or rules are not on the classpath
     */
    public OcdsImport build() {
      String name = mapping == null ? BUNDLED_MAPPING : mapping.toString();
      String content = mapping == null ? bundledMapping()
          : BoundedRead.text(mapping, options.limits().ruleFileBytes(), "mapping file");
      Mapping.Read read = Mapping.read(name, content, options.limits());
      if (read.mapping() == null) {
        throw new GatewayException("The OCDS mapping " + name + " has " + read.problems().size() + " problem(s): "
            + read.problems().get(0), read.problems());
      }
      ReferenceData data = referenceData != null ? referenceData : RuleSet.bundled().referenceData();
      return new OcdsImport(new OcdsImporter(read.mapping(),
          area -> data.serviceArea(area).map(ServiceArea::owner).orElse(null), buyer, ReadLimits.of(options.limits())));
    }
  }

  /**
   * Whether a rules directory holds a mapping file of its own.
   *
   * @param rulesDirectory the rules directory
   * @return its {@value #MAPPING_FILE}, or null when it has none
   */
  public static Path mappingIn(Path rulesDirectory) {
    Path file = rulesDirectory.resolve(MAPPING_FILE);
    return Files.exists(file) ? file : null;
  }
}
