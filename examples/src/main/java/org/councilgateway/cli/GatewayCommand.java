package org.councilgateway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.councilgateway.GatewayOptions;
import java.util.List;
import org.councilgateway.Gateway;
import org.councilgateway.GatewayException;
import org.councilgateway.Limits;
import org.councilgateway.Reports;
import org.councilgateway.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gateway} command: assess a forward plan, and validate, test and document rule sets.
 * It only wires the reader, the gateway and the writers together.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true, versionProvider = GatewayCommand.Version.class,
    description = "Puts proposed commissioning projects through the council's programme gateway.",
    subcommands = {AssessCommand.class, ValidateCommand.class, TestCommand.class, DocsCommand.class, DiffCommand.class,
        TemplateCommand.class, ImportCommand.class, InitCommand.class,
        CommandLine.HelpCommand.class})
public final class GatewayCommand implements Runnable {
  /** Exit code: all good. */
  static final int OK = 0;
  /** Exit code: some input was invalid, or some check failed. */
  static final int FAILED = 1;
  /** Exit code: the input or the rules cannot be used at all. */
  static final int UNUSABLE = 2;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces for unexpected errors.")
  boolean debug;

  /**
   * The limits of this run: the defaults, raised with {@code --limit NAME=VALUE}. One command runs
   * per process; {@link #run} resets them.
   */
  private static volatile Limits limits = Limits.DEFAULTS;
  /** Where this run keeps compiled rules directories, or null for nowhere. */
  private static volatile Path compileCache;

  @Option(names = "--limit", scope = ScopeType.INHERIT, paramLabel = "NAME=VALUE",
      description = "Raise (or lower) a limit on reading and assessing, e.g. --limit planBytes=2000000000 "
          + "or --limit assessmentTime=10m. The limits and their defaults: ${sys:gateway.limitNames}.")
  void limit(java.util.Map<String, String> values) {
    Limits chosen = limits;
    for (java.util.Map.Entry<String, String> entry : values.entrySet()) {
      chosen = LimitOption.apply(chosen, entry.getKey(), entry.getValue(), spec.commandLine());
    }
    limits = chosen;
  }

  /** The limits of this run. */
  static Limits limits() {
    return limits;
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * The bytes behind {@code out}, when there are any: a report of megabytes is written there as
   * UTF-8 directly rather than through the writer. Null when the output is only a writer (in tests).
   */
  java.io.OutputStream bytesOut;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and returns the exit code, never throwing.
   *
   * @param args the arguments
   * @return the exit code
   */
  static int run(String... args) {
    // Buffered, not flushed per line: a large plan's output is megabytes.
    java.io.OutputStream bytes = new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
    PrintWriter out = new PrintWriter(new java.io.BufferedWriter(
        new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8), 1 << 16), false);
    int code = run(out, new PrintWriter(System.err, true), bytes, args);
    try {
      bytes.flush();
    } catch (java.io.IOException e) {
      // Nothing more can be said on a closed standard output.
    }
    return code;
  }

  static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, null, args);
  }

  private static int run(PrintWriter out, PrintWriter err, java.io.OutputStream bytesOut, String... args) {
    compileCache = compileCacheDirectory();
    limits = Limits.DEFAULTS;
    System.setProperty("gateway.limitNames", LimitOption.describe(Limits.DEFAULTS));
    GatewayCommand root = new GatewayCommand();
    root.bytesOut = bytesOut;
    CommandLine line = new CommandLine(root);
    line.registerConverter(java.time.LocalDate.class, text -> {
      try {
        return java.time.LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a date in the form yyyy-MM-dd");
      }
    });
    line.setOut(out);
    line.setErr(err);
    // A bad argument is echoed in picocli's message: escape whatever control characters it holds.
    CommandLine.IParameterExceptionHandler standard = line.getParameterExceptionHandler();
    line.setParameterExceptionHandler((e, arguments) -> {
      String escaped = Reports.escape(e.getMessage());
      return standard.handleParseException(escaped.equals(e.getMessage()) ? e
          : new CommandLine.ParameterException(e.getCommandLine(), escaped), arguments);
    });
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof GatewayException g) {
        err.println(g.describe());
        return UNUSABLE;
      }
      err.println("gateway: unexpected error: " + Reports.escape(String.valueOf(e))
          + (root.debug ? "" : " (run again with --debug for details)"));
      if (root.debug) {
        e.printStackTrace(err);
      }
      return 3;
    });
    int code;
    try {
      code = line.execute(args);
    } catch (Throwable e) {
      // An Error (such as a missing class) escapes picocli's handler; the user still gets one sentence.
      boolean debug = List.of(args).contains("--debug");
      err.println("gateway: unexpected error: " + Reports.escape(String.valueOf(e))
          + (debug ? "" : " (run again with --debug for details)"));
      if (debug) {
        e.printStackTrace(err);
      }
      code = 3;
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Where this run keeps compiled rules directories, so that the next run on unchanged rules skips
   * the compilation: {@code $GATEWAY_COMPILE_CACHE}, else {@code $XDG_CACHE_HOME/councilgateway},
   * else {@code ~/.cache/councilgateway}; {@code GATEWAY_COMPILE_CACHE=off} turns it off (null).
   */
  static Path compileCacheDirectory() {
    String chosen = System.getenv("GATEWAY_COMPILE_CACHE");
    if ("off".equals(chosen)) {
      return null;
    }
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "councilgateway");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "councilgateway");
  }

  /** The options of this run: its limits and compile cache. */
  static GatewayOptions options() {
    GatewayOptions.Builder options = GatewayOptions.builder().limits(limits);
    Path cache = compileCache;
    if (cache != null) {
      try {
        options.compileCache(cache);
      } catch (IllegalArgumentException e) {
        org.slf4j.LoggerFactory.getLogger(GatewayCommand.class).warn("Compiling without the compile cache: {}",
            Reports.escape(e.getMessage()));
      }
    }
    return options.build();
  }

  /** The rule set to use: the bundled rules, or a rules directory. */
  static RuleSet ruleSet(Path rules) {
    return rules == null ? RuleSet.bundled() : RuleSet.fromDirectory(rules, options());
  }

  /** A gateway on {@link #ruleSet(Path)}. */
  static Gateway gateway(Path rules) {
    return Gateway.of(ruleSet(rules), options());
  }

  /**
   * Says in one sentence, on {@code err}, why an output file could not be written, for every command
   * that writes one.
   *
   * @param err where to say it
   * @param file the file that could not be written
   * @param e why
   * @return {@link #UNUSABLE}
   */
  static int unwritable(PrintWriter err, java.nio.file.Path file, java.io.IOException e) {
    String why = e instanceof java.nio.file.NoSuchFileException ? "the folder it would be in does not exist"
        : e instanceof java.nio.file.AccessDeniedException ? "permission is denied"
        : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : String.valueOf(e.getMessage());
    err.println(new org.councilgateway.Problem(file.toString(), 0, 0, "cannot be written: " + why + "."));
    return UNUSABLE;
  }

  /** The command's version, from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = GatewayCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gateway " + (version == null ? "development build" : version)};
    }
  }
}
