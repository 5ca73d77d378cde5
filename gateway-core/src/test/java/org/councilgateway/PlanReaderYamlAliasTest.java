package org.councilgateway;

import org.councilgateway.model.Proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** YAML aliases are refused with their place, rather than silently read as the alias's name. */
class PlanReaderYamlAliasTest {

  @Test
  void read_yamlAlias_isRefusedWithItsLineAndColumn() {
    String plan = String.join("\n",
        "proposals:",
        "  - &p {id: A, title: T, leadDirectorate: PEOPLE, serviceArea: LEISURE, changeType: NEW}",
        "  - *p",
        "");

    assertThatThrownBy(() -> PlanReader.create().read(plan, "plan.yaml"))
        .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("plan.yaml:3:5: uses the YAML alias *p, which plans may not use: write the value out in full."));
  }

  @Test
  void read_yamlAnchorWithoutAlias_isRead() {
    String plan = String.join("\n",
        "proposals:",
        "  - &p {id: A, title: T, leadDirectorate: PEOPLE, serviceArea: LEISURE, changeType: NEW}",
        "");

    assertThat(PlanReader.create().read(plan, "plan.yaml").proposals()).extracting(Proposal::id).containsExactly("A");
  }
}
