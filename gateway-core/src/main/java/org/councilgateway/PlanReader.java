package org.councilgateway;

import org.councilgateway.model.Proposal;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.councilgateway.internal.BoundedRead;
import org.councilgateway.internal.read.PlanParser;
import org.councilgateway.internal.ReadLimits;

/**
 * Reads forward plans and proposals from JSON or YAML. Every problem in a proposal is reported with
 * its JSON pointer and a sentence; a bad proposal never stops the good ones. Immutable and
 * thread-safe.
 */
public final class PlanReader {
  private static final PlanReader DEFAULT = new PlanReader(GatewayOptions.defaults());

  private final PlanParser parser;
  private final ReadLimits limits;

  private PlanReader(GatewayOptions options) {
    this.limits = ReadLimits.of(options.limits());
    this.parser = new PlanParser(limits, options.executor());
  }

  /**
   * A reader with the default limits, which accept plans of hundreds of thousands of proposals.
   *
   * @return the reader
   */
  public static PlanReader create() {
    return DEFAULT;
  }

  /**
   * A reader with the given options: of their limits, {@link Limits#planBytes()} bounds every plan,
   * whatever its source, and {@link Limits#numberDigits()} and {@link Limits#numberScale()} every
   * number in it; a long plan's proposals are read on their executor.
   *
   * @param options the options
   * @return the reader
   */
  public static PlanReader create(GatewayOptions options) {
    Objects.requireNonNull(options, "options");
    return options == GatewayOptions.defaults() ? DEFAULT : new PlanReader(options);
  }

  /**
   * Reads a plan file: JSON, or YAML when its name ends in {@code .yaml} or {@code .yml}. Only a
   * regular file is read, and no more of it than {@link Limits#planBytes()}.
   *
   * @param file the file
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the file does not exist, is not a regular file (a directory,
   *     a device or a pipe), is larger than the limit, cannot be read, is not JSON or YAML, has no
   *     {@code proposals} list, a bad {@code asOf} or a top-level field the format does not define
   */
  public Plan read(Path file) {
    Objects.requireNonNull(file, "file");
    return parser.plan(BoundedRead.text(file, limits.maxDocumentChars(), "plan"), file.toString(), null);
  }

  /**
   * Reads a plan from a stream, such as standard input, to its end; no more of it than
   * {@link Limits#planBytes()}. The stream is not closed.
   *
   * @param in the stream, UTF-8
   * @param name its name in messages; a name ending in {@code .yaml} or {@code .yml} means YAML,
   *     any other name means JSON when the plan starts with <code>{</code> and YAML otherwise
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the stream cannot be read, is larger than the limit or the
   *     plan is unusable
   */
  public Plan readStream(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return parser.plan(BoundedRead.text(in, name, limits.maxDocumentChars(), "plan"), name, null);
  }

  /** The formats a plan or proposal is written in. */
  public enum Format {
    /** JSON. */
    JSON,
    /** YAML (1.1, as SnakeYAML reads it; aliases are refused). */
    YAML
  }

  /**
   * Reads a plan document, guessing its format: YAML when its name ends in {@code .yaml} or
   * {@code .yml}, JSON when it ends in {@code .json}, else JSON when the document starts with
   * <code>{</code> or {@code [} and YAML otherwise. Give the format with
   * {@link #read(String, Format, String)} when you know it.
   *
   * @param content the document
   * @param name its name in messages
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan read(String content, String name) {
    return parser.plan(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"), null);
  }

  /**
   * Reads a plan document in the given format, whatever its name.
   *
   * @param content the document
   * @param format its format
   * @param name its name in messages
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan read(String content, Format format, String name) {
    return parser.plan(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"), isYaml(format));
  }

  /**
   * Reads a single proposal, given as a JSON or YAML object.
   *
   * @param content the proposal
   * @param name its name in messages
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   */
  public Proposal readProposal(String content, String name) {
    return parser.proposal(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"), null);
  }

  /**
   * Reads a single proposal in the given format.
   *
   * @param content the proposal
   * @param format its format
   * @param name its name in messages
   * @return the proposal
   * @throws InvalidPlanException with every problem when it is invalid
   */
  public Proposal readProposal(String content, Format format, String name) {
    return parser.proposal(Objects.requireNonNull(content, "content"), Objects.requireNonNull(name, "name"),
        isYaml(format));
  }

  private static boolean isYaml(Format format) {
    return Objects.requireNonNull(format, "format") == Format.YAML;
  }
}
