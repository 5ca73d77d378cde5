package org.councilgateway.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.councilgateway.Gateway;
import org.councilgateway.MeetingPack;
import org.councilgateway.Reports;
import org.councilgateway.assessment.PlanAssessment;

/**
 * The meeting pack and the JSON report of one generated plan, written in turns, timed by the
 * process's CPU time as well as by the clock: {@code java -cp benchmarks/target/benchmarks.jar
 * org.councilgateway.benchmarks.ReportCpuRun [proposals] [writes]} (default 1,000 proposals, rounds of
 * 25 writes). On a machine that other work keeps busy, the clock counts the time a writer waits for a
 * core, and {@link ReportBenchmark}'s figures swing by several times; the CPU time spent writing
 * counts only the work (the pack's on every core, the JSON writer's on one), so the two writers can
 * still be compared. Prints the median and the least of 12 rounds for each, after 150 writes of each
 * to warm up.
 */
public final class ReportCpuRun {
  private static final int ROUNDS = 12;

  private ReportCpuRun() {}

  /**
   * Runs the comparison.
   *
   * @param args the plan's number of proposals and the writes per round, both optional
   */
  public static void main(String[] args) {
    int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int writes = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    PlanAssessment result = Gateway.bundled().assess(PlanGenerator.generate(proposals, 7), PlanGenerator.AS_OF);
    MeetingPack pack = MeetingPack.builder().councilName("Benchmark Council").plan("plan.json", null).build();
    Runnable[] writers = {() -> pack.write(result, OutputStream.nullOutputStream()),
        () -> Reports.json(result, OutputStream.nullOutputStream())};
    for (int i = 0; i < 150; i++) {
      for (Runnable writer : writers) {
        writer.run();
      }
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[][] cpu = new double[writers.length][ROUNDS];
    double[][] wall = new double[writers.length][ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      for (int w = 0; w < writers.length; w++) {
        long cpuFrom = os.getProcessCpuTime();
        long wallFrom = System.nanoTime();
        for (int i = 0; i < writes; i++) {
          writers[w].run();
        }
        cpu[w][round] = (os.getProcessCpuTime() - cpuFrom) / 1e6 / writes;
        wall[w][round] = (System.nanoTime() - wallFrom) / 1e6 / writes;
      }
    }
    String[] names = {"html", "json"};
    for (int w = 0; w < writers.length; w++) {
      Arrays.sort(cpu[w]);
      Arrays.sort(wall[w]);
      System.out.printf("%s: CPU %.1f ms per plan (least %.1f), clock %.1f ms (least %.1f)%n", names[w],
          cpu[w][ROUNDS / 2], cpu[w][0], wall[w][ROUNDS / 2], wall[w][0]);
    }
    System.out.printf("html / json: CPU %.2f, clock %.2f (medians)%n", cpu[0][ROUNDS / 2] / cpu[1][ROUNDS / 2],
        wall[0][ROUNDS / 2] / wall[1][ROUNDS / 2]);
  }
}
