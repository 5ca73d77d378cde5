package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Consultee;
import org.councilgateway.model.DeliveryOption;
import org.councilgateway.Gateway;
import org.councilgateway.Plan;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.Proposal;
import org.councilgateway.model.Provider;
import org.councilgateway.ReloadResult;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.councilgateway.model.Sector;
import org.councilgateway.model.Performance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One gateway, many threads: the same answers, and reloads that lose nothing. */
class GatewayConcurrencyTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  static Plan plan() {
    List<Proposal> proposals = new ArrayList<>();
    String[] areas = {"LEISURE", "PUBLIC_HEALTH", "ADULT_SOCIAL_CARE", "PAYROLL", "YOUTH_PROVISION", "TRANSPORT"};
    String[] leads = {"PLACES", "PEOPLE", "PEOPLE", "POLICY_AND_RESOURCES", "PEOPLE", "PLACES"};
    for (int i = 0; i < 30; i++) {
      int k = i % areas.length;
      proposals.add(Proposal.builder().id("C-" + i).title("Proposal " + i).leadDirectorate(leads[(k + i / 6) % leads.length]).serviceArea(areas[k]).changeType(ChangeType.values()[i % ChangeType.values().length])
          .annualValue(100_000L * i)
          .startDate(AS_OF.plusMonths(i % 14))
          .clientGroups(List.of(i % 2 == 0 ? "OLDER_PEOPLE" : "GENERAL_PUBLIC"))
          .outcomes(List.of("OUTCOME_" + (i % 3)))
          .deliveryOptions(i % 3 == 0 ? List.of(DeliveryOption.IN_HOUSE) : List.of(DeliveryOption.OUTSOURCE, DeliveryOption.GRANT))
          .consulted(i % 4 == 0 ? List.of() : List.of(Consultee.SERVICE_USERS))
          .reductionPercent(i % 6 == 4 ? java.math.BigDecimal.TEN : null)
          .provider(new Provider("Provider " + (i % 5), i % 2 == 0 ? Sector.VCS : Sector.PRIVATE,
              i % 5 == 1 ? Performance.INADEQUATE : Performance.GOOD, i % 3))
          .wards(List.of("Ward " + (i % 4), "Ward " + (i % 3)))
          .build());
    }
    return Plan.of(proposals);
  }

  @Test
  void assess_fromManyThreads_givesTheSameBytesAsOneThread() throws Exception {
    Gateway gateway = Gateway.bundled();
    Plan plan = plan();
    String expected = Reports.json(gateway.assess(plan, AS_OF));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> Reports.json(gateway.assess(plan, AS_OF))));
      }
      for (Future<String> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected).contains("OVERLAP_JOIN_UP").contains("PROVIDER_UNDERPERFORMING_ELSEWHERE");
  }

  @Test
  void reload_underLoad_losesNoAssessmentAndChangesNoResult(@TempDir Path dir) throws Exception {
    Path good = RuleSetLoadingTest.copy(dir.resolve("good"));
    Path changed = RuleSetLoadingTest.copy(dir.resolve("changed"));
    RuleSetLoadingTest.edit(changed.resolve("reference-data.yaml"), "keyDecisionValue: 350000", "keyDecisionValue: 1500000");
    Path broken = RuleSetLoadingTest.copy(dir.resolve("broken"));
    Files.writeString(broken.resolve("scope.drl"), Files.readString(broken.resolve("scope.drl")).replace("then", "thn"));
    Plan plan = plan();
    Map<String, String> expectedByVersion = Map.of(
        RuleSet.fromDirectory(good).version(), Reports.json(Gateway.fromDirectory(good).assess(plan, AS_OF)),
        RuleSet.fromDirectory(changed).version(), Reports.json(Gateway.fromDirectory(changed).assess(plan, AS_OF)));
    assertThat(expectedByVersion.values()).doesNotHaveDuplicates();

    Gateway gateway = Gateway.fromDirectory(good);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<PlanAssessment> results = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    int submitted = 0;
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      workers.add(pool.submit(() -> {
        while (running.get()) {
          try {
            results.add(gateway.assess(plan, AS_OF));
          } catch (Throwable e) {
            failures.add(e);
          }
        }
      }));
    }
    List<ReloadResult> reloads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      reloads.add(gateway.reload(i % 2 == 0 ? broken : changed));
      reloads.add(gateway.reload(i % 2 == 0 ? good : broken));
    }
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get(120, TimeUnit.SECONDS);
      submitted++;
    }
    pool.shutdown();

    assertThat(submitted).isEqualTo(3);
    assertThat(failures).isEmpty();
    assertThat(results).isNotEmpty();
    for (PlanAssessment result : results) {
      assertThat(expectedByVersion).containsKey(result.ruleSetVersion());
      assertThat(Reports.json(result)).isEqualTo(expectedByVersion.get(result.ruleSetVersion()));
    }
    assertThat(reloads).filteredOn(r -> !r.swapped()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.problems()).isNotEmpty();
      assertThat(r.problems().get(0).file()).endsWith("scope.drl");
    });
    assertThat(reloads).filteredOn(ReloadResult::swapped).isNotEmpty();
  }

  @Test
  void reload_brokenRules_keepsTheOldRuleSetServing(@TempDir Path dir) throws IOException {
    Path good = RuleSetLoadingTest.copy(dir.resolve("good"));
    Path broken = RuleSetLoadingTest.copy(dir.resolve("broken"));
    RuleSetLoadingTest.edit(broken.resolve("challenge.drl"), "  @id(\"GW-CHL-007\")\n", "");
    Gateway gateway = Gateway.fromDirectory(good);
    String before = gateway.ruleSet().version();

    ReloadResult result = gateway.reload(broken);

    assertThat(result.swapped()).isFalse();
    assertThat(result.version()).isEqualTo(before);
    assertThat(result.problems()).extracting(p -> p.message())
        .containsExactly("Rule \"Risks not assessed\" has no @id; every rule needs @id, @source and @description.");
    assertThat(gateway.ruleSet().version()).isEqualTo(before);
  }
}
