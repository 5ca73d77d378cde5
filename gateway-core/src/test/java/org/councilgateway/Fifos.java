package org.councilgateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for tests: a reader that opened one would wait for a writer that never comes. */
public final class Fifos {
  private Fifos() {}

  /**
   * Makes a named pipe with {@code mkfifo}, or skips the test where there is none.
   *
   * @param fifo where to make it
   * @return the pipe
   * @throws IOException when mkfifo cannot be started
   * @throws InterruptedException when interrupted
   */
  public static Path make(Path fifo) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available here, so a named pipe cannot be made: " + e.getMessage());
      throw e;
    }
    assumeTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(fifo),
        "mkfifo could not make a named pipe here");
    return fifo;
  }
}
