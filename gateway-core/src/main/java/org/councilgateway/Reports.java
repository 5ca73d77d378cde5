package org.councilgateway;

import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.internal.Text;
import org.councilgateway.internal.write.Catalogue;
import org.councilgateway.internal.write.CatalogueChanges;
import org.councilgateway.internal.write.JsonReport;
import org.councilgateway.internal.write.TextReport;

/**
 * Writes assessments as JSON (the public format described in docs/formats.md) or as text for
 * people, and a rule set's catalogue as Markdown or HTML.
 */
public final class Reports {
  private Reports() {}

  /**
   * Writes a plan's assessment as JSON: two-space indentation, a final newline, and the same bytes
   * for the same input and rule set.
   *
   * @param result the assessment
   * @return the JSON text
   */
  public static String json(PlanAssessment result) {
    return JsonReport.write(result);
  }

  /**
   * Streams a plan's assessment as JSON, for plans too large to hold their output in one string.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void json(PlanAssessment result, java.io.Writer out) {
    JsonReport.write(result, out);
  }

  /**
   * Streams a plan's assessment as JSON in UTF-8: the same bytes as {@link #json(PlanAssessment)}
   * encoded, written faster than through a {@link java.io.Writer}.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void json(PlanAssessment result, java.io.OutputStream out) {
    JsonReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Streams a plan's assessment as JSON with what changed since an earlier assessment: a top-level
   * {@code since} object (the earlier date, rule set version and the proposals withdrawn) and on
   * every assessment a {@code changes} object (status, the fields that changed, the findings added
   * and removed), as docs/formats.md describes.
   *
   * @param result the assessment
   * @param changes what changed, from {@link Changes#since} or {@link Changes#between}
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void json(PlanAssessment result, Changes changes, java.io.Writer out) {
    JsonReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(changes, "changes"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Streams a plan's assessment as JSON with what changed, in UTF-8: the same bytes as
   * {@link #json(PlanAssessment, Changes, java.io.Writer)} encoded.
   *
   * @param result the assessment
   * @param changes what changed
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void json(PlanAssessment result, Changes changes, java.io.OutputStream out) {
    JsonReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(changes, "changes"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Streams a plan's assessment as text with a "Changes since" section after the summary (what is
   * new, changed and withdrawn) and a line under each new or changed proposal.
   *
   * @param result the assessment
   * @param changes what changed
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void text(PlanAssessment result, Changes changes, java.io.Writer out) {
    TextReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(changes, "changes"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Streams a plan's assessment as text with what changed, in UTF-8, as
   * {@link #text(PlanAssessment, Changes, java.io.Writer)} writes it.
   *
   * @param result the assessment
   * @param changes what changed
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void text(PlanAssessment result, Changes changes, java.io.OutputStream out) {
    TextReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(changes, "changes"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Writes what a change to the rules would change as JSON: {@code base} and {@code rules} (the two
   * versions), {@code asOf}, {@code proposals} (each whose outcome differs: {@code proposalId},
   * {@code title}, {@code fields}, {@code added}, {@code removed}, and {@code scenario} when it comes
   * from a scenario file) and {@code portfolio} ({@code added}, {@code removed}), as
   * docs/formats.md describes.
   *
   * @param diff the diff
   * @param out where to write; flushed, not closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void json(Diff diff, java.io.Writer out) {
    org.councilgateway.internal.write.DiffReport.json(java.util.Objects.requireNonNull(diff, "diff"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Writes what a change to the rules would change as text: both versions, a count, and a line per
   * proposal whose outcome differs.
   *
   * @param diff the diff
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void text(Diff diff, java.io.Writer out) {
    org.councilgateway.internal.write.DiffReport.text(java.util.Objects.requireNonNull(diff, "diff"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Writes what a change to the rules would change as one self-contained HTML page in the meeting
   * pack's style, for a policy officer to attach to a change request.
   *
   * @param diff the diff
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void html(Diff diff, java.io.Writer out) {
    org.councilgateway.internal.write.DiffReport.html(java.util.Objects.requireNonNull(diff, "diff"),
        java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Writes one proposal's assessment as text, as the plan's text report shows it: its
   * classification, route and key decision, scope reasons, impacts, EIA, challenges, the
   * portfolio findings that involve it and its warnings.
   *
   * @param assessment the assessment
   * @return the text, ending in a newline
   */
  public static String text(Assessment assessment) {
    return TextReport.write(java.util.Objects.requireNonNull(assessment, "assessment"));
  }

  /**
   * Writes one proposal's assessment as JSON.
   *
   * @param assessment the assessment
   * @return the JSON text
   */
  public static String json(Assessment assessment) {
    return JsonReport.write(assessment);
  }

  /**
   * Writes a plan's assessment as text: per proposal, the classification and route, then impacts,
   * EIA and challenges, each with its reason; then the findings across the plan; then the errors.
   *
   * @param result the assessment
   * @return the text
   */
  public static String text(PlanAssessment result) {
    return TextReport.write(result);
  }

  /**
   * Streams a plan's assessment as text, as {@link #text(PlanAssessment)} returns it.
   *
   * @param result the assessment
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void text(PlanAssessment result, java.io.Writer out) {
    TextReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Streams a plan's assessment as text in UTF-8, as {@link #text(PlanAssessment)} returns it.
   *
   * @param result the assessment
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void text(PlanAssessment result, java.io.OutputStream out) {
    TextReport.write(java.util.Objects.requireNonNull(result, "result"), java.util.Objects.requireNonNull(out, "out"));
  }

  /**
   * Writes a rule set's catalogue as Markdown, for publication: every rule that decides something
   * with its id, name, the finding codes it records, description and source, grouped by concern;
   * the reference data in tables, numbers with thousands separators (350,000, whatever the default
   * locale); and last an appendix of the helper rules, which record no finding and only prepare
   * facts for other rules.
   *
   * @param rules the rule set
   * @return the Markdown text
   */
  public static String catalogueMarkdown(RuleSet rules) {
    java.util.Objects.requireNonNull(rules, "rules");
    return Catalogue.markdown(rules, rules.compiled()::detail);
  }

  /**
   * Writes a rule set's catalogue as a standalone HTML page for the council's site, with the same
   * content as {@link #catalogueMarkdown(RuleSet)}.
   *
   * @param rules the rule set
   * @return the HTML text
   */
  public static String catalogueHtml(RuleSet rules) {
    java.util.Objects.requireNonNull(rules, "rules");
    return Catalogue.html(rules, rules.compiled()::detail);
  }

  /**
   * Writes, as Markdown, what a proposed rule set changes against the live one, for a committee to
   * approve: the rules added and removed (matched by {@code @id}, each with its name, finding
   * codes, description and source); for each rule both hold, what changed in it (its name, file,
   * description, source, finding codes or attributes, old and new, and whether what it looks for or
   * what it does changed, spacing aside); and each reference data entry added, removed or changed
   * (such as {@code settings.keyDecisionValue: 350,000 \u2192 500,000}). When nothing differs, one
   * sentence says so.
   *
   * @param live the rule set in use
   * @param proposed the rule set proposed to replace it
   * @return the Markdown text
   */
  public static String catalogueChangesMarkdown(RuleSet live, RuleSet proposed) {
    java.util.Objects.requireNonNull(live, "live");
    java.util.Objects.requireNonNull(proposed, "proposed");
    return CatalogueChanges.markdown(live, live.compiled()::detail, proposed, proposed.compiled()::detail);
  }

  /**
   * Writes what a proposed rule set changes against the live one as a standalone HTML page, with the
   * same content as {@link #catalogueChangesMarkdown(RuleSet, RuleSet)}.
   *
   * @param live the rule set in use
   * @param proposed the rule set proposed to replace it
   * @return the HTML text
   */
  public static String catalogueChangesHtml(RuleSet live, RuleSet proposed) {
    java.util.Objects.requireNonNull(live, "live");
    java.util.Objects.requireNonNull(proposed, "proposed");
    return CatalogueChanges.html(live, live.compiled()::detail, proposed, proposed.compiled()::detail);
  }

  /**
   * Writes, as Markdown, what a rule can read, generated from the model so that it never drifts: every
   * field of a proposal with its type and allowed values, the types they lead to, the helpers a rule
   * may call, the methods of {@code findings}, and the facts the gateway inserts with their fields.
   *
   * @return the Markdown text
   */
  public static String fieldsMarkdown() {
    return org.councilgateway.internal.write.FieldReference.markdown();
  }

  /**
   * Writes, as Markdown, what a rule of a rule set can read: {@link #fieldsMarkdown()}, then the
   * local fields and local settings its reference data declares, with their types, meanings and
   * (for a setting) values.
   *
   * @param rules the rule set
   * @return the Markdown text
   */
  public static String fieldsMarkdown(RuleSet rules) {
    return org.councilgateway.internal.write.FieldReference.markdown(
        java.util.Objects.requireNonNull(rules, "rules").referenceData());
  }

  /**
   * Escapes text the way every report does before showing it: each control character (a newline,
   * ESC, DEL and the rest) as a backslash, {@code u} and four hex digits, so that no value from a
   * plan or a rule file can start a line of its own or act on a terminal. For an application that
   * shows messages of its own beside the reports.
   *
   * @param text the text, or null
   * @return the text with control characters escaped; the same string when it has none
   */
  public static String escape(String text) {
    return Text.escape(text);
  }

  /**
   * Writes a plan's assessment as CSV, every finding one row, for people who filter in a
   * spreadsheet. The header is {@code proposalId,title,kind,code,target,ruleId,source,message};
   * {@code kind} is one of {@code SCOPE} (the scope reasons, then the {@code KEY_DECISION} reason),
   * {@code IMPACT}, {@code EIA} (a row per reason of each kind required: the reason's code, the kind
   * as target, no rule id or source), {@code EIA_ACTION}, {@code CHALLENGE}, {@code PORTFOLIO} (once
   * per proposal a finding names, the finding's id as target), {@code WARNING} and {@code ERROR} (the
   * error's path as target). Rows come in the JSON report's order, the errors last. RFC 4180: each
   * row ends in CRLF, and a cell with a comma or a double quote is quoted. Every cell is escaped as
   * {@link #escape(String)} escapes, so none spans lines, and a cell beginning with {@code =},
   * {@code +}, {@code -} or {@code @} gets a leading {@code '}, so that a spreadsheet never runs it
   * as a formula.
   *
   * @param result the assessment
   * @return the CSV text: the header, then a row per finding
   * @throws NullPointerException when {@code result} is null
   */
  public static String csv(PlanAssessment result) {
    return org.councilgateway.internal.write.CsvReport.write(java.util.Objects.requireNonNull(result, "result"));
  }

  /**
   * Streams a plan's assessment as CSV, as {@link #csv(PlanAssessment)} returns it, for plans too
   * large to hold their output in one string.
   *
   * @param result the assessment
   * @param out where to write; flushed, not closed
   * @throws NullPointerException when {@code result} or {@code out} is null
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void csv(PlanAssessment result, java.io.Writer out) {
    org.councilgateway.internal.write.CsvReport.write(java.util.Objects.requireNonNull(result, "result"),
        java.util.Objects.requireNonNull(out, "out"));
  }
}
