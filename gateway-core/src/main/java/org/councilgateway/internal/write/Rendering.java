package org.councilgateway.internal.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.councilgateway.internal.Parallel;
import java.util.function.Function;

/**
 * Renders the parts of a long report on every core, a window at a time, and hands them on in
 * order: the report streams, and no more than a window of rendered parts is held at once.
 */
final class Rendering {
  /** Parts rendered together. */
  static final int WINDOW = 1024;

  /** Below this many parts, rendering stays on the calling thread. */
  private static final int PARALLEL_FROM = 64;

  private Rendering() {}

  /** Takes each rendered part, in order. */
  interface Sink<P> {
    void accept(P part) throws IOException;
  }

  /**
   * @param items the items, in report order
   * @param render renders one item; must be safe to call from several threads
   * @param sink takes each rendered part in the items' order
   * @throws UncheckedIOException when the sink fails
   */
  static <T, P> void inOrder(List<T> items, Function<T, P> render, Sink<P> sink) {
    try {
      for (int from = 0; from < items.size(); from += WINDOW) {
        List<T> window = items.subList(from, Math.min(items.size(), from + WINDOW));
        List<P> parts = Parallel.map(window, render, Parallel.sharedPool(), PARALLEL_FROM);
        for (P part : parts) {
          sink.accept(part);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
