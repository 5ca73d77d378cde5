package org.councilgateway.internal.write;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.List;
import org.councilgateway.Changes;
import org.councilgateway.assessment.PlanAssessment;

/**
 * Writes the meeting pack: one self-contained HTML page (inline styles; no script, font, image or
 * link outside it), from templates compiled to Java at build time. The page before the proposals,
 * each proposal's section and the page after are rendered apart, the sections on every core, and
 * written in order, so that a long plan streams. Every value goes through jte's HTML output, which
 * escapes it for where it stands.
 */
public final class MeetingPackWriter {
  private MeetingPackWriter() {}

  /**
   * Streams the pack.
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
    PackView.Details details = new PackView.Details(councilName, planName, planSha256, changes);
    String frame = render(o -> JtepackGenerated.render(o, null, PackView.head(result, details), PackView.tail(result), MARK));
    int at = frame.indexOf(MARK);
    Rendering.inOrder(List.of(frame.substring(0, at)), text -> text, out::write);
    Rendering.inOrder(result.assessments(),
        a -> render(o -> JtepacksectionGenerated.render(o, null, PackView.section(a, result, changes))), out::write);
    Rendering.inOrder(List.of(frame.substring(at + MARK.length())), text -> text, out::write);
  }

  /**
   * Where the sections go in the page around them: a NUL, which no rendered value holds (every text
   * from a plan or a rule file has its control characters escaped before it is rendered).
   */
  private static final String MARK = "\u0000";

  private interface Template {
    void render(OwaspHtmlTemplateOutput output);
  }

  private static String render(Template template) {
    StringOutput text = new StringOutput(8192);
    template.render(new OwaspHtmlTemplateOutput(text));
    return text.toString();
  }
}
