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
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Classification;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.assessment.Finding;
import org.councilgateway.Gateway;
import org.councilgateway.InputError;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.PlanReader;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.model.Proposal;
import org.councilgateway.Reports;
import org.councilgateway.assessment.Route;
import org.councilgateway.assessment.TraceEntry;
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

    // The gateway runs each proposal's own rules in batches of 128; plan findings must join them up.
    long acrossBatches = cases.stream().filter(c -> c.result().portfolio().stream().anyMatch(finding -> {
      List<String> ids = c.plan().proposals().stream().map(Proposal::id).toList();
      return finding.proposalIds().stream().map(id -> ids.indexOf(id) / 128).distinct().count() > 1;
    })).count();

    assertThat(acrossBatches).isPositive();
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
        assertThat(e.path()).matches("/proposals/" + e.index() + "(/.*)?");
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
  void assess_proposalOnItsOwn_findsWhatItFindsInThePlan_apartFromThePlanFindings() {
    forEveryCase(c -> {
      for (int i = 0; i < c.plan().proposals().size(); i++) {
        Assessment inPlan = c.result().assessments().get(i);
        Assessment alone = GATEWAY.assess(c.plan().proposals().get(i), c.result().asOf());

        assertThat(alone.portfolio()).isEmpty();
        assertThat(withoutPlanFindings(alone)).as(c.describe() + " " + inPlan.proposalId())
            .isEqualTo(withoutPlanFindings(inPlan));
        // The plan rules add to the trace; they never take a rule away.
        assertThat(inPlan.trace()).as(c.describe() + " " + inPlan.proposalId()).containsAll(alone.trace());
      }
    });
  }

  private static Assessment withoutPlanFindings(Assessment a) {
    return new Assessment(a.proposal(), a.classification(), a.scopeReasons(), a.route(),
        a.keyDecisionReason(), a.impacts(), a.eia(), a.challenges(), a.gate(), List.of(), a.warnings(), List.of(),
        a.ruleSetVersion(), a.asOf());
  }

  @Test
  void assess_classification_isCouncilWideExactlyWhenThereAreScopeReasons_andTheRouteFollows() {
    forEveryCase(c -> assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
      assertThat(a.classification()).isEqualTo(
          a.scopeReasons().isEmpty() ? Classification.SINGLE_DIRECTORATE : Classification.COUNCIL_WIDE);
      assertThat(a.route()).isEqualTo(
          a.classification() == Classification.COUNCIL_WIDE ? Route.STRATEGIC_COMMISSIONING_GROUP : Route.DIRECTORATE);
      assertThat(a.scopeReasonCodes()).doesNotHaveDuplicates();
    }));
  }

  @Test
  void assess_scopeReasonsAndAffectedDirectorates_areWhatPolicyDefines() {
    RandomPlans.ReferenceCodes data = RandomPlans.CODES;
    forEveryCase(c -> {
      for (int i = 0; i < c.plan().proposals().size(); i++) {
        Proposal p = c.plan().proposals().get(i);
        Assessment a = c.result().assessments().get(i);
        String lead = p.leadDirectorate();
        List<String> owners = data.interdependencies().getOrDefault(p.serviceArea(), List.of()).stream()
            .map(data.owners()::get).toList();
        List<String> funders = p.fundingSources().stream().map(f -> f.directorate()).filter(d -> d != null).toList();
        List<String> reasons = new ArrayList<>();
        if (data.councilWide().contains(p.serviceArea())) {
          reasons.add("SCOPE_COUNCIL_WIDE_SERVICE");
        }
        if (p.affectedDirectorates().stream().anyMatch(d -> !d.equals(lead))) {
          reasons.add("SCOPE_OTHER_DIRECTORATE_AFFECTED");
        }
        if (owners.stream().anyMatch(d -> !d.equals(lead))) {
          reasons.add("SCOPE_INTERDEPENDENT_SERVICE");
        }
        if (funders.stream().anyMatch(d -> !d.equals(lead))) {
          reasons.add("SCOPE_SHARED_FUNDING");
        }
        Set<String> affected = new TreeSet<>(p.affectedDirectorates());
        affected.addAll(owners);
        affected.addAll(funders);
        affected.remove(lead);

        assertThat(a.scopeReasonCodes()).as(c.describe() + " " + p.id()).containsExactlyElementsOf(reasons);
        assertThat(a.impacts()).filteredOn(f -> f.code().equals("CROSS_DIRECTORATE_IMPACT"))
            .extracting(Finding::target).as(c.describe() + " " + p.id()).containsExactlyElementsOf(affected);
      }
    });
  }

  @Test
  void assess_portfolioFindings_areExactlyThoseFoundByComparingEveryPairOfProposals() {
    forEveryCase(c -> assertThat(c.result().portfolio()).extracting(f -> f.code() + " " + f.proposalIds())
        .as(c.describe()).containsExactlyInAnyOrderElementsOf(PortfolioOracle.findings(c.plan().proposals())));
  }

  /**
   * POLICY.md section 5 the slow way: every pair of proposals compared, no indexes, no periods.
   * What the rules find by their indexes must be exactly this.
   */
  static final class PortfolioOracle {
    private PortfolioOracle() {}

    static List<String> findings(List<Proposal> proposals) {
      Map<String, Integer> settings = RandomPlans.CODES.settings();
      int window = settings.get("overlapWindowMonths");
      List<String> found = new ArrayList<>();
      for (int i = 0; i < proposals.size(); i++) {
        for (int j = i + 1; j < proposals.size(); j++) {
          Proposal a = proposals.get(i);
          Proposal b = proposals.get(j);
          if (a.startDate() == null || b.startDate() == null || a.leadDirectorate().equals(b.leadDirectorate())) {
            continue;
          }
          boolean aFirst = !a.startDate().isAfter(b.startDate());
          java.time.LocalDate earlier = aFirst ? a.startDate() : b.startDate();
          java.time.LocalDate later = aFirst ? b.startDate() : a.startDate();
          boolean within = !later.isAfter(earlier.plusMonths(window));
          boolean shareArea = a.serviceArea().equals(b.serviceArea());
          boolean shareGroupAndOutcome = a.clientGroups().stream().anyMatch(b.clientGroups()::contains)
              && a.outcomes().stream().anyMatch(b.outcomes()::contains);
          if (within && (shareArea || shareGroupAndOutcome)) {
            found.add("OVERLAP_JOIN_UP " + new TreeSet<>(List.of(a.id(), b.id())));
          }
        }
      }
      Map<String, TreeSet<String>> named = new java.util.TreeMap<>();
      Set<String> underperforming = new HashSet<>();
      Map<String, TreeSet<String>> cut = new java.util.TreeMap<>();
      Map<java.math.BigDecimal, TreeSet<String>> reductions = new java.util.TreeMap<>();
      for (Proposal p : proposals) {
        if (p.provider() != null) {
          String name = p.provider().name();
          named.computeIfAbsent(name, k -> new TreeSet<>()).add(p.id());
          if (p.provider().underperforming()) {
            underperforming.add(name);
          }
          boolean cuts = p.changeType() == org.councilgateway.model.ChangeType.REDUCE
              || p.changeType() == org.councilgateway.model.ChangeType.DECOMMISSION;
          if (cuts && p.provider().sector() == org.councilgateway.model.Sector.VCS) {
            cut.computeIfAbsent(name, k -> new TreeSet<>()).add(p.id());
          }
        }
        if (p.changeType() == org.councilgateway.model.ChangeType.REDUCE && p.reductionPercent() != null) {
          reductions.computeIfAbsent(p.reductionPercent().stripTrailingZeros(), k -> new TreeSet<>()).add(p.id());
        }
      }
      named.forEach((name, ids) -> {
        if (underperforming.contains(name) && ids.size() >= 2) {
          found.add("PROVIDER_UNDERPERFORMING_ELSEWHERE " + ids);
        }
      });
      reductions.values().stream().filter(ids -> ids.size() >= settings.get("blanketReductionCount"))
          .forEach(ids -> found.add("BLANKET_REDUCTION " + ids));
      cut.values().stream().filter(ids -> ids.size() >= settings.get("cumulativeProviderCount"))
          .forEach(ids -> found.add("CUMULATIVE_PROVIDER_IMPACT " + ids));
      return found;
    }
  }

  @Test
  void assess_keyDecision_isAValueOverTheThresholdOrTwoWards() {
    forEveryCase(c -> {
      Map<String, Proposal> proposals = c.plan().proposals().stream()
          .collect(Collectors.toMap(Proposal::id, p -> p));
      assertThat(c.result().assessments()).as(c.describe()).allSatisfy(a -> {
        Proposal p = proposals.get(a.proposalId());
        Map<String, Integer> settings = RandomPlans.CODES.settings();
        boolean expected = p.annualValue() != null && p.annualValue() > settings.get("keyDecisionValue")
            || p.wards().size() >= settings.get("keyDecisionWards");
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
