package org.councilgateway.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.councilgateway.internal.RuleDetail;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleRolesTest {

  private static RuleDescr rule(String when, String then) throws Exception {
    DrlParser parser = new DrlParser();
    PackageDescr pkg = parser.parse(new StringReader("""
        package test;
        import org.councilgateway.model.Proposal;
        global org.councilgateway.facts.Findings findings;
        rule "R"
        when
        %s
        then
        %s
        end
        """.formatted(when, then)));
    assertThat(parser.getErrors()).isEmpty();
    return pkg.getRules().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one proposal                          | $p : Proposal()                                                             | findings.challenge($p, "C", "m");
      one proposal and its own facts        | $p : Proposal( $id : id ) not Object( this == $id )                         | findings.challenge($p, "C", "m");
      a proposal's own list                 | $p : Proposal() $g : String() from $p.clientGroups()                        | findings.challenge($p, "C", "m");
      a proposal from an expression         | $p : Proposal() Proposal() from $p                                          | insert($p);
      portfolio in a comment only           | $p : Proposal()                                                             | // findings.portfolio is not called here
      """)
  void looksAcrossPlan_ruleAboutOneProposal_isNot(String what, String when, String then) throws Exception {
    assertThat(RuleRoles.looksAcrossPlan(rule(when, then))).as(what).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      records a portfolio finding           | String()                                                                    | findings.portfolio("X", java.util.List.of(), "m");
      records one, spaced                   | String()                                                                    | findings . portfolio ("X", java.util.List.of(), "m");
      two proposals                         | $a : Proposal() $b : Proposal( id != $a.id )                                | findings.challenge($a, "C", "m");
      no other proposal                     | $a : Proposal() not Proposal( id != $a.id, serviceArea == $a.serviceArea )  | findings.challenge($a, "C", "m");
      another proposal exists               | $a : Proposal() exists Proposal( id != $a.id )                              | findings.challenge($a, "C", "m");
      counts the proposals                  | $a : Proposal() accumulate( Proposal(); $n : count() )                      | findings.challenge($a, "C", "m");
      counts the proposals, pattern source  | Number( intValue > 1 ) from accumulate( Proposal(); count() )               | insert("many");
      collects the proposals                | java.util.List() from collect( Proposal() )                                 | insert("all");
      the proposal inside or                | ( Proposal( id == "A" ) or Proposal( id == "B" ) )                          | insert("either");
      fully qualified                       | org.councilgateway.model.Proposal() org.councilgateway.model.Proposal()                 | insert("two");
      """)
  void looksAcrossPlan_ruleAcrossProposals_is(String what, String when, String then) throws Exception {
    assertThat(RuleRoles.looksAcrossPlan(rule(when, then))).as(what).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      inserts              | insert(new Object());                               | true
      inserts logically    | insertLogical(new Object());                        | true
      modifies             | modify($p) { };                                     | true
      updates              | update($p);                                         | true
      deletes              | delete($p);                                         | true
      retracts             | retract($p);                                        | true
      records only         | findings.portfolio("X", java.util.List.of(), "m");  | false
      mentions in a string | findings.challenge($p, "C", "insert it later");     | false
      """)
  void writesFacts_byWhatTheConsequenceCalls(String what, String then, boolean writes) throws Exception {
    assertThat(RuleRoles.writesFacts(rule("$p : Proposal()", then))).as(what).isEqualTo(writes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      only inserts                         | insert(new Object());                                          | true
      only modifies                        | modify($p) { };                                                | true
      inserts and records a code           | insert(new Object()); findings.challenge($p, "C", "m");        | false
      inserts and records a worked-out code| insert(new Object()); findings.gateBlocker($p, $p.id(), "m");  | false
      inserts and records no code          | insert(new Object()); findings.characteristics($p, null);      | false
      inserts and records, spaced          | insert(new Object()); findings . keyDecision ($p, "m");        | false
      records only                         | findings.challenge($p, "C", "m");                              | false
      does nothing                         | System.out.println("m");                                       | false
      """)
  void isHelper_onlyARuleThatWritesFactsAndCallsNoFindingsMethod(String what, String then, boolean helper)
      throws Exception {
    assertThat(RuleRoles.isHelper(rule("$p : Proposal()", then))).as(what).isEqualTo(helper);
  }

  @org.junit.jupiter.api.Test
  void detail_theConditionsAndActionsAsWritten_eachRunOfSpacesAsOne() throws Exception {
    String drl = """
        package test;
        import org.councilgateway.model.Proposal;
        global org.councilgateway.facts.Findings findings;
        rule "R"
          @id("X-1")
          salience   10
        when
          $p : Proposal(   objectives.isEmpty() )
          String() from $p.outcomes()
        then
          findings.challenge($p, "C",
              "m");
        end
        """;
    DrlParser parser = new DrlParser();
    RuleDescr rule = parser.parse(new StringReader(drl)).getRules().get(0);

    RuleDetail detail = RuleRoles.detail(rule, drl);

    assertThat(detail).isEqualTo(new RuleDetail(false, "$p : Proposal( objectives.isEmpty() ) String() from $p.outcomes()",
        "findings.challenge($p, \"C\", \"m\");", "salience 10"));
  }
}
