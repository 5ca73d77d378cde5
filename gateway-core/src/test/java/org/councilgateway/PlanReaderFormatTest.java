package org.councilgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.councilgateway.model.Proposal;
import org.junit.jupiter.api.Test;

/** The format given to PlanReader wins over the name; without one, the name (then the first character) decides. */
class PlanReaderFormatTest {
  private static final PlanReader READER = PlanReader.create();
  private static final String YAML = "proposals:\n  - {id: P-1, title: Youth clubs, leadDirectorate: PEOPLE, "
      + "serviceArea: YOUTH_PROVISION, changeType: NEW}\n";
  private static final String JSON = "{\"proposals\": [{\"id\": \"P-1\", \"title\": \"Youth clubs\", "
      + "\"leadDirectorate\": \"PEOPLE\", \"serviceArea\": \"YOUTH_PROVISION\", \"changeType\": \"NEW\"}]}";

  @Test
  void read_yamlFormatGiven_readsYamlWhateverTheName() {
    assertThat(READER.read(YAML, PlanReader.Format.YAML, "upload.json").proposals())
        .extracting(Proposal::id).containsExactly("P-1");
  }

  @Test
  void read_jsonFormatGiven_readsJsonWhateverTheName() {
    assertThat(READER.read(JSON, PlanReader.Format.JSON, "upload.yaml").proposals())
        .extracting(Proposal::id).containsExactly("P-1");
  }

  @Test
  void read_yamlNamedJsonWithoutFormat_isRefusedAsJson() {
    assertThatThrownBy(() -> READER.read(YAML, "upload.json")).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void read_wrongFormatGiven_isRefusedNamingTheFormat() {
    assertThatThrownBy(() -> READER.read(YAML, PlanReader.Format.JSON, "upload")).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void readProposal_formatGiven_readsIt() {
    String proposal = "{id: P-2, title: Libraries, leadDirectorate: PLACES, serviceArea: LEISURE, changeType: REDUCE}";
    assertThat(READER.readProposal(proposal, PlanReader.Format.YAML, "one").id()).isEqualTo("P-2");
  }

  @Test
  void read_nullFormat_isRefusedNamingIt() {
    assertThatThrownBy(() -> READER.read(JSON, null, "x")).isInstanceOf(NullPointerException.class).hasMessage("format");
  }
}
