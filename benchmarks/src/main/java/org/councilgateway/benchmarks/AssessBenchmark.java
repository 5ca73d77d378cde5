package org.councilgateway.benchmarks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.model.EiaKind;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.Gateway;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.Plan;
import org.councilgateway.model.Proposal;
import org.councilgateway.RuleSet;
import org.councilgateway.facts.AssessmentDate;
import org.councilgateway.facts.Findings;
import org.councilgateway.facts.ReferenceData;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One proposal, warm: the gateway's facade, a bare Drools session on the same rules (what a team
 * would write by hand), and the scope rules as plain Java (the lower bound). Run with {@code -t 1}
 * and {@code -t 2} to see how throughput scales with threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessBenchmark {
  private static final LocalDate AS_OF = PlanGenerator.AS_OF;

  private Gateway gateway;
  private KieBase kieBase;
  private ReferenceData referenceData;
  private List<Proposal> proposals;
  private int next;

  /** Compiles the bundled rules once and generates proposals to cycle through. */
  @Setup(Level.Trial)
  public void setUp() {
    gateway = Gateway.bundled();
    referenceData = RuleSet.bundled().referenceData();
    kieBase = BareDrools.kieBase();
    proposals = PlanGenerator.generate(1_000, 7).proposals();
  }

  private Proposal proposal() {
    next = (next + 1) % proposals.size();
    return proposals.get(next);
  }

  /**
   * The facade: a session, the findings recorded and the result assembled.
   *
   * @return the assessment
   */
  @Benchmark
  public Assessment facade() {
    return gateway.assess(proposal(), AS_OF);
  }

  /**
   * A bare session on the same compiled rules: insert, fire, dispose, findings thrown away.
   *
   * @return how many rules fired
   */
  @Benchmark
  public int bareSession() {
    KieSession session = kieBase.newKieSession();
    try {
      session.setGlobal("findings", BareDrools.DISCARD);
      referenceData.facts().forEach(session::insert);
      session.insert(new AssessmentDate(AS_OF));
      session.insert(proposal());
      return session.fireAllRules();
    } finally {
      session.dispose();
    }
  }

  /**
   * The scope rules as plain Java if/else: the lower bound for any engine.
   *
   * @return the number of scope reasons
   */
  @Benchmark
  public int plainJavaScope() {
    return PlainJavaScope.reasons(proposal(), referenceData).size();
  }

  /** A Drools knowledge base on the bundled DRL, built the way a team would without the facade. */
  static final class BareDrools {
    static final Findings DISCARD = new Findings() {
      @Override public void scope(Proposal p, String code, String message) {}
      @Override public void keyDecision(Proposal p, String message) {}
      @Override public void impact(Proposal p, String code, String target, String message) {}
      @Override public void eiaReason(Proposal p, String code, EiaKind kind, EiaLevel level, String message) {}
      @Override public void characteristics(Proposal p, Collection<String> characteristics) {}
      @Override public void eiaAction(Proposal p, String code, String message) {}
      @Override public void challenge(Proposal p, String code, String message) {}
      @Override public void challenge(Proposal p, String code, String target, String message) {}
      @Override public void gateBlocker(Proposal p, String code, String message) {}
      @Override public void portfolio(String code, Collection<String> proposalIds, String message) {}
    };

    static KieBase kieBase() {
      KieServices services = KieServices.Factory.get();
      org.kie.api.builder.KieFileSystem files = services.newKieFileSystem();
      for (String name : List.of("scope.drl", "impacts.drl", "eia.drl", "challenge.drl", "portfolio.drl")) {
        String path = "org/councilgateway/rules/" + name;
        try (var in = AssessBenchmark.class.getClassLoader().getResourceAsStream(path)) {
          files.write("src/main/resources/" + path, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      org.kie.api.builder.ReleaseId id = services.newReleaseId("bench", "bare", "1");
      files.generateAndWritePomXML(id);
      services.newKieBuilder(files).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
      return services.newKieContainer(id).getKieBase();
    }
  }

  /** Whole plans, plan rules included. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 10)
  @Measurement(iterations = 10)
  @Fork(value = 1, jvmArgsAppend = "-Xmx8g")
  public static class PlanBenchmark {
    /** Plan size. */
    @Param({"100", "1000", "10000", "100000"})
    public int size;

    private Gateway gateway;
    private Plan plan;

    /** Generates the plan once. */
    @Setup(Level.Trial)
    public void setUp() {
      gateway = Gateway.bundled();
      plan = PlanGenerator.generate(size, 11);
    }

    /**
     * Assesses the whole plan.
     *
     * @return the result
     */
    @Benchmark
    public PlanAssessment assessPlan() {
      return gateway.assess(plan, AS_OF);
    }
  }
}
