package org.councilgateway.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.councilgateway.Changes;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;

/**
 * Writes the meeting pack: one self-contained HTML page (inline styles; no script, font, image or
 * link outside it), from templates compiled to Java at build time. The page around the proposals
 * and each proposal's section are rendered apart, the sections on every core, and written in order,
 * so that a long plan streams. Every value goes through {@link HtmlOutput}, which escapes it for where
 * it stands, its control characters made visible in the same pass.
 */
public final class MeetingPackWriter {
  private MeetingPackWriter() {}

  /**
   * Streams the pack as text.
   *
   * @param result the assessment
   * @param councilName the council's name, or null
   * @param planName the plan file's name
   * @param planSha256 the plan file's SHA-256 in hex, or null when unknown
   * @param changes what changed since an earlier assessment, or null
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, String councilName, String planName, String planSha256,
      Changes changes, java.io.Writer out) {
    write(result, councilName, planName, planSha256, changes, text -> text, out::write);
  }

  /**
   * Streams the pack as UTF-8: the same bytes as the text {@link #write(PlanAssessment, String,
   * String, String, Changes, java.io.Writer)} writes, encoded, each section encoded as soon as it
   * is rendered, on the thread that rendered it.
   *
   * @param result the assessment
   * @param councilName the council's name, or null
   * @param planName the plan file's name
   * @param planSha256 the plan file's SHA-256 in hex, or null when unknown
   * @param changes what changed since an earlier assessment, or null
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, String councilName, String planName, String planSha256,
      Changes changes, java.io.OutputStream out) {
    // Text then UTF-8 in one intrinsic step: faster than jte's byte output, which encodes each
    // piece and copies its buffers out (measured with ReportBenchmark).
    write(result, councilName, planName, planSha256, changes, text -> text.getBytes(StandardCharsets.UTF_8),
        out::write);
  }

  private static <P> void write(PlanAssessment result, String councilName, String planName, String planSha256,
      Changes changes, Function<String, P> encode, Rendering.Sink<P> out) {
    PackView.Details details = new PackView.Details(councilName, planName, planSha256, changes);
    // The routing tables hold a row of about 600 characters for each proposal.
    HtmlOutput page = new HtmlOutput(16_384 + 640 * result.assessments().size());
    JtepackGenerated.render(page, null, PackView.head(result, details), PackView.tail(result), MARK);
    String frame = page.toString();
    int at = frame.indexOf(MARK);
    Map<String, PortfolioFinding> portfolio = PackView.portfolio(result);
    Function<Assessment, P> section = a -> {
      HtmlOutput text = new HtmlOutput(SECTION);
      JtepacksectionGenerated.render(text, null, PackView.section(a, portfolio, changes));
      return encode.apply(text.toString());
    };
    Rendering.inOrder(List.of(frame.substring(0, at)), encode, out);
    Rendering.inOrder(result.assessments(), section, out);
    Rendering.inOrder(List.of(frame.substring(at + MARK.length())), encode, out);
  }

  /** The characters to make room for in a section at first: a typical one takes about 6,500. */
  private static final int SECTION = 8192;

  /**
   * Where the sections go in the page around them: a NUL, which no rendered value holds ({@link
   * HtmlOutput} escapes every control character in text, and the page's only attributes from a plan,
   * its links, are percent-encoded).
   */
  private static final String MARK = "\u0000";
}
