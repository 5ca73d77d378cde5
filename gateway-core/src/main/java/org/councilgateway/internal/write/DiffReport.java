package org.councilgateway.internal.write;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.councilgateway.Diff;
import org.councilgateway.assessment.Change;
import org.councilgateway.internal.Text;

/**
 * Writes what a change to the rules would change: as JSON (the form of docs/formats.md), as text,
 * and as an HTML page in the meeting pack's style for a change request.
 */
public final class DiffReport {
  private DiffReport() {}

  /**
   * Writes the diff as JSON: {@code base}, {@code rules}, {@code asOf} (when one date holds for all),
   * {@code proposals} (each differing one: {@code scenario} when from a scenario file,
   * {@code proposalId}, {@code title}, {@code fields}, {@code added}, {@code removed}) and
   * {@code portfolio} ({@code added}, {@code removed}); two-space indentation and a final newline.
   *
   * @param diff the diff
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void json(Diff diff, Writer out) {
    try (JsonGenerator g = JsonReport.GENERATORS.createGenerator(out)) {
      g.setPrettyPrinter(new JsonReport.Printer());
      g.writeStartObject();
      g.writeStringField("base", diff.baseVersion());
      g.writeStringField("rules", diff.rulesVersion());
      if (diff.asOf() != null) {
        g.writeStringField("asOf", diff.asOf().toString());
      }
      g.writeArrayFieldStart("proposals");
      for (Diff.Entry entry : diff.proposals()) {
        g.writeStartObject();
        if (entry.scenario() != null) {
          g.writeStringField("scenario", entry.scenario());
        }
        g.writeStringField("proposalId", entry.proposalId());
        g.writeStringField("title", entry.title());
        JsonReport.fields(g, entry.change());
        JsonReport.strings(g, "added", entry.change().added());
        JsonReport.strings(g, "removed", entry.change().removed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("portfolio");
      JsonReport.strings(g, "added", diff.portfolioAdded());
      JsonReport.strings(g, "removed", diff.portfolioRemoved());
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the diff as text: a heading with both versions and the date, a count, then a line per
   * differing proposal and per finding across the plan added or removed.
   *
   * @param diff the diff
   * @param out where to write; not flushed or closed
   * @throws UncheckedIOException when writing fails
   */
  public static void text(Diff diff, Writer out) {
    StringBuilder text = new StringBuilder();
    text.append("What the rule change would change\n");
    text.append("Base rules ").append(esc(diff.baseVersion())).append('\n');
    text.append("New rules  ").append(esc(diff.rulesVersion())).append('\n');
    if (diff.asOf() != null) {
      text.append("As of ").append(diff.asOf()).append('\n');
    }
    if (diff.isEmpty()) {
      text.append("No proposal would get a different answer, and no finding across the plan would change.\n");
    } else {
      text.append(diff.proposals().size()).append(" proposal(s) would get a different answer; findings across the plan: ")
          .append(diff.portfolioAdded().size()).append(" added, ").append(diff.portfolioRemoved().size())
          .append(" removed.\n");
      for (Diff.Entry entry : diff.proposals()) {
        text.append("  ");
        if (entry.scenario() != null) {
          text.append(esc(entry.scenario())).append(": ");
        }
        text.append(esc(entry.proposalId())).append(' ').append(esc(entry.title())).append(": ")
            .append(TextReport.describe(entry.change())).append('\n');
      }
      for (String key : diff.portfolioAdded()) {
        text.append("  Across the plan, added: ").append(esc(key)).append('\n');
      }
      for (String key : diff.portfolioRemoved()) {
        text.append("  Across the plan, removed: ").append(esc(key)).append('\n');
      }
    }
    try {
      out.write(text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the diff as a self-contained HTML page in the meeting pack's style.
   *
   * @param diff the diff
   * @param out where to write; not flushed or closed
   * @throws UncheckedIOException when writing fails
   */
  public static void html(Diff diff, Writer out) {
    HtmlOutput page = new HtmlOutput(8192 + 512 * diff.proposals().size());
    JtediffGenerated.render(page, null, view(diff));
    try {
      out.write(page.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A differing proposal as the page shows it. */
  record Row(String scenario, String proposalId, String title, List<PackView.Item> fields, String added, String removed) {}

  /** The page. */
  record View(String baseVersion, String rulesVersion, String asOf, List<Row> proposals, List<String> portfolioAdded,
      List<String> portfolioRemoved) {}

  /** The page's values as they are: {@link HtmlOutput} escapes them, control characters included. */
  private static View view(Diff diff) {
    List<Row> rows = new ArrayList<>(diff.proposals().size());
    for (Diff.Entry entry : diff.proposals()) {
      Change change = entry.change();
      List<PackView.Item> fields = new ArrayList<>(change.fields().size());
      for (Change.Field f : change.fields()) {
        fields.add(new PackView.Item(f.name(), f.before() + " to " + f.after()));
      }
      rows.add(new Row(entry.scenario(), entry.proposalId(), entry.title(), fields, String.join(", ", change.added()),
          String.join(", ", change.removed())));
    }
    return new View(diff.baseVersion(), diff.rulesVersion(), diff.asOf() == null ? null : PackView.date(diff.asOf()),
        rows, diff.portfolioAdded(), diff.portfolioRemoved());
  }

  private static String esc(String text) {
    return Text.escape(text);
  }
}
