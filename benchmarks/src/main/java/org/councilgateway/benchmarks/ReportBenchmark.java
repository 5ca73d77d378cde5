package org.councilgateway.benchmarks;

import java.io.OutputStream;
import java.io.Writer;
import java.util.concurrent.TimeUnit;
import org.councilgateway.Gateway;
import org.councilgateway.MeetingPack;
import org.councilgateway.Plan;
import org.councilgateway.Reports;
import org.councilgateway.assessment.PlanAssessment;
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
 * Writing one assessed plan in each format, to a stream that discards the bytes: what each report
 * adds to {@code assess} after the assessment itself. The plan is generated and assessed once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class ReportBenchmark {
  @Param({"1000"})
  public int proposals;

  private PlanAssessment result;
  private MeetingPack pack;

  /** Assesses a generated plan once. */
  @Setup(Level.Trial)
  public void setUp() {
    Plan plan = PlanGenerator.generate(proposals, 7);
    result = Gateway.bundled().assess(plan, PlanGenerator.AS_OF);
    pack = MeetingPack.builder().councilName("Benchmark Council").plan("plan.json", null).build();
  }

  /** The JSON report as UTF-8 bytes, as {@code assess --format json} writes it. */
  @Benchmark
  public void json() {
    Reports.json(result, OutputStream.nullOutputStream());
  }

  /** The text report as UTF-8 bytes. */
  @Benchmark
  public void text() {
    Reports.text(result, OutputStream.nullOutputStream());
  }

  /** The meeting pack as UTF-8 bytes, as {@code assess --format html} writes it. */
  @Benchmark
  public void html() {
    pack.write(result, OutputStream.nullOutputStream());
  }

  /** Every finding as a CSV row. */
  @Benchmark
  public void csv() {
    Reports.csv(result, Writer.nullWriter());
  }
}
