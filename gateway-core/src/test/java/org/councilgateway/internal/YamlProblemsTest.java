package org.councilgateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML slips, each worded in one plain sentence at the line and column of the slip. */
class YamlProblemsTest {

  /** The message and place of what reading a document throws, as "line:column: message". */
  private static String read(String yaml) {
    JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class, () -> {
      try (JsonParser parser = ReadLimits.DEFAULTS.yamlFactory().createParser(yaml)) {
        LocatedTree.read(parser, 30, 30);
      }
    });
    assertThat(error).as("reading %s", yaml).isNotNull();
    return error.getLocation().getLineNr() + ":" + error.getLocation().getColumnNr() + ": " + error.getOriginalMessage();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      an unclosed brace   | 'a: 1\\nb: {350000   # c\\nc: 2\\n' | 2:4: this { is never closed: a { } mapping ends with }, with commas between its key: value pairs; if the { is a slip, remove it.
      an unclosed bracket | 'a: [1, 2\\nc: 2\\n'                | 1:4: this [ is never closed: a [ ] list ends with ], with commas between its items; if the [ is a slip, remove it.
      an unclosed quote   | 'a: "unclosed\\nb: 2\\n'            | 1:4: this quote is never closed: end the text with the same quote mark it begins with.
      a line without a colon | 'a: 1\\nkeyDecisionValue 350000\\nc: 2\\n' | 2:1: this line has no colon followed by a space: write each entry as key: value.
      a colon without a space | 'a: 1\\nb:2\\nc: 3\\n'             | 2:1: this line has no colon followed by a space: write each entry as key: value.
      a colon in a value  | 'a: 1\\ntitle: Note: this\\n'         | 2:12: this colon cannot start a value here: if the value holds ": ", put it in quotes; if this line is a key of its own, indent it as the keys above it.
      a tab               | 'a: 1\\n\\tb: 2\\n'                   | 2:1: this line has a tab: YAML is indented with spaces only; replace the tab with spaces.
      an at sign          | 'a: @x\\n'                            | 1:4: a value cannot begin with @: put the value in quotes.
      a key out of step   | 'a:\\n  b: 1\\n c: 2\\n'              | 3:2: this line is indented out of step with the lines above it: the keys of one mapping start at the same column, and so do the - of one list's items.
      a list item out of step | 'a:\\n  - 1\\n  - 2\\n - 3\\n'    | 4:2: this line is indented out of step with the lines above it: the keys of one mapping start at the same column, and so do the - of one list's items.
      an unclosed bracket at the end | 'a: 1\nkeywords: [\n'   | 2:12: a [ or { here is never closed before the end of the file: close it with ] or }, or if it is a slip, remove it.
      anything else       | 'a: [1,,2]\\n'                         | 1:7: it cannot be read from here (expected the node content, but found ','): check the indentation, the colons and the quotes on this line and the line before.
      """)
  void slip_isOneSentenceAtItsPlace(String slip, String yaml, String expected) {
    assertThat(read(yaml.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
  }
}
