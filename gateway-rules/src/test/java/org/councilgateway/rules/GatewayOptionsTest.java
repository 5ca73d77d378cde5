package org.councilgateway.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayOptions;
import org.councilgateway.Limits;
import org.councilgateway.Plan;
import org.councilgateway.PlanReader;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.model.ChangeType;
import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("GatewayOptions: every setting of the library, none global")
class GatewayOptionsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  /** A plan long enough to be spread: several batches of proposals. */
  private static Plan longPlan() {
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      proposals.add(Proposal.builder().id("P-" + i).title("Proposal " + i).leadDirectorate("PLACES").serviceArea("LEISURE").changeType(ChangeType.RECOMMISSION)
          .annualValue(100_000L + i * 1_000L).clientGroups(List.of("GENERAL_PUBLIC")).build());
    }
    return new Plan(null, proposals, List.of());
  }

  /** An executor that runs each task on a thread of its own, noting the task and the thread's name. */
  private static final class CountingExecutor implements Executor {
    final AtomicInteger tasks = new AtomicInteger();
    final Set<String> threads = Collections.synchronizedSet(new HashSet<>());

    @Override
    public void execute(Runnable task) {
      tasks.incrementAndGet();
      Thread thread = new Thread(() -> {
        threads.add(Thread.currentThread().getName());
        task.run();
      }, "application-" + tasks.get());
      thread.start();
    }
  }

  @Nested
  @DisplayName("The executor")
  class Executors {

    @Test
    void assess_longPlan_runsOnTheApplicationsExecutor() {
      CountingExecutor executor = new CountingExecutor();
      Gateway gateway = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().executor(executor).build());

      PlanAssessment result = gateway.assess(longPlan(), AS_OF);

      assertThat(result.assessments()).hasSize(600);
      assertThat(executor.tasks.get()).isPositive();
      assertThat(executor.threads).allMatch(name -> name.startsWith("application-"));
    }

    @Test
    void assess_directExecutor_givesTheSameResultAsTheDefaultPool() {
      Plan plan = longPlan();
      Gateway direct = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().executor(Runnable::run).build());

      assertThat(Reports.json(direct.assess(plan, AS_OF)))
          .isEqualTo(Reports.json(Gateway.bundled().assess(plan, AS_OF)));
    }

    @Test
    void assess_failingExecutor_failsTheAssessmentWithItsException() {
      Executor refusing = task -> {
        throw new java.util.concurrent.RejectedExecutionException("the application's pool is shut down");
      };
      Gateway gateway = Gateway.of(RuleSet.bundled(), GatewayOptions.builder().executor(refusing).build());

      assertThatThrownBy(() -> gateway.assess(longPlan(), AS_OF))
          .isInstanceOf(java.util.concurrent.RejectedExecutionException.class)
          .hasMessage("the application's pool is shut down");
    }

    @Test
    void read_longPlan_readsOnTheApplicationsExecutor() {
      CountingExecutor executor = new CountingExecutor();
      StringBuilder json = new StringBuilder("{\"proposals\": [");
      for (int i = 0; i < 400; i++) {
        json.append(i == 0 ? "" : ",").append("{\"id\": \"P-").append(i).append("\", \"title\": \"T\", ")
            .append("\"leadDirectorate\": \"PLACES\", \"serviceArea\": \"LEISURE\", \"changeType\": \"NEW\"}");
      }
      Plan plan = PlanReader.create(GatewayOptions.builder().executor(executor).build())
          .read(json.append("]}").toString(), "plan.json");

      assertThat(plan.proposals()).hasSize(400);
      assertThat(executor.tasks.get()).isPositive();
    }
  }

  @Nested
  @DisplayName("Each setting is checked, the message echoing the bad value")
  class Checks {

    @Test
    void compileCache_aFile_isRefusedNamingIt(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

      assertThatThrownBy(() -> GatewayOptions.builder().compileCache(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("compileCache must be a directory, but was " + file + ", which is a file");
    }

    @Test
    void nulls_areRefusedNamingTheSetting() {
      assertThatThrownBy(() -> GatewayOptions.builder().executor(null)).hasMessage("executor must not be null");
      assertThatThrownBy(() -> GatewayOptions.builder().limits(null)).hasMessage("limits must not be null");
      assertThatThrownBy(() -> GatewayOptions.builder().compileCache(null))
          .hasMessage("compileCache must not be null; use noCompileCache() to keep none");
    }

    @Test
    void limits_negative_isRefusedNamingTheLimitAndValue() {
      assertThatThrownBy(() -> Limits.DEFAULTS.withPlanBytes(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("planBytes must be positive, but was -1");
      assertThatThrownBy(() -> Limits.DEFAULTS.withAssessmentTime(java.time.Duration.ZERO))
          .hasMessage("assessmentTime must be positive, but was PT0S");
    }
  }

  @Nested
  @DisplayName("The compile cache")
  class CompileCacheOption {

    @Test
    void fromDirectory_withCompileCache_storesTheRuleSetThere(@TempDir Path dir) throws IOException {
      Path rules = RuleSetLoadingTest.copy(dir);
      Files.writeString(rules.resolve("unique.drl"),
          "// " + java.util.UUID.randomUUID() + "\npackage org.councilgateway.rules;\n");
      Path cache = dir.resolve("cache");

      RuleSet.fromDirectory(rules, GatewayOptions.builder().compileCache(cache).reuseCompiled(false).build());

      try (var entries = Files.list(cache)) {
        assertThat(entries.filter(p -> p.toString().endsWith(".jar"))).hasSize(1);
      }
      assertThat(GatewayOptions.defaults().compileCache()).isEmpty();
    }
  }
}
