package org.councilgateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.councilgateway.Gateway;
import org.councilgateway.OcdsImport;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.assessment.PlanAssessment;

/**
 * Imports generated OCDS release packages and assesses the draft in one process, printing the time
 * of each step and the peak heap: {@code java -cp benchmarks/target/benchmarks.jar
 * org.councilgateway.benchmarks.OcdsImportRun [releases] [perFile]} (default 10,000 releases in
 * packages of 100). Run it under {@code /usr/bin/time -v} for the process's peak resident size. The
 * releases look like Contracts Finder's: a buyer among 40, titles and descriptions that hit the
 * mapping's phrases or not, CPV codes, an award with a supplier and a contract period, and one in
 * ten an earlier release of an ocid that a later one replaces.
 */
public final class OcdsImportRun {
  private static final String[] TITLES = {"Domiciliary care framework", "Supported housing for young people",
      "Highway resurfacing", "Corporate ICT service desk", "Leisure centres management", "Office cleaning",
      "Sexual health services", "Carers support service", "Waste collection", "Legal advice panel"};
  private static final String[] CPV = {"85311000-2", "45233140-2", "72000000-5", "90511000-2", "79211000-6",
      "85121000-3", "80000000-4", "98341120-2", "60130000-8", "92610000-0"};

  private OcdsImportRun() {}

  /**
   * Runs the import and the assessment.
   *
   * @param args optionally, how many releases, and how many to a package file
   * @throws IOException when the packages cannot be written
   */
  public static void main(String[] args) throws IOException {
    int releases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path dir = Files.createTempDirectory("ocds-benchmark");
    List<Path> files = write(dir, releases, perFile);
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    System.out.printf("generated %,d releases in %,d files, %,d bytes%n", releases, files.size(), bytes);

    long started = System.nanoTime();
    OcdsImport importer = OcdsImport.builder().build();
    long built = System.nanoTime();
    OcdsImport.Result result = importer.run(files);
    long imported = System.nanoTime();
    String json = result.json();
    long written = System.nanoTime();
    Plan draft = PlanReader.create().read(json, "draft.json");
    long read = System.nanoTime();
    PlanAssessment assessed = Gateway.bundled().assess(draft, LocalDate.of(2026, 11, 23));
    long done = System.nanoTime();

    System.out.printf("mapping and rules loaded  %6d ms%n", (built - started) / 1_000_000);
    System.out.printf("import (stream, draft)    %6d ms: %,d proposals, %,d replaced, %,d skipped%n",
        (imported - built) / 1_000_000, result.draft().proposals().size(), result.superseded(), result.skipped().size());
    System.out.printf("draft written as JSON     %6d ms: %,d bytes%n", (written - imported) / 1_000_000, json.length());
    System.out.printf("draft read as a plan      %6d ms%n", (read - written) / 1_000_000);
    System.out.printf("draft assessed            %6d ms: %,d assessments, %,d errors%n", (done - read) / 1_000_000,
        assessed.assessments().size(), assessed.errors().size());
    System.out.printf("total                     %6d ms%n", (done - started) / 1_000_000);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap (sum of pools' peaks) %,d MB%n", peak / (1024 * 1024));
    for (Path file : files) {
      Files.delete(file);
    }
    Files.delete(dir);
  }

  private static List<Path> write(Path dir, int releases, int perFile) {
    Random random = new Random(7);
    List<Path> files = new ArrayList<>();
    int made = 0;
    while (made < releases) {
      Path file = dir.resolve("package-" + files.size() + ".json");
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("{\"uri\": \"https://example.org/" + files.size() + ".json\", \"version\": \"1.1\", \"releases\": [");
        for (int i = 0; i < perFile && made < releases; i++, made++) {
          if (i > 0) {
            out.write(",\n");
          }
          // One release in ten is an earlier release of the ocid of the release before it.
          int process = made % 10 == 9 ? made - 1 : made;
          out.write(release(process, made % 10 == 9 ? "2019-01-01" : "2020-0" + (1 + random.nextInt(9)) + "-15",
              random));
        }
        out.write("]}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.add(file);
    }
    return files;
  }

  private static String release(int process, String date, Random random) {
    int kind = random.nextInt(TITLES.length);
    int buyer = random.nextInt(40);
    int start = 2020 + random.nextInt(4);
    int years = 1 + random.nextInt(5);
    long value = 10_000L + random.nextInt(5_000_000);
    return "{\"ocid\": \"ocds-bench-" + process + "\", \"id\": \"ocds-bench-" + process + "-" + date + "\", \"date\": \""
        + date + "T00:00:00Z\", \"tag\": [\"tender\"], \"initiationType\": \"tender\", \"parties\": [{\"id\": \"b" + buyer
        + "\", \"roles\": [\"buyer\"], \"name\": \"Council &amp; Borough " + buyer + "\"}, {\"id\": \"s1\", \"roles\": "
        + "[\"supplier\"], \"name\": \"Supplier " + random.nextInt(500) + " Ltd\", \"vco\": " + random.nextBoolean()
        + "}], \"buyer\": {\"id\": \"b" + buyer + "\", \"name\": \"Council &amp; Borough " + buyer + "\"}, \"tender\": "
        + "{\"id\": \"t\", \"title\": \"" + TITLES[kind] + " " + process + "\", \"description\": \"A service for older "
        + "people, families and carers in the borough, described at the length notices usually are: "
        + "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore "
        + "magna aliqua.\", \"items\": [{\"id\": \"1\", \"classification\": {\"scheme\": \"CPV\", \"id\": \""
        + CPV[random.nextInt(CPV.length)] + "\"}}], \"value\": {\"amount\": " + value * 2 + ", \"currency\": \"GBP\"}, "
        + "\"contractPeriod\": {\"startDate\": \"" + start + "-04-01T00:00:00Z\", \"endDate\": \"" + (start + years)
        + "-03-31T00:00:00Z\"}}, \"awards\": [{\"id\": \"a\", \"status\": \"active\", \"value\": {\"amount\": " + value
        + ", \"currency\": \"GBP\"}, \"suppliers\": [{\"id\": \"s1\", \"name\": \"Supplier Ltd\"}], \"contractPeriod\": "
        + "{\"startDate\": \"" + start + "-04-01T00:00:00Z\", \"endDate\": \"" + (start + years) + "-03-31T00:00:00Z\"}}]}";
  }
}
