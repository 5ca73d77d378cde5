package org.councilgateway.internal.write;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.councilgateway.Changes;
import org.councilgateway.InputError;
import org.councilgateway.assessment.Assessment;
import org.councilgateway.assessment.Change;
import org.councilgateway.assessment.Classification;
import org.councilgateway.assessment.EiaAssessment;
import org.councilgateway.assessment.Finding;
import org.councilgateway.assessment.PlanAssessment;
import org.councilgateway.assessment.PortfolioFinding;
import org.councilgateway.assessment.PortfolioRef;
import org.councilgateway.assessment.Route;
import org.councilgateway.assessment.Warning;
import org.councilgateway.model.EiaLevel;
import org.councilgateway.model.Proposal;

/**
 * What the meeting pack's templates show, worked out here so that the templates only lay it out:
 * every amount and date as the paper prints it. Text from a plan or a rule file is kept as it is:
 * {@link HtmlOutput} escapes it for HTML and makes its control characters visible as it renders it.
 */
final class PackView {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private PackView() {}

  /** A label and its value. */
  record Item(String label, String value) {}

  /** A link to a proposal's section. */
  record Link(String href, String id, String title) {}

  /** A finding as the pack shows it: its code and target, its sentence and its citation. */
  record Shown(String code, String target, String message, String source, String ruleId) {}

  /** A finding across the plan, with the proposals it names. */
  record Across(String id, String code, String message, String source, String ruleId, List<Link> proposals) {}

  /** A row of a routing table. */
  record Row(Link link, String leadDirectorate, String serviceArea, String changeType, String value,
      String keyDecision, String eiaLevel, int challenges, int across, String gate, String since) {}

  /** A route's total. */
  record RouteTotal(String route, long proposals, String value) {}

  /** What changed since the earlier assessment, for the summary. */
  record Since(String asOf, String ruleSetVersion, long added, long changed, long unchanged, List<String> withdrawn,
      List<String> portfolioAdded, List<String> portfolioRemoved) {}

  /** Everything before the proposals' sections. */
  record Head(String title, String councilName, String asOf, String planName, String planSha256, String ruleSetVersion,
      List<Item> summary, List<RouteTotal> routes, List<Item> readiness, Since since,
      List<Across> across, List<Row> councilWide, List<Row> directorates) {}

  /** A change for one proposal. */
  record Changed(String status, String asOf, List<Item> fields, List<String> added, List<String> removed) {}

  /** One proposal's section. */
  record Section(String id, String title, List<Item> facts, String classification, String route, String keyDecision,
      List<Shown> scope, List<Shown> impacts, boolean eiaRequired, String eiaLevel, List<Item> eiaKinds,
      List<Shown> eiaReasons, List<String> characteristics, List<Shown> eiaActions, List<Shown> challenges, String gate,
      List<Shown> across, List<Shown> warnings, Changed change) {}

  /** An error that kept a proposal from being assessed. */
  record Error(int index, String proposalId, String path, String message) {}

  /** Everything after the proposals' sections. */
  record Tail(List<Error> errors) {}

  /** The details of a pack that are not in the assessment. */
  record Details(String councilName, String planName, String planSha256, Changes changes) {}

  static Head head(PlanAssessment result, Details details) {
    List<Assessment> all = result.assessments();
    Map<String, Assessment> byId = new HashMap<>(all.size() * 4 / 3 + 1);
    long councilWide = 0;
    long keyDecisions = 0;
    long eias = 0;
    long withActions = 0;
    long[] atLevel = new long[EiaLevel.values().length];
    long[] onRoute = new long[Route.values().length];
    long[] valueOnRoute = new long[Route.values().length];
    List<Item> readiness = new ArrayList<>();
    for (Assessment a : all) {
      byId.put(a.proposalId(), a);
      if (a.classification() == Classification.COUNCIL_WIDE) {
        councilWide++;
      }
      if (a.keyDecision()) {
        keyDecisions++;
      }
      if (a.eia().required()) {
        eias++;
      }
      if (!a.eia().actions().isEmpty()) {
        withActions++;
      }
      atLevel[a.eia().level().ordinal()]++;
      onRoute[a.route().ordinal()]++;
      Long value = a.proposal().annualValue();
      if (value != null) {
        valueOnRoute[a.route().ordinal()] += value;
      }
      if (a.gate() != null && !a.gate().ready()) {
        readiness.add(new Item(a.proposalId() + " " + a.proposal().title(), "not ready for "
            + a.gate().stage() + ": " + String.join(", ", a.gate().blockers())));
      }
    }
    long notAssessed = result.errors().stream().mapToInt(InputError::index).distinct().count();
    List<Item> summary = new ArrayList<>(12);
    summary.add(new Item("Proposals assessed", count(all.size())));
    summary.add(new Item("Council-wide", count(councilWide)));
    summary.add(new Item("Single-directorate", count(all.size() - councilWide)));
    summary.add(new Item("Key decisions", count(keyDecisions)));
    summary.add(new Item("EIAs required", count(eias)));
    for (EiaLevel level : EiaLevel.values()) {
      if (level != EiaLevel.NONE) {
        summary.add(new Item("EIAs at " + label(level.name()).toLowerCase(Locale.UK) + " level",
            count(atLevel[level.ordinal()])));
      }
    }
    summary.add(new Item("Proposals with outstanding EIA actions", count(withActions)));
    summary.add(new Item("Findings across the plan", count(result.portfolio().size())));
    summary.add(new Item("Proposals not assessed", count(notAssessed)));
    List<RouteTotal> routes = new ArrayList<>(Route.values().length);
    for (Route route : Route.values()) {
      routes.add(new RouteTotal(routeName(route), onRoute[route.ordinal()], pounds(valueOnRoute[route.ordinal()])));
    }
    Changes changes = details.changes();
    Since since = changes == null ? null : new Since(date(changes.asOf()), changes.ruleSetVersion(),
        changes.count(Change.Status.NEW), changes.count(Change.Status.CHANGED), changes.count(Change.Status.UNCHANGED),
        changes.withdrawn(), changes.portfolioAdded(), changes.portfolioRemoved());
    List<Across> across = new ArrayList<>(result.portfolio().size());
    for (PortfolioFinding p : result.portfolio()) {
      List<Link> named = new ArrayList<>(p.proposalIds().size());
      for (String id : p.proposalIds()) {
        named.add(link(id, byId.get(id)));
      }
      across.add(new Across(p.id(), p.code(), p.message(), p.source(), p.ruleId(), named));
    }
    List<Row> councilWideRows = new ArrayList<>((int) councilWide);
    List<Row> directorateRows = new ArrayList<>((int) (all.size() - councilWide));
    for (Assessment a : all) {
      (a.classification() == Classification.COUNCIL_WIDE ? councilWideRows : directorateRows).add(row(a, changes));
    }
    String council = details.councilName();
    String title = "Programme gateway: the forward plan as of " + date(result.asOf())
        + (council == null ? "" : ", " + council);
    return new Head(title, council, date(result.asOf()), details.planName(), details.planSha256(),
        result.ruleSetVersion(), summary, routes, readiness, since, across, councilWideRows,
        directorateRows);
  }

  private static Row row(Assessment a, Changes changes) {
    Proposal p = a.proposal();
    String gate = a.gate() == null ? "No stage"
        : (a.gate().ready() ? "Ready for " : "Not ready for ") + a.gate().stage();
    String since = "";
    if (changes != null) {
      Change change = changes.of(a.proposalId());
      since = change == null ? "" : label(change.status().name());
    }
    return new Row(link(a.proposalId(), a), p.leadDirectorate(), p.serviceArea(), p.changeType().name(),
        value(p.annualValue()), a.keyDecision() ? "Yes" : "No", label(a.eia().level().name()), a.challenges().size(),
        a.portfolio().size(), gate, since);
  }

  /** The plan's findings across it, by id, for {@link #section}. */
  static Map<String, PortfolioFinding> portfolio(PlanAssessment result) {
    Map<String, PortfolioFinding> portfolio = new HashMap<>(result.portfolio().size() * 4 / 3 + 1);
    for (PortfolioFinding f : result.portfolio()) {
      portfolio.put(f.id(), f);
    }
    return portfolio;
  }

  static Section section(Assessment a, Map<String, PortfolioFinding> portfolio, Changes changes) {
    Proposal p = a.proposal();
    List<org.councilgateway.model.Origin.Entry> origin = p.origin() == null ? List.of() : p.origin().entries();
    List<Item> facts = new ArrayList<>(8 + origin.size());
    facts.add(new Item("Lead directorate", p.leadDirectorate()));
    facts.add(new Item("Service area", p.serviceArea()));
    facts.add(new Item("Change type", p.changeType().name()));
    facts.add(new Item("Annual value", value(p.annualValue())));
    facts.add(new Item("Term", p.termMonths() == null ? "Not stated" : p.termMonths() + " months"));
    facts.add(new Item("Start date", p.startDate() == null ? "Not stated" : date(p.startDate())));
    facts.add(new Item("Provider", p.provider() == null ? "Not stated"
        : p.provider().sector() == null ? p.provider().name() : p.provider().name() + " (" + p.provider().sector() + ")"));
    if (p.stage() != null) {
      facts.add(new Item("Gate stage", p.stage().name()));
    }
    for (org.councilgateway.model.Origin.Entry entry : origin) {
      facts.add(new Item(originLabel(entry.key()), entry.text() != null ? entry.text()
          : String.join(entry.key().equals("inferred") ? "; " : ", ", entry.texts())));
    }
    List<Shown> scope = new ArrayList<>(a.scopeReasons().size() + 1);
    addShown(scope, a.scopeReasons());
    if (a.keyDecisionReason() != null) {
      scope.add(shown(a.keyDecisionReason()));
    }
    List<EiaAssessment> eias = a.eia().assessments();
    List<Item> kinds = new ArrayList<>(eias.size());
    List<Shown> reasons = new ArrayList<>();
    for (EiaAssessment kind : eias) {
      addShown(reasons, kind.findings());
      kinds.add(new Item(label(kind.kind().name()) + " EIA at " + label(kind.level().name()).toLowerCase(Locale.UK)
          + " level", String.join(", ", kind.reasons())));
    }
    List<Shown> across = new ArrayList<>(a.portfolio().size());
    for (PortfolioRef ref : a.portfolio()) {
      PortfolioFinding f = portfolio.get(ref.id());
      across.add(f == null ? new Shown(ref.code(), ref.id(), "", "", "")
          : new Shown(f.code(), f.id() + ": " + String.join(", ", f.proposalIds()), f.message(), f.source(),
              f.ruleId()));
    }
    List<Shown> warnings = new ArrayList<>(a.warnings().size());
    for (Warning w : a.warnings()) {
      warnings.add(new Shown(w.code(), w.target(), w.message(), null, null));
    }
    String gate = a.gate() == null ? null : a.gate().ready() ? "Ready for " + a.gate().stage() + "."
        : "Not ready for " + a.gate().stage() + ": " + String.join(", ", a.gate().blockers()) + ".";
    Changed changed = null;
    if (changes != null) {
      Change change = changes.of(a.proposalId());
      if (change != null && change.status() != Change.Status.UNCHANGED) {
        List<Item> fields = new ArrayList<>(change.fields().size());
        for (Change.Field f : change.fields()) {
          fields.add(new Item(f.name(), f.before() + " to " + f.after()));
        }
        changed = new Changed(change.status() == Change.Status.NEW ? "New since " : "Changed since ",
            date(changes.asOf()), fields, change.added(), change.removed());
      }
    }
    return new Section(a.proposalId(), p.title(), facts, label(a.classification().name()), routeName(a.route()),
        a.keyDecision() ? "Yes" : "No", scope, shown(a.impacts()), a.eia().required(), label(a.eia().level().name()),
        kinds, reasons, a.eia().characteristics(), shown(a.eia().actions()), shown(a.challenges()), gate, across,
        warnings, changed);
  }

  static Tail tail(PlanAssessment result) {
    List<Error> errors = new ArrayList<>(result.errors().size());
    for (InputError e : result.errors()) {
      // The cell of a spreadsheet plan, after the path, in the same "Where" cell.
      String where = e.location() == null ? e.path() : e.path() + " (" + e.location() + ")";
      errors.add(new Error(e.index(), e.proposalId() == null ? "" : e.proposalId(), where, e.message()));
    }
    return new Tail(errors);
  }

  private static List<Shown> shown(List<Finding> findings) {
    List<Shown> shown = new ArrayList<>(findings.size());
    addShown(shown, findings);
    return shown;
  }

  private static void addShown(List<Shown> shown, List<Finding> findings) {
    for (Finding f : findings) {
      shown.add(shown(f));
    }
  }

  private static Shown shown(Finding f) {
    return new Shown(f.code(), f.target(), f.message(), f.source(), f.ruleId());
  }

  private static Link link(String id, Assessment a) {
    return new Link(href(id), id, a == null ? "" : a.proposal().title());
  }

  /**
   * A link to the element whose id is {@code id}: the fragment percent-encoded as a URL's fragment
   * must be (a browser decodes it before looking the id up), so any id links to its section.
   */
  static String href(String id) {
    StringBuilder out = new StringBuilder("#");
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  private static String routeName(Route route) {
    return route == Route.STRATEGIC_COMMISSIONING_GROUP ? "Strategic Commissioning and Procurement Group"
        : "Directorate";
  }

  /** How a key of a proposal's origin is labelled among its facts: the importer's keys in words, any other as given. */
  private static String originLabel(String key) {
    return switch (key) {
      case "ocid" -> "Origin: OCDS ocid";
      case "releaseId" -> "Origin: release";
      case "date" -> "Origin: release date";
      case "buyer" -> "Origin: buyer";
      case "url" -> "Origin: published at";
      case "inferred" -> "Origin: worked out";
      default -> "Origin: " + key;
    };
  }

  /** A code as a word: {@code COUNCIL_WIDE} as "Council-wide", {@code SCREENING} as "Screening". */
  static String label(String code) {
    // Codes are the names of a few enums' constants: each worked out once.
    String label = LABELS.get(code);
    return label != null ? label : LABELS.computeIfAbsent(code, PackView::words);
  }

  private static final Map<String, String> LABELS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String words(String code) {
    String words = code.toLowerCase(Locale.UK).replace("single_directorate", "single-directorate")
        .replace("council_wide", "council-wide").replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String value(Long annualValue) {
    return annualValue == null ? "Not stated" : pounds(annualValue);
  }

  static String pounds(long value) {
    return "\u00a3" + count(value);
  }

  /** A whole number with commas between thousands, as {@code String.format(Locale.UK, "%,d", n)}, faster. */
  static String count(long n) {
    String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      out.append('-');
    }
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }

  static String date(LocalDate date) {
    return DATE.format(date);
  }
}
