package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilgateway.Assessment;
import org.councilgateway.Classification;
import org.councilgateway.EiaAssessment;
import org.councilgateway.EiaLevel;
import org.councilgateway.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.Plan;
import org.councilgateway.PlanAssessment;
import org.councilgateway.PlanReader;
import org.councilgateway.PortfolioFinding;
import org.councilgateway.PortfolioRef;
import org.councilgateway.Proposal;
import org.councilgateway.Reports;
import org.councilgateway.Route;
import org.councilgateway.TraceEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every plan, checked over seeded random plans (see {@link RandomPlans}):
 * whatever the proposals, the answer is reproducible, independent of input order, internally
 * consistent, and accounts for every proposal.
 *
 * <p>Each failure names the plan's seed; {@code RandomPlans.generate(seed).json()} is the plan.
 * Another run: {@code mvn -pl gateway-rules test -Dtest=AssessmentPropertiesTest -Dproperties.plans=2000
 * -Dproperties.seed=42}.
 */
@DisplayName("Assessment properties over random plans")
class AssessmentPropertiesTest {
  private static final int PLANS = Integer.getInteger("properties.plans", 200);
  private static final long SEED = Long.getLong("properties.seed", 20_261_123L);

  private static final Gateway GATEWAY = Gateway.bundled();
  private static final PlanReader READER = PlanReader.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A generated plan, as read and as assessed once. */
  record Case(RandomPlans.GeneratedPlan generated, Plan plan, PlanAssessment result, String json) {
    String describe() {
      return "plan seed " + generated.seed() + " (RandomPlans.generate(" + generated.seed() + "L).json())";
    }
  }

  private static List<Case> cases;

  @BeforeAll
  static void assessEveryPlanOnce() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    cases = new ArrayList<>(PLANS);
    for (int i = 0; i < PLANS; i++) {
      RandomPlans.GeneratedPlan generated = RandomPlans.generate(seeds.nextLong());
      Plan plan = READER.read(generated.json(), "plan-" + generated.seed() + ".json");
      PlanAssessment result = GATEWAY.assess(plan, null);
      cases.add(new Case(generated, plan, result, Reports.json(result)));
    }
  }

  private static void forEveryCase(Consumer<Case> property) {
    for (Case c : cases) {
      property.accept(c);
    }
  }

  private static Stream<Finding> findings(Assessment a) {
    return Stream.of(a.impacts(), a.eia().actions(), a.challenges()).flatMap(List::stream);
  }

  @Test
  void generator_coversTheCasesThePropertiesAreAbout() {
    long withErrors = cases.stream().filter(c -> !c.result().errors().isEmpty()).count();
    long withPortfolio = cases.stream().filter(c -> !c.result().portfolio().isEmpty()).count();
    long withRepeats = cases.stream().filter(c -> c.generated().hasRepeatedIds()).count();
    Set<String> portfolioCodes = cases.stream().flatMap(c -> c.result().portfolio().stream())
        .map(PortfolioFinding::code).collect(Collectors.toSet());
    Set<String> warningCodes = cases.stream().flatMap(c -> c.result().assessments().stream())
        .flatMap(a -> a.warnings().stream()).map(w -> w.code()).collect(Collectors.toSet());
    Set<Classification> classifications = cases.stream().flatMap(c -> c.result().assessments().stream())
        .map(Assessment::classification).collect(Collectors.toSet());
    Set<EiaLevel> levels = cases.stream().flatMap(c -> c.result().assessments().stream())
        .map(a -> a.eia().level()).collect(Collectors.toSet());

    assertThat(withErrors).isGreaterThan(PLANS / 4);
    assertThat(withPortfolio).isGreaterThan(PLANS / 4);
    assertThat(withRepeats).isPositive();
    assertThat(portfolioCodes).contains("OVERLAP_JOIN_UP", "PROVIDER_UNDERPERFORMING_ELSEWHERE", "BLANKET_REDUCTION",
        "CUMULATIVE_PROVIDER_IMPACT");
    assertThat(warningCodes).contains("UNKNOWN_SERVICE_AREA", "UNKNOWN_DIRECTORATE", "UNKNOWN_CLIENT_GROUP",
        "UNKNOWN_PARTNER", "EIA_DATED_AFTER_AS_OF");
    assertThat(classifications).containsExactlyInAnyOrder(Classification.values());
    assertThat(levels).containsExactlyInAnyOrder(EiaLevel.values());
  }

  @Test
  void read_everyProposal_isAssessedOrListedUnderErrors() {
    forEveryCase(c -> {
      Set<Integer> errorIndexes = c.result().errors().stream().map(InputError::index).collect(Collectors.toSet());

      assertThat(c.result().assessments().size() + errorIndexes.size()).as(c.describe())
          .isEqualTo(c.generated().entries().size());
      assertThat(errorIndexes).as(c.describe()).isEqualTo(c.generated().invalidIndexes());
      assertThat(c.result().assessments()).extracting(Assessment::proposalId).as(c.describe())
          .containsExactlyElementsOf(c.generated().assessableIds());
    });
  }

  @Test
  void read_everyError_hasAnIndexAPathIntoItsProposalAndASentence() {
    forEveryCase(c -> {
      assertThat(c.result().errors()).as(c.describe()).allSatisfy(e -> {
        assertThat(e.path()).startsWith("/proposals/" + e.index());
        assertThat(e.message()).isNotBlank().endsWith(".");
      });
      assertThat(c.result().errors()).as(c.describe()).isSortedAccordingTo(
          Comparator.comparingInt(InputError::index).thenComparing(InputError::path));
    });
  }

  @Test
  void assess_samePlanTwice_givesTheSameBytes() {
    forEveryCase(c -> {
      Plan again = READER.read(c.generated().json(), "again.json");

      assertThat(Reports.json(GATEWAY.assess(again, null))).as(c.describe()).isEqualTo(c.json());
    });
  }

  @Test
  void assess_onFourThreads_givesTheSameBytesAsOnOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (Case c : cases) {
        answers.add(pool.submit(() -> Reports.json(GATEWAY.assess(c.plan(), null))));
      }
      for (int i = 0; i < cases.size(); i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).as(cases.get(i).describe()).isEqualTo(cases.get(i).json());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void assess_permutedPlan_givesTheSameAssessmentsInTheNewOrder() {
    SplittableRandom random = new SplittableRandom(SEED ^ 0x5DEECE66DL);
    int permuted = 0;
    for (Case c : cases) {
      if (c.generated().hasRepeatedIds()) {
        continue; // the first proposal with an id owns it, so order matters there
      }
      int[] order = shuffled(random, c.generated().entries().size());
      RandomPlans.GeneratedPlan reordered = c.generated().permuted(order);
      String json = Reports.json(GATEWAY.assess(READER.read(reordered.json(), "permuted.json"), null));

      assertThat(inInputOrder(json, order)).as(c.describe() + " permuted as " + java.util.Arrays.toString(order))
          .isEqualTo(inInputOrder(c.json(), null));
      permuted++;
    }
    assertThat(permuted).isGreaterThan(PLANS / 2);
  }

  private static int[] shuffled(SplittableRandom random, int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * The JSON output with assessments sorted by proposal id and error indexes mapped back to the
   * original positions, so that a plan and its permutation compare equal.
   */
  private static JsonNode inInputOrder(String json, int[] order) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      List<JsonNode> assessments = new ArrayList<>();
      root.get("assessments").forEach(assessments::add);
      assessments.sort(Comparator.comparing(a -> a.get("proposalId").asText()));
      root.putArray("assessments").addAll(assessments);
      List<ObjectNode> errors = new ArrayList<>();
      for (JsonNode error : root.get("errors")) {
        ObjectNode copy = error.deepCopy();
        if (order != null) {
          int index = error.get("index").asInt();
          int original = order[index];
          copy.put("index", original);
          copy.put("path", error.get("path").asText().replaceFirst("^/proposals/" + index + "(?=/|$)",
              "/proposals/" + original));
        }
        errors.add(copy);
      }
      errors.sort(Comparator.comparingInt((ObjectNode e) -> e.get("index").asInt())
          .thenComparing(e -> e.get("path").asText()));
      ArrayNode sorted = root.putArray("errors");
      errors.forEach(sorted::add);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void assess_classification_isCouncilWideExactlyWhenThereAreScopeReasons_andTheRouteFollows() {
    forEveryCase(c -> assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
      assertThat(a.classification()).isEqualTo(
          a.scopeReasons().isEmpty() ? Classification.SINGLE_DIRECTORATE : Classification.COUNCIL_WIDE);
      assertThat(a.route()).isEqualTo(
          a.classification() == Classification.COUNCIL_WIDE ? Route.STRATEGIC_COMMISSIONING_GROUP : Route.DIRECTORATE);
      assertThat(a.scopeReasons()).doesNotHaveDuplicates();
    }));
  }

  @Test
  void assess_keyDecision_isAValueOverTheThresholdOrTwoWards() {
    forEveryCase(c -> {
      Map<String, Proposal> proposals = c.plan().proposals().stream()
          .collect(Collectors.toMap(Proposal::id, p -> p));
      assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
        Proposal p = proposals.get(a.proposalId());
        boolean expected = p.annualValue() != null && p.annualValue() > 350_000 || p.wards().size() >= 2;
        assertThat(a.keyDecision()).as(a.proposalId()).isEqualTo(expected);
      });
    });
  }

  @Test
  void assess_eia_isRequiredExactlyWhenItHasALevel_theHighestOfItsKinds() {
    forEveryCase(c -> assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
      EiaLevel highest = a.eia().assessments().stream().map(EiaAssessment::level)
          .max(Comparator.naturalOrder()).orElse(EiaLevel.NONE);

      assertThat(a.eia().required()).as(a.proposalId()).isEqualTo(a.eia().level() != EiaLevel.NONE);
      assertThat(a.eia().level()).as(a.proposalId()).isEqualTo(highest);
      assertThat(a.eia().assessments()).as(a.proposalId()).allSatisfy(kind -> {
        assertThat(kind.level()).isNotEqualTo(EiaLevel.NONE);
        assertThat(kind.reasons()).isNotEmpty().doesNotHaveDuplicates();
      });
      assertThat(a.eia().assessments()).extracting(EiaAssessment::kind).as(a.proposalId()).isSorted()
          .doesNotHaveDuplicates();
      if (!a.eia().required()) {
        assertThat(a.eia().actions()).as(a.proposalId()).isEmpty();
      }
    }));
  }

  @Test
  void assess_everyFinding_citesItsRuleAndSaysWhy() {
    forEveryCase(c -> {
      assertThat(c.result().assessments().stream().flatMap(AssessmentPropertiesTest::findings)).as(c.describe())
          .allSatisfy(f -> {
            assertThat(f.code()).isNotBlank();
            assertThat(f.ruleId()).isNotBlank();
            assertThat(f.source()).isNotBlank();
            assertThat(f.message()).isNotBlank();
          });
      assertThat(c.result().portfolio()).as(c.describe()).allSatisfy(f -> {
        assertThat(f.code()).isNotBlank();
        assertThat(f.ruleId()).isNotBlank();
        assertThat(f.source()).isNotBlank();
        assertThat(f.message()).isNotBlank();
      });
    });
  }

  @Test
  void assess_eachCodeAndTarget_atMostOncePerProposal() {
    forEveryCase(c -> assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
      assertThat(a.impacts()).extracting(f -> f.code() + " " + f.target()).as(a.proposalId()).doesNotHaveDuplicates();
      assertThat(a.impacts()).extracting(Finding::target).as(a.proposalId()).doesNotContainNull();
      assertThat(a.eia().actions()).extracting(Finding::code).as(a.proposalId()).doesNotHaveDuplicates();
      assertThat(a.challenges()).extracting(Finding::code).as(a.proposalId()).doesNotHaveDuplicates();
      assertThat(a.warnings()).extracting(w -> w.code() + " " + w.target()).as(a.proposalId()).doesNotHaveDuplicates();
      assertThat(a.portfolio()).extracting(PortfolioRef::id).as(a.proposalId()).doesNotHaveDuplicates();
      assertThat(a.trace()).extracting(TraceEntry::ruleId).as(a.proposalId()).isSorted().doesNotHaveDuplicates();
    }));
  }

  @Test
  void assess_portfolioFindings_nameSortedAssessedProposalsThatReferBackToThem() {
    forEveryCase(c -> {
      Map<String, Assessment> byId = c.result().assessments().stream()
          .collect(Collectors.toMap(Assessment::proposalId, a -> a));
      Map<String, PortfolioFinding> findings = new HashMap<>();
      List<PortfolioFinding> portfolio = c.result().portfolio();
      for (int i = 0; i < portfolio.size(); i++) {
        PortfolioFinding f = portfolio.get(i);
        findings.put(f.id(), f);

        assertThat(f.id()).as(c.describe()).isEqualTo(String.format("PF-%04d", i + 1));
        assertThat(f.proposalIds()).as(c.describe() + " " + f.id()).hasSizeGreaterThanOrEqualTo(2)
            .isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(byId).containsKey(id));
        for (String id : f.proposalIds()) {
          assertThat(byId.get(id).portfolio()).as(c.describe() + " " + id).contains(new PortfolioRef(f.id(), f.code()));
        }
      }
      for (Assessment a : c.result().assessments()) {
        assertThat(a.portfolio()).as(c.describe() + " " + a.proposalId()).allSatisfy(ref -> {
          assertThat(findings).containsKey(ref.id());
          assertThat(findings.get(ref.id()).code()).isEqualTo(ref.code());
          assertThat(findings.get(ref.id()).proposalIds()).contains(a.proposalId());
        });
      }
      Set<String> keys = new HashSet<>();
      assertThat(portfolio).as(c.describe()).allSatisfy(f -> assertThat(keys.add(f.code() + f.proposalIds())).isTrue());
    });
  }

  @Test
  void assess_output_isTheJavaResultInJson() {
    forEveryCase(c -> {
      try {
        JsonNode root = JSON.readTree(c.json());
        assertThat(root.get("assessments")).as(c.describe()).hasSize(c.result().assessments().size());
        assertThat(root.get("portfolio")).as(c.describe()).hasSize(c.result().portfolio().size());
        assertThat(root.get("errors")).as(c.describe()).hasSize(c.result().errors().size());
        Set<String> ids = new TreeSet<>();
        root.get("assessments").forEach(a -> ids.add(a.get("proposalId").asText()));
        assertThat(ids).as(c.describe()).hasSize(c.result().assessments().size());
        assertThat(c.json()).as(c.describe()).endsWith("}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
