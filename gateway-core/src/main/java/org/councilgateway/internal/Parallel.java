package org.councilgateway.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Work spread over an executor: the one place the library runs anything on threads other than the
 * caller's. The executor is the embedding application's (through the gateway's options) or, by
 * default, a pool of the library's own with a thread per core; never the JVM's common pool, which
 * the application may need for its own work.
 */
public final class Parallel {
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  /** Pieces per core: enough for an uneven piece to be evened out by the others. */
  private static final int PIECES_PER_CORE = 4;

  private Parallel() {}

  /** The library's own pool, made when first needed; its threads are daemons, so it never holds the JVM open. */
  private static final class Shared {
    static final ForkJoinPool POOL = new ForkJoinPool(CORES, new Factory(), null, false);
  }

  private static final class Factory implements ForkJoinPool.ForkJoinWorkerThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      thread.setName("councilgateway-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * The executor the gateway uses when the application gives none.
   *
   * @return a pool of the library's own, with a daemon thread per core
   */
  public static Executor sharedPool() {
    return Shared.POOL;
  }

  /**
   * Applies a function to every item, on the executor and the calling thread together, and returns
   * the results in the items' order. The items are cut into a few contiguous pieces per core; the
   * caller works the first piece itself, so a busy executor slows the work but cannot stall it.
   *
   * @param items the items
   * @param function what to apply; must be safe to call from several threads at once
   * @param executor where the other pieces run
   * @param parallelFrom the fewest items worth spreading; fewer are done on the calling thread
   * @param <T> the item type
   * @param <R> the result type
   * @return the results, in order
   * @throws RuntimeException what the function threw, unwrapped
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function, Executor executor,
      int parallelFrom) {
    int size = items.size();
    if (size < Math.max(2, parallelFrom) || CORES == 1) {
      List<R> results = new ArrayList<>(size);
      for (T item : items) {
        results.add(function.apply(item));
      }
      return results;
    }
    int pieces = Math.min(size, CORES * PIECES_PER_CORE);
    List<CompletableFuture<List<R>>> others = new ArrayList<>(pieces - 1);
    for (int piece = 1; piece < pieces; piece++) {
      List<T> part = items.subList(start(piece, pieces, size), start(piece + 1, pieces, size));
      others.add(CompletableFuture.supplyAsync(() -> apply(part, function), executor));
    }
    List<R> results = new ArrayList<>(size);
    RuntimeException failed = null;
    try {
      results.addAll(apply(items.subList(0, start(1, pieces, size)), function));
    } catch (RuntimeException e) {
      failed = e;
    }
    for (CompletableFuture<List<R>> other : others) {
      try {
        List<R> part = other.join();
        if (failed == null) {
          results.addAll(part);
        }
      } catch (CompletionException e) {
        if (failed == null) {
          failed = unwrap(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
    return results;
  }

  private static int start(int piece, int pieces, int size) {
    return (int) ((long) piece * size / pieces);
  }

  private static <T, R> List<R> apply(List<T> part, Function<? super T, ? extends R> function) {
    List<R> results = new ArrayList<>(part.size());
    for (T item : part) {
      results.add(function.apply(item));
    }
    return results;
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return e;
  }
}
