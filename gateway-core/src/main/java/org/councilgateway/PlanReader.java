package org.councilgateway;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.councilgateway.internal.PlanParser;
import org.councilgateway.internal.ReadLimits;

/**
 * Reads forward plans and proposals from JSON or YAML. Every problem in a proposal is reported with
 * its JSON pointer and a sentence; a bad proposal never stops the good ones. Immutable and
 * thread-safe.
 */
public final class PlanReader {
  private static final PlanReader DEFAULT = new PlanReader(ReadLimits.DEFAULTS);

  private final PlanParser parser;
  private final ReadLimits limits;

  private PlanReader(ReadLimits limits) {
    this.parser = new PlanParser(limits);
    this.limits = limits;
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
   * Reads a plan file: JSON, or YAML when its name ends in {@code .yaml} or {@code .yml}.
   *
   * @param file the file
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the file cannot be read, is not JSON or YAML, has no
   *     {@code proposals} list, a bad {@code asOf} or a top-level field the format does not define
   */
  public Plan read(Path file) {
    Objects.requireNonNull(file, "file");
    return parser.plan(readText(file, limits.maxDocumentChars()), file.toString());
  }

  /**
   * Reads a plan document.
   *
   * @param content the document
   * @param name its name in messages; a name ending in {@code .yaml} or {@code .yml} means YAML
   * @return the valid proposals and the errors of the invalid ones
   * @throws InvalidPlanException when the document is unusable
   */
  public Plan read(String content, String name) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(name, "name");
    return parser.plan(content, name);
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
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(name, "name");
    return parser.proposal(content, name);
  }

  static String readText(Path file, long maxBytes) {
    try {
      // Refuse an oversized file before reading it: the parser's own limit applies only once the
      // text is in memory.
      if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
        throw unusable(file, "is " + Files.size(file) + " bytes long, more than the " + maxBytes
            + " bytes a plan may be.");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        // The quick decoding above replaces bytes that are not UTF-8; decode strictly to tell those
        // from a replacement character the file really has.
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      }
      // A byte-order mark is not part of the document.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw unusable(file, "does not exist.");
    } catch (CharacterCodingException e) {
      throw unusable(file, "is not UTF-8 text, so it is not a JSON or YAML plan.");
    } catch (IOException e) {
      throw unusable(file, "cannot be read: " + e.getMessage() + ".");
    }
  }

  private static InvalidPlanException unusable(Path file, String message) {
    Problem problem = new Problem(file.toString(), 0, 0, message);
    return new InvalidPlanException(problem.toString(), java.util.List.of(problem));
  }
}
