package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.councilgateway.PlanJson.ids;
import static org.councilgateway.PlanJson.plan;
import static org.councilgateway.PlanJson.proposal;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a regular file is read as a plan, and never more of any source than the plan size limit:
 * a pipe, a device or a directory is refused unread, and a stream is cut off just past the limit.
 */
class PlanReaderFileKindTest {
  private static final Duration QUICKLY = Duration.ofSeconds(20);

  private static Problem onlyProblem(Runnable read) {
    InvalidPlanException[] thrown = new InvalidPlanException[1];
    assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(InvalidPlanException.class, e -> thrown[0] = e));
    assertThat(thrown[0].problems()).hasSize(1);
    assertThat(thrown[0].getMessage()).isEqualTo(thrown[0].problems().get(0).toString());
    return thrown[0].problems().get(0);
  }

  @Test
  void read_namedPipe_isRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
    Path fifo = Fifos.make(dir.resolve("plan.json"));

    assertThat(onlyProblem(() -> PlanReader.create().read(fifo))).isEqualTo(new Problem(fifo.toString(), 0, 0,
        "cannot be read: it is not a regular file but a device, a pipe or a socket, which is never read as a plan."));
  }

  @Test
  void read_devZero_isRefusedWithoutReadingIt() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");

    assertThat(onlyProblem(() -> PlanReader.create().read(zero))).isEqualTo(new Problem("/dev/zero", 0, 0,
        "cannot be read: it is not a regular file but a device, a pipe or a socket, which is never read as a plan."));
  }

  @Test
  void read_directory_saysSo(@TempDir Path dir) {
    assertThat(onlyProblem(() -> PlanReader.create().read(dir)))
        .isEqualTo(new Problem(dir.toString(), 0, 0, "cannot be read: it is a directory, not a plan."));
  }

  @Test
  void read_fileOneByteOverASmallerLimit_isRefused(@TempDir Path dir) throws IOException {
    String text = plan(proposal("A"));
    Path file = Files.writeString(dir.resolve("plan.json"), text);
    long size = Files.size(file);
    PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(size - 1)).build());

    assertThat(onlyProblem(() -> reader.read(file))).isEqualTo(new Problem(file.toString(), 0, 0,
        "is " + size + " bytes long, more than the " + (size - 1) + " bytes a plan may be."));
  }

  @Test
  void read_fileAtASmallerLimit_isRead(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("plan.json"), plan(proposal("A")));

    Plan plan = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(Files.size(file))).build()).read(file);

    assertThat(ids(plan)).containsExactly("A");
  }

  @Test
  void readStream_planOnStandardInput_isReadAsJsonOrYaml() {
    byte[] json = plan(proposal("A"), proposal("B")).getBytes(StandardCharsets.UTF_8);
    byte[] yaml = ("proposals:\n  - {id: C, title: T, leadDirectorate: PEOPLE, serviceArea: YOUTH_PROVISION,"
        + " changeType: NEW}\n").getBytes(StandardCharsets.UTF_8);

    assertThat(ids(PlanReader.create().readStream(new ByteArrayInputStream(json), "standard input"))).containsExactly("A", "B");
    assertThat(ids(PlanReader.create().readStream(new ByteArrayInputStream(yaml), "standard input"))).containsExactly("C");
  }

  @Test
  void readStream_oneByteOverTheLimit_isRefused() {
    byte[] bytes = plan(proposal("A")).getBytes(StandardCharsets.UTF_8);
    PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(bytes.length - 1)).build());

    assertThat(onlyProblem(() -> reader.readStream(new ByteArrayInputStream(bytes), "standard input")))
        .isEqualTo(new Problem("standard input", 0, 0, "is larger than " + String.format("%,d", bytes.length - 1)
            + " bytes, the most a plan may be."));
  }

  @Test
  void readStream_atTheLimit_isRead() {
    byte[] bytes = plan(proposal("A")).getBytes(StandardCharsets.UTF_8);
    PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(bytes.length)).build());

    assertThat(ids(reader.readStream(new ByteArrayInputStream(bytes), "standard input"))).containsExactly("A");
  }

  @Test
  void readStream_endless_stopsJustPastTheLimit() {
    int[] read = new int[1];
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read[0]++;
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
        read[0] += len;
        return len;
      }
    };
    PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(1_000_000)).build());

    assertThat(onlyProblem(() -> reader.readStream(endless, "standard input")))
        .isEqualTo(new Problem("standard input", 0, 0, "is larger than 1,000,000 bytes, the most a plan may be."));
    assertThat(read[0]).isEqualTo(1_000_001);
  }

  @Test
  void readStream_devZero_isCutOffAtTheLimit() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    PlanReader reader = PlanReader.create(GatewayOptions.builder().limits(Limits.DEFAULTS.withPlanBytes(4096)).build());

    try (InputStream in = Files.newInputStream(zero)) {
      assertThat(onlyProblem(() -> reader.readStream(in, "standard input")))
          .isEqualTo(new Problem("standard input", 0, 0, "is larger than 4,096 bytes, the most a plan may be."));
    }
  }

  @Test
  void create_defaults_isTheDefaultReader() {
    assertThat(PlanReader.create(GatewayOptions.defaults())).isSameAs(PlanReader.create());
  }
}
