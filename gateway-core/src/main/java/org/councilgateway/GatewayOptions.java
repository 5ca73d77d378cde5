package org.councilgateway;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.councilgateway.internal.Parallel;

/**
 * How a gateway reads, compiles and assesses: the executor it spreads work over, the limits on
 * every read and assessment, and where compiled rule sets are kept. Immutable and thread-safe; the
 * library reads no system property and uses no JVM-wide pool, so everything it does on the
 * application's behalf is set here.
 *
 * <pre>{@code
 * GatewayOptions options = GatewayOptions.builder()
 *     .executor(applicationExecutor)
 *     .limits(Limits.DEFAULTS.withPlanBytes(2_000_000_000L))
 *     .compileCache(Path.of("/var/cache/gateway"))
 *     .build();
 * Gateway gateway = Gateway.of(RuleSet.fromDirectory(rules, options), options);
 * }</pre>
 */
public final class GatewayOptions {
  private static final GatewayOptions DEFAULTS = new Builder().build();

  private final Executor executor;
  private final Limits limits;
  private final Path compileCache;
  private final boolean reuseCompiled;

  private GatewayOptions(Builder builder) {
    this.executor = builder.executor;
    this.limits = builder.limits;
    this.compileCache = builder.compileCache;
    this.reuseCompiled = builder.reuseCompiled;
  }

  /**
   * The defaults: the library's own pool of a daemon thread per core, {@link Limits#DEFAULTS}, no
   * compile cache on disk, and compiled rule sets reused within the process.
   *
   * @return the default options
   */
  public static GatewayOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts from these options.
   *
   * @return a builder holding these options
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.executor = executor;
    builder.limits = limits;
    builder.compileCache = compileCache;
    builder.reuseCompiled = reuseCompiled;
    return builder;
  }

  /**
   * Where reading a long plan, assessing one and rendering its report are spread. The calling
   * thread always takes a share of the work itself.
   *
   * @return the executor given to the builder, or the library's own pool
   */
  public Executor executor() {
    return executor != null ? executor : Parallel.sharedPool();
  }

  /**
   * The bounds on every read and every assessment.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * The directory where rules directories, once compiled, are kept by rule-set version, so that a
   * later process loading the same rules skips the compilation (about three seconds). Entries are
   * private to the user and checked like freshly compiled rules before use.
   *
   * @return the directory, or empty when compiled rule sets are not kept on disk
   */
  public Optional<Path> compileCache() {
    return Optional.ofNullable(compileCache);
  }

  /**
   * Whether a rules directory whose files are unchanged since this process last compiled them is
   * reused rather than compiled again (the process keeps the last eight rule sets it compiled).
   *
   * @return true to reuse them
   */
  public boolean reuseCompiled() {
    return reuseCompiled;
  }

  @Override
  public String toString() {
    return "GatewayOptions[executor=" + (executor == null ? "the library's own pool" : executor) + ", limits=" + limits
        + ", compileCache=" + (compileCache == null ? "none" : compileCache) + ", reuseCompiled=" + reuseCompiled + "]";
  }

  /** Builds {@link GatewayOptions}; each setting is checked as it is given. Not thread-safe. */
  public static final class Builder {
    private Executor executor;
    private Limits limits = Limits.DEFAULTS;
    private Path compileCache;
    private boolean reuseCompiled = true;

    private Builder() {}

    /**
     * Spreads the gateway's work over the application's executor rather than the library's own
     * pool. A direct executor ({@code Runnable::run}) keeps all the work on the calling thread.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException when executor is null
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /**
     * Sets the bounds on every read and assessment.
     *
     * @param limits the limits
     * @return this builder
     * @throws NullPointerException when limits is null
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits must not be null");
      return this;
    }

    /**
     * Keeps compiled rules directories in a directory, created (private to the user) when first
     * needed. See {@link GatewayOptions#compileCache()}.
     *
     * @param directory the directory
     * @return this builder
     * @throws NullPointerException when directory is null
     * @throws IllegalArgumentException when directory exists and is not a directory
     */
    public Builder compileCache(Path directory) {
      Objects.requireNonNull(directory, "compileCache must not be null; use noCompileCache() to keep none");
      if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(directory)) {
        throw new IllegalArgumentException("compileCache must be a directory, but was " + directory
            + ", which is a file");
      }
      this.compileCache = directory;
      return this;
    }

    /**
     * Keeps no compiled rule set on disk (the default).
     *
     * @return this builder
     */
    public Builder noCompileCache() {
      this.compileCache = null;
      return this;
    }

    /**
     * Whether to reuse a rule set this process has already compiled from the same files (the
     * default) or compile it again.
     *
     * @param reuse true to reuse
     * @return this builder
     */
    public Builder reuseCompiled(boolean reuse) {
      this.reuseCompiled = reuse;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public GatewayOptions build() {
      return new GatewayOptions(this);
    }
  }
}
