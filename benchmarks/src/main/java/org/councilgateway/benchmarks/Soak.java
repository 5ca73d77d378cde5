package org.councilgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.model.Proposal;

/**
 * A soak run: a million single-proposal assessments in one JVM, printing the heap in use after a
 * full collection every 100,000, so that a leak of sessions or listeners shows as a rising line.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.councilgateway.benchmarks.Soak [count]}.
 */
public final class Soak {
  private Soak() {}

  /**
   * Runs the soak.
   *
   * @param args optionally, how many assessments (default 1,000,000)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Gateway gateway = Gateway.bundled();
    List<Proposal> proposals = PlanGenerator.generate(1_000, 3).proposals();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long started = System.nanoTime();
    long checksum = 0;
    System.out.println("assessments,seconds,heap_used_mb_after_gc");
    for (int i = 1; i <= count; i++) {
      checksum += gateway.assess(proposals.get(i % proposals.size()), PlanGenerator.AS_OF).trace().size();
      if (i % 100_000 == 0) {
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf("%d,%.1f,%d%n", i, (System.nanoTime() - started) / 1e9, used);
      }
    }
    System.out.println("checksum " + checksum);
  }
}
