package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan file larger than the reader accepts is refused before it is read into memory. */
class PlanReaderSizeLimitTest {

  @Test
  void read_fileLargerThanTheLimit_isRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
    Path plan = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(plan.toFile(), "rw")) {
      file.setLength(1_000_000_001L); // sparse: takes no disk space, and would not fit a String
    }

    assertThatThrownBy(() -> PlanReader.create().read(plan))
        .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.describe())
            .isEqualTo(plan + ": is 1000000001 bytes long, more than the 1000000000 bytes a plan may be."));
  }
}
