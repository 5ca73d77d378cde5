package org.councilgateway.internal.write;

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
    write(result, councilName, planName, planSha256, changes,
        (rendered, text, from, to) -> from == 0 && to == text.length() ? text : text.substring(from, to), out::write);
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
    // Text, then UTF-8 by HtmlOutput.utf8: faster than jte's byte output, which encodes each piece
    // and copies its buffers out, and than String.getBytes (measured with ReportBenchmark).
    write(result, councilName, planName, planSha256, changes, HtmlOutput::utf8, out::write);
  }

  /** How a part of what was rendered is handed on: as text or as UTF-8. */
  private interface Form<P> {
    P of(HtmlOutput rendered, String text, int from, int to);
  }

  private static <P> void write(PlanAssessment result, String councilName, String planName, String planSha256,
      Changes changes, Form<P> form, Rendering.Sink<P> out) {
    PackView.Details details = new PackView.Details(councilName, planName, planSha256, changes);
    // The routing tables hold a row of about 600 characters for each proposal.
    HtmlOutput page = new HtmlOutput(16_384 + 640 * result.assessments().size());
    // The page around the sections, rendered first; where they go noted as it is rendered.
    int[] at = new int[1];
    JtepackGenerated.render(page, null, PackView.head(result, details), PackView.tail(result),
        output -> at[0] = page.length());
    String frame = page.toString();
    Map<String, PortfolioFinding> portfolio = PackView.portfolio(result);
    Function<Assessment, P> section = a -> {
      HtmlOutput rendered = new HtmlOutput(SECTION);
      JtepacksectionGenerated.render(rendered, null, PackView.section(a, portfolio, changes));
      String text = rendered.toString();
      return form.of(rendered, text, 0, text.length());
    };
    Rendering.inOrder(List.of(form.of(page, frame, 0, at[0])), part -> part, out);
    Rendering.inOrder(result.assessments(), section, out);
    Rendering.inOrder(List.of(form.of(page, frame, at[0], frame.length())), part -> part, out);
  }

  /** The characters to make room for in a section at first: a typical one takes about 6,500. */
  private static final int SECTION = 8192;
}
