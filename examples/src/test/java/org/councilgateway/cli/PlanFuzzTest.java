package org.councilgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.InputError;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.PlanReader;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.councilgateway.Reports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Mutational fuzzing of the plan reader and the {@code assess} command, in process: bad input of
 * every kind gives a plan with errors or one clear sentence, never a stack trace, and never loses a
 * proposal.
 *
 * <p>Each case starts from a valid plan (the sample forward plan, the command tests' mixed plan, or
 * a small generated one) and applies random mutations (see {@link PlanMutator}). The same
 * document then goes through {@link PlanReader#read(String, String)} and through {@code gateway
 * assess FILE --format json}, and the two must agree.
 *
 * <p>A normal build runs {@value #DEFAULT_CASES} cases (about 20 seconds). The long run, with a
 * seed of your own (about 6 ms a case, so some ten minutes):
 *
 * <pre>
 *   mvn -pl examples verify -Dfuzz.cases=100000 -Dfuzz.seed=$RANDOM
 * </pre>
 *
 * <p>Every failure names its case seed and leaves its input under {@code target/fuzz-failures/};
 * {@code mvn -pl examples test -Dtest=PlanFuzzTest -Dfuzz.replay=SEED} runs that one case again. {@code -Dfuzz.knownBugs=true} adds inputs that
 * trigger the bug {@link #read_numberWithExponentBeyondBigDecimal_isAProblemNotANumberFormatException}
 * reproduces (remove the switch once it is fixed).
 */
@DisplayName("Fuzzing the plan reader and the assess command")
class PlanFuzzTest {
  static final int DEFAULT_CASES = 2_000;
  private static final int CASES = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
  private static final String REPLAY = System.getProperty("fuzz.replay");
  private static final boolean KNOWN_BUGS = Boolean.parseBoolean(System.getProperty("fuzz.knownBugs", "true"));
  private static final Path FAILURES = Path.of("target", "fuzz-failures");
  private static final int FAILURES_SHOWN = 20;
  private static final String AS_OF = "2026-11-23";
  /** A line of a stack trace, as opposed to input text that happens to hold a tab before "at". */
  private static final Pattern STACK_FRAME = Pattern.compile("\tat [\\w$.]+\\(");

  private static final PlanReader READER = PlanReader.create();
  private static final Gateway GATEWAY = Gateway.bundled();
  private static final ObjectMapper OUTPUT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** Reads what the gateway was given with no limits of its own, to count the proposals independently. */
  private static final ObjectMapper ANY_JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build()).build());
  private static final ObjectMapper ANY_YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(unlimitedYaml())
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build()).build());

  private static LoaderOptions unlimitedYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setNestingDepthLimit(100_000);
    return options;
  }

  /** How the cases of a run turned out, to show the run tried what it meant to. */
  private static final class Tally {
    final TreeMap<String, Integer> counts = new TreeMap<>();

    void add(String what) {
      counts.merge(what, 1, Integer::sum);
    }
  }

  /** What the reader made of a document: the exit code the command must give, and what it read. */
  private record ReaderOutcome(int expectedExit, Integer entries, List<String> assessedIds) {}

  static List<ObjectNode> seeds() {
    List<ObjectNode> seeds = new ArrayList<>();
    for (String resource : List.of("/plans/sample-forward-plan.json", "/plans/mixed.json")) {
      try (InputStream in = PlanFuzzTest.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        seeds.add((ObjectNode) ANY_JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  @Test
  void seeds_areUsablePlans() {
    for (ObjectNode seed : seeds()) {
      Plan plan = READER.read(seed.toString(), "seed.json");

      assertThat(plan.proposals().size() + plan.errors().stream().map(InputError::index).distinct().count())
          .isEqualTo(seed.get("proposals").size());
    }
  }

  @Test
  void fuzz_mutatedPlans_neverCrashNeverPrintAStackTraceAndNeverDropAProposal(@TempDir Path dir) throws IOException {
    PlanMutator mutator = new PlanMutator(seeds());
    List<Long> caseSeeds = new ArrayList<>();
    if (REPLAY != null) {
      caseSeeds.add(Long.parseLong(REPLAY));
    } else {
      SplittableRandom master = new SplittableRandom(SEED);
      for (int i = 0; i < CASES; i++) {
        caseSeeds.add(master.nextLong());
      }
    }
    Tally tally = new Tally();
    List<String> failures = new ArrayList<>();
    int failed = 0;
    long started = System.nanoTime();
    for (long caseSeed : caseSeeds) {
      PlanMutator.Document document = new PlanMutator.Document("unmade", new byte[0], List.of());
      List<String> problems = new ArrayList<>();
      try {
        document = mutator.mutate(new SplittableRandom(caseSeed), KNOWN_BUGS);
        check(document, new SplittableRandom(caseSeed ^ 0x9E3779B97F4A7C15L), dir, tally, problems);
      } catch (RuntimeException | AssertionError e) {
        problems.add("the check itself failed: " + describe(e));
      }
      if (!problems.isEmpty()) {
        failed++;
        Path kept = keep(caseSeed, document);
        if (failures.size() < FAILURES_SHOWN) {
          failures.add("case " + caseSeed + " (" + document.name() + ", kept as " + kept + "; -Dfuzz.replay="
              + caseSeed + ")\n    mutations: " + document.mutations() + "\n    " + String.join("\n    ", problems));
        }
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("PlanFuzzTest: %d case(s) from seed %d in %d ms, %d failed; %s%n", caseSeeds.size(), SEED, millis,
        failed, tally.counts);

    assertThat(failures).as("%d of %d fuzz cases failed (seed %d); the first %d", failed, caseSeeds.size(), SEED,
        FAILURES_SHOWN).isEmpty();
    if (REPLAY == null && CASES >= 1_000) {
      // The run reached every outcome: usable plans, plans with errors, and unusable documents.
      assertThat(tally.counts).containsKeys("exit 0", "exit 1", "exit 2", "yaml");
    }
  }

  /** Runs one document through the reader and through the command, and checks they behave and agree. */
  private static void check(PlanMutator.Document document, SplittableRandom options, Path dir, Tally tally,
      List<String> problems) throws IOException {
    String text = utf8(document.bytes());
    if (document.yaml()) {
      tally.add("yaml");
    }
    // Text that is not UTF-8 stops the command, so the reader path assesses what it reads of it.
    ReaderOutcome read = read(text != null ? text : new String(document.bytes(), StandardCharsets.UTF_8),
        document.name(), text == null, problems);
    int expectedExit = text == null ? GatewayCommand.UNUSABLE : read.expectedExit();
    Path file = dir.resolve(document.name());
    Files.write(file, document.bytes());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    boolean json = options.nextInt(5) != 0;
    List<String> args = new ArrayList<>(List.of("assess", file.toString(), "--format", json ? "json" : "text"));
    if (options.nextBoolean()) {
      args.addAll(List.of("--as-of", AS_OF));
    }
    int exit = GatewayCommand.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    tally.add("exit " + exit);

    if (exit != 0 && exit != 1 && exit != 2) {
      problems.add("the command exited " + exit + ": " + firstLines(err.toString()));
      return;
    }
    if (STACK_FRAME.matcher(err.toString()).find() || err.toString().contains("Exception")
        || STACK_FRAME.matcher(out.toString()).find()) {
      problems.add("the command printed a stack trace or an exception's name: " + firstLines(err.toString()));
    }
    if (expectedExit >= 0 && exit != expectedExit) {
      problems.add("the command exited " + exit + " but the reader's answer means " + expectedExit + ": "
          + firstLines(err.toString()));
    }
    if (exit == GatewayCommand.UNUSABLE) {
      if (err.toString().isBlank()) {
        problems.add("exit 2 with nothing on stderr");
      }
      if (!out.toString().isEmpty()) {
        problems.add("exit 2, yet something was written to stdout: " + firstLines(out.toString()));
      }
      return;
    }
    if (exit == GatewayCommand.FAILED && !err.toString().contains("could not be assessed")) {
      problems.add("exit 1 without saying why on stderr: " + firstLines(err.toString()));
    }
    if (json) {
      checkJsonOutput(out.toString(), exit, read, problems);
    }
  }

  /**
   * Reads the document as an embedding application would, and works out what the command must do.
   * The command assesses the same text, so the plan is assessed here only when the command cannot.
   */
  private static ReaderOutcome read(String text, String name, boolean assess, List<String> problems) {
    JsonNode independent = parseIndependently(text, name);
    Integer entries = independent != null && independent.get("proposals") != null
        && independent.get("proposals").isArray() ? independent.get("proposals").size() : null;
    Plan plan;
    try {
      plan = READER.read(text, name);
    } catch (GatewayException e) {
      if (e.problems().isEmpty() || e.problems().stream().map(Problem::message).anyMatch(String::isBlank)) {
        problems.add("the reader's exception has no problem, or a blank one: " + e.problems());
      }
      return new ReaderOutcome(GatewayCommand.UNUSABLE, entries, List.of());
    } catch (Throwable e) {
      problems.add("the reader threw " + describe(e));
      return new ReaderOutcome(-1, entries, List.of());
    }
    List<String> ids = plan.proposals().stream().map(Proposal::id).toList();
    if (new HashSet<>(ids).size() != ids.size()) {
      problems.add("the reader gave two valid proposals the same id: " + ids);
    }
    for (InputError error : plan.errors()) {
      if (error.message().isBlank() || !pointsInto(error.path(), error.index())
          || entries != null && (error.index() < 0 || error.index() >= entries)) {
        problems.add("the reader gave an error without a good index, path or message: " + error);
      }
    }
    if (entries != null) {
      long invalid = plan.errors().stream().map(InputError::index).distinct().count();
      if (plan.proposals().size() + invalid != entries) {
        problems.add("the reader read " + entries + " proposal(s) but gave " + plan.proposals().size() + " valid and "
            + invalid + " invalid");
      }
    }
    if (assess) {
      try {
        PlanAssessment result = GATEWAY.assess(plan, LocalDate.parse(AS_OF));
        Reports.json(result);
        Reports.text(result);
      } catch (Throwable e) {
        problems.add("assessing or writing a plan the reader accepted threw " + describe(e));
      }
    }
    readFirstProposalAlone(independent, problems);
    return new ReaderOutcome(plan.errors().isEmpty() ? GatewayCommand.OK : GatewayCommand.FAILED, entries, ids);
  }

  /** The single-proposal reader, on the document's first proposal. */
  private static void readFirstProposalAlone(JsonNode root, List<String> problems) {
    if (root == null || !(root.get("proposals") instanceof ArrayNode list)
        || list.isEmpty()) {
      return;
    }
    try {
      READER.readProposal(list.get(0).toString(), "proposal.json");
    } catch (GatewayException e) {
      if (e.problems().isEmpty()) {
        problems.add("readProposal's exception has no problem");
      }
    } catch (Throwable e) {
      problems.add("readProposal threw " + describe(e));
    }
  }

  private static void checkJsonOutput(String out, int exit, ReaderOutcome read, List<String> problems) {
    JsonNode root;
    try {
      root = OUTPUT.readTree(out);
    } catch (IOException e) {
      problems.add("exit " + exit + " with output that is not JSON: " + e.getMessage());
      return;
    }
    JsonNode assessments = root.get("assessments");
    JsonNode errors = root.get("errors");
    if (assessments == null || !assessments.isArray() || errors == null || !errors.isArray()
        || root.get("portfolio") == null || !root.get("portfolio").isArray()) {
      problems.add("the output lacks the assessments, portfolio or errors list");
      return;
    }
    if (exit == GatewayCommand.OK && !errors.isEmpty() || exit == GatewayCommand.FAILED && errors.isEmpty()) {
      problems.add("exit " + exit + " with " + errors.size() + " error(s) in the output");
    }
    Set<Integer> invalid = new HashSet<>();
    for (JsonNode error : errors) {
      JsonNode index = error.get("index");
      JsonNode path = error.get("path");
      JsonNode message = error.get("message");
      if (index == null || !index.isInt() || path == null || !path.isTextual() || message == null
          || !message.isTextual() || message.asText().isBlank()
          || !pointsInto(path.asText(), index.asInt())) {
        problems.add("an error without a good index, path and message: " + error);
      } else {
        invalid.add(index.asInt());
      }
    }
    if (read.entries() != null && assessments.size() + invalid.size() != read.entries()) {
      problems.add("the plan has " + read.entries() + " proposal(s) but the output has " + assessments.size()
          + " assessed and " + invalid.size() + " with errors");
    }
    List<String> ids = new ArrayList<>();
    assessments.forEach(a -> ids.add(a.path("proposalId").asText()));
    if (read.expectedExit() != GatewayCommand.UNUSABLE && read.expectedExit() >= 0 && !ids.equals(read.assessedIds())) {
      problems.add("the command assessed " + shorten(ids) + " but the reader gave " + shorten(read.assessedIds()));
    }
  }

  /** Whether a JSON pointer is to the proposal at an index, or into it. */
  private static boolean pointsInto(String path, int index) {
    String proposal = "/proposals/" + index;
    return path.equals(proposal) || path.startsWith(proposal + "/");
  }

  /** The document read with no limits of the gateway's, to count its proposals independently; null when that fails. */
  private static JsonNode parseIndependently(String text, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String start = text.stripLeading();
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml")
        || !lower.endsWith(".json") && !start.startsWith("{") && !start.startsWith("[");
    try {
      return (yaml ? ANY_YAML : ANY_JSON).readTree(text);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  /** The text a file's bytes hold, as the command reads it; null when they are not UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Path keep(long caseSeed, PlanMutator.Document document) throws IOException {
    Files.createDirectories(FAILURES);
    Path kept = FAILURES.resolve(caseSeed + "-" + document.name());
    Files.write(kept, document.bytes());
    return kept;
  }

  private static String describe(Throwable e) {
    StackTraceElement[] at = e.getStackTrace();
    return e + (at.length > 0 ? " at " + at[0] : "");
  }

  private static String firstLines(String text) {
    String lines = String.join(" | ", text.lines().limit(3).toList());
    return lines.length() > 300 ? lines.substring(0, 300) + "..." : lines;
  }

  private static String shorten(List<String> ids) {
    return ids.size() > 8 ? ids.subList(0, 8) + "... (" + ids.size() + ")" : ids.toString();
  }

  // --- every extreme number in every numeric field, and the known bug ---------------------------

  static List<String> numericFields() {
    return List.of("annualValue", "termMonths", "reductionPercent", "provider.otherCouncilContracts",
        "staffing.postsDeleted", "fundingSources.annualAmount");
  }

  /** A one-proposal plan with a raw JSON value in one numeric field. */
  static String planWithNumber(String field, String number) {
    String value = switch (field) {
      case "provider.otherCouncilContracts" -> "\"provider\": {\"name\": \"P\", \"otherCouncilContracts\": " + number + "}";
      case "staffing.postsDeleted" -> "\"staffing\": {\"postsDeleted\": " + number + "}";
      case "fundingSources.annualAmount" -> "\"fundingSources\": [{\"source\": \"NHS\", \"annualAmount\": " + number + "}]";
      default -> "\"" + field + "\": " + number;
    };
    return "{\"asOf\": \"" + AS_OF + "\", \"proposals\": [{\"id\": \"A\", \"title\": \"T\", \"leadDirectorate\": \"PEOPLE\","
        + " \"serviceArea\": \"LEISURE\", \"changeType\": \"REDUCE\", " + value + "}]}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numericFields")
  void read_everyExtremeNumber_givesTheProposalAnErrorForItOrAnUnusableDocument(String field) {
    for (String number : PlanMutator.EXTREME_NUMBERS) {
      Plan[] read = new Plan[1];
      Throwable thrown = catchThrowable(() -> read[0] = READER.read(planWithNumber(field, number), "plan.json"));

      if (thrown != null) {
        // Numbers longer than the reader's limit make the document unusable, by design.
        assertThat(thrown).as("%s = %s", field, number).isInstanceOf(GatewayException.class);
        continue;
      }
      Plan plan = read[0];
      assertThat(plan.proposals().size() + plan.errors().stream().map(InputError::index).distinct().count())
          .as("%s = %s", field, number).isEqualTo(1);
      assertThat(plan.errors()).as("%s = %s", field, number)
          .allSatisfy(e -> assertThat(e.path()).startsWith("/proposals/0/" + field.replace('.', '/').replaceFirst(
              "fundingSources/", "fundingSources/0/")));
    }
  }

  @Test
  void read_numberWithExponentBeyondBigDecimal_isAProblemNotANumberFormatException(@TempDir Path dir)
      throws IOException {
    for (String number : PlanMutator.EXPONENT_OVERFLOW) {
      String plan = planWithNumber("annualValue", number);

      Throwable thrown = catchThrowable(() -> READER.read(plan, "plan.json"));

      assertThat(thrown).as(number).satisfiesAnyOf(
          t -> assertThat(t).isNull(),
          t -> assertThat(t).isInstanceOf(GatewayException.class));
      Path file = dir.resolve("plan.json");
      Files.writeString(file, plan);
      StringWriter err = new StringWriter();
      int exit = GatewayCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "assess", file.toString(),
          "--format", "json");
      assertThat(exit).as(number).isIn(1, 2);
      assertThat(err.toString()).as(number).doesNotContain("Exception");
    }
  }
}
