package org.councilgateway.internal.write;

import org.councilgateway.internal.Text;
import java.util.List;
import java.util.stream.Collectors;
import org.councilgateway.Changes;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.Classification;
import org.councilgateway.assessment.Gate;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.EiaOutcome;
import org.councilgateway.assessment.Finding;
import org.councilgateway.InputError;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.Warning;

/** Writes results as text for a person reading a terminal or a meeting paper. */
public final class TextReport {
  private TextReport() {}

  /**
   * Writes a plan's assessment: each proposal's classification and route, then its impacts, EIA and
   * challenges, each with its reason; then the findings across the plan; then the errors.
   *
   * @param result the assessment
   * @return the text, ending in a newline
   */
  public static String write(PlanAssessment result) {
    java.io.StringWriter out = new java.io.StringWriter();
    write(result, out);
    return out.toString();
  }

  /**
   * Streams a plan's assessment as {@link #write(PlanAssessment)} does; a long plan's proposals
   * are rendered on every core.
   *
   * @param result the assessment
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.Writer out) {
    write(result, null, text -> text, out::write);
  }

  /**
   * Streams a plan's assessment with a "Changes since" section after the summary, and each changed
   * proposal marked.
   *
   * @param result the assessment
   * @param changes what changed since an earlier assessment, or null for the plain report
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, Changes changes, java.io.Writer out) {
    write(result, changes, text -> text, out::write);
  }

  /**
   * Streams a plan's assessment with what changed as UTF-8.
   *
   * @param result the assessment
   * @param changes what changed since an earlier assessment, or null for the plain report
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, Changes changes, java.io.OutputStream out) {
    write(result, changes, text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8), out::write);
  }

  /**
   * Streams a plan's assessment as UTF-8, as {@link #write(PlanAssessment)} returns it.
   *
   * @param result the assessment
   * @param out where to write; not flushed or closed
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(PlanAssessment result, java.io.OutputStream out) {
    write(result, null, text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8), out::write);
  }

  private static <P> void write(PlanAssessment result, Changes changes, java.util.function.Function<String, P> encode,
      Rendering.Sink<P> out) {
    StringBuilder head = new StringBuilder();
    head.append("Programme gateway assessment as of ").append(result.asOf()).append('\n');
    head.append("Rule set ").append(esc(result.ruleSetVersion())).append('\n');
    long councilWide = result.assessments().stream()
        .filter(a -> a.classification() == Classification.COUNCIL_WIDE).count();
    head.append(result.assessments().size()).append(" proposal(s) assessed: ").append(councilWide)
        .append(" council-wide, ").append(result.assessments().size() - councilWide).append(" single-directorate; ")
        .append(result.portfolio().size()).append(" finding(s) across the plan; ")
        .append(result.errors().stream().map(InputError::index).distinct().count()).append(" proposal(s) with errors.\n");
    readiness(head, result.assessments());
    if (changes != null) {
      changes(head, result, changes);
    }
    Rendering.inOrder(List.of(head.toString()), encode, out);
    Rendering.inOrder(result.assessments(), a -> {
      StringBuilder text = new StringBuilder(1024).append('\n');
      assessment(text, a);
      if (changes != null) {
        Change change = changes.of(a.proposalId());
        if (change != null && change.status() != Change.Status.UNCHANGED) {
          text.append("  ").append(change.status() == Change.Status.NEW ? "New since " : "Changed since ")
              .append(changes.asOf()).append(change.status() == Change.Status.NEW ? "" : ": " + describe(change))
              .append('\n');
        }
      }
      return encode.apply(text.toString());
    }, out);
    Rendering.inOrder(List.of(result.portfolio().isEmpty()
        ? "\nAcross the forward plan\n  No overlaps, shared providers or cumulative cuts found.\n"
        : "\nAcross the forward plan\n"), encode, out);
    Rendering.inOrder(result.portfolio(), p -> encode.apply("  " + esc(p.id()) + ' ' + esc(p.code()) + ": "
        + esc(String.join(", ", p.proposalIds())) + "\n      " + esc(p.message()) + " [" + esc(p.ruleId()) + "]\n"), out);
    if (!result.errors().isEmpty()) {
      StringBuilder errors = new StringBuilder("\nNot assessed: errors in the plan\n");
      for (InputError e : result.errors()) {
        errors.append("  proposal ").append(e.index());
        if (e.proposalId() != null) {
          errors.append(" (").append(esc(e.proposalId())).append(')');
        }
        errors.append(' ').append(esc(e.path()));
        if (e.location() != null) {
          errors.append(" (").append(esc(e.location())).append(')');
        }
        errors.append(": ").append(esc(e.message())).append('\n');
      }
      Rendering.inOrder(List.of(errors.toString()), encode, out);
    }
  }

  /**
   * Renders one proposal's assessment as the plan report shows it.
   *
   * @param assessment the assessment
   * @return the text, ending in a newline
   */
  public static String write(Assessment assessment) {
    StringBuilder out = new StringBuilder();
    assessment(out, assessment);
    return out.toString();
  }

  /**
   * For a plan whose proposals give their stage, which are not ready for it and why, at the top, so
   * the commissioning group sees it at a glance. Nothing for a plan without stages.
   */
  private static void readiness(StringBuilder out, List<Assessment> assessments) {
    List<Assessment> staged = assessments.stream().filter(a -> a.gate() != null).toList();
    if (staged.isEmpty()) {
      return;
    }
    List<Assessment> blocked = staged.stream().filter(a -> !a.gate().ready()).toList();
    out.append("Readiness at the gate: ").append(blocked.size()).append(" of ").append(staged.size())
        .append(" proposal(s) with a stage not ready for it.\n");
    for (Assessment a : blocked) {
      out.append("  ").append(esc(a.proposalId())).append(' ');
      gate(out, a.gate());
    }
  }

  /** The "Changes since" section: counts, then each new, changed and withdrawn proposal. */
  private static void changes(StringBuilder out, PlanAssessment result, Changes changes) {
    out.append("\nChanges since ").append(changes.asOf()).append(" (rule set ").append(esc(changes.ruleSetVersion()))
        .append("): ").append(changes.count(Change.Status.NEW)).append(" new, ")
        .append(changes.count(Change.Status.CHANGED)).append(" changed, ")
        .append(changes.count(Change.Status.UNCHANGED)).append(" unchanged, ")
        .append(changes.withdrawn().size()).append(" withdrawn.\n");
    for (Assessment a : result.assessments()) {
      Change change = changes.of(a.proposalId());
      if (change.status() == Change.Status.NEW) {
        out.append("  New: ").append(esc(a.proposalId())).append(' ').append(esc(a.proposal().title())).append('\n');
      } else if (change.status() == Change.Status.CHANGED) {
        out.append("  Changed: ").append(esc(a.proposalId())).append(' ').append(esc(a.proposal().title()))
            .append(": ").append(describe(change)).append('\n');
      }
    }
    for (String id : changes.withdrawn()) {
      out.append("  Withdrawn: ").append(esc(id)).append('\n');
    }
    if (!changes.portfolioAdded().isEmpty()) {
      out.append("  Across the plan, added: ").append(esc(String.join("; ", changes.portfolioAdded()))).append('\n');
    }
    if (!changes.portfolioRemoved().isEmpty()) {
      out.append("  Across the plan, removed: ").append(esc(String.join("; ", changes.portfolioRemoved()))).append('\n');
    }
  }

  /** A change in one line: the fields from and to, then the findings added and removed. */
  static String describe(Change change) {
    List<String> parts = new java.util.ArrayList<>();
    for (Change.Field field : change.fields()) {
      parts.add(field.name() + " " + field.before() + " to " + field.after());
    }
    if (!change.added().isEmpty()) {
      parts.add("added " + String.join(", ", change.added()));
    }
    if (!change.removed().isEmpty()) {
      parts.add("removed " + String.join(", ", change.removed()));
    }
    return esc(String.join("; ", parts));
  }

  private static void gate(StringBuilder out, Gate gate) {
    if (gate.ready()) {
      out.append("Ready for ").append(gate.stage()).append('\n');
    } else {
      out.append("Not ready for ").append(gate.stage()).append(": ").append(esc(String.join(", ", gate.blockers())))
          .append('\n');
    }
  }

  private static void assessment(StringBuilder out, Assessment a) {
    out.append(esc(a.proposalId())).append(": ").append(a.classification()).append(", route ").append(a.route())
        .append(a.keyDecision() ? ", key decision" : "").append('\n');
    out.append("  ").append(esc(a.proposal().title())).append("; ").append(value(a.proposal().annualValue()))
        .append('\n');
    if (a.gate() != null) {
      out.append("  ");
      gate(out, a.gate());
    }
    if (!a.scopeReasons().isEmpty()) {
      out.append("  Scope: ").append(esc(String.join(", ", a.scopeReasonCodes()))).append('\n');
    }
    section(out, "Impacts", a.impacts());
    eia(out, a.eia());
    section(out, "Challenges", a.challenges());
    if (!a.portfolio().isEmpty()) {
      out.append("  Across the plan: ")
          .append(esc(a.portfolio().stream().map(r -> r.id() + " " + r.code()).collect(Collectors.joining(", "))))
          .append('\n');
    }
    for (Warning w : a.warnings()) {
      out.append("  Warning ").append(esc(w.code())).append(' ').append(esc(w.target())).append(": ").append(esc(w.message()))
          .append('\n');
    }
  }

  /** An annual value as the paper shows money: pounds, thousands separated. */
  private static String value(Long annualValue) {
    return annualValue == null ? "annual value not stated"
        : "annual value " + PackView.pounds(annualValue);
  }

  private static void eia(StringBuilder out, EiaOutcome eia) {
    if (!eia.required()) {
      out.append("  EIA: not required\n");
    } else {
      out.append("  EIA: required, ").append(eia.level()).append(" (")
          .append(esc(eia.assessments().stream().map(TextReport::kind).collect(Collectors.joining("; ")))).append(")\n");
    }
    if (!eia.characteristics().isEmpty()) {
      out.append("    Protected characteristics: ").append(esc(String.join(", ", eia.characteristics()))).append('\n');
    }
    for (Finding f : eia.actions()) {
      out.append("    Action ").append(esc(f.code())).append(": ").append(esc(f.message())).append(" [").append(esc(f.ruleId()))
          .append("]\n");
    }
  }

  /** Every value a plan or the rules gave is escaped: an id must never start a line of its own. */
  private static String esc(String text) {
    return Text.escape(text);
  }

  private static String kind(EiaAssessment kind) {
    return kind.kind() + " " + kind.level() + ": " + String.join(", ", kind.reasons());
  }

  private static void section(StringBuilder out, String title, List<Finding> findings) {
    if (findings.isEmpty()) {
      out.append("  ").append(title).append(": none\n");
      return;
    }
    out.append("  ").append(title).append(":\n");
    for (Finding f : findings) {
      out.append("    ").append(esc(f.code()));
      if (f.target() != null) {
        out.append(' ').append(esc(f.target()));
      }
      out.append(": ").append(esc(f.message())).append(" [").append(esc(f.ruleId())).append("]\n");
    }
  }

}
