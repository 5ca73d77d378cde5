package org.councilgateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping what a terminal would act on, so that a value never forges a line or moves the cursor. */
class TextTest {

  @ParameterizedTest(name = "U+{0}")
  @CsvSource(delimiter = '|', textBlock = """
      000A | \\u000a
      000D | \\u000d
      0009 | \\u0009
      0000 | \\u0000
      001B | \\u001b
      001F | \\u001f
      007F | \\u007f
      0080 | \\u0080
      009B | \\u009b
      009F | \\u009f
      2028 | \\u2028
      2029 | \\u2029
      202A | \\u202a
      202E | \\u202e
      2066 | \\u2066
      2069 | \\u2069
      """)
  void escape_controlCharacter_becomesAVisibleEscape(String codePoint, String escaped) {
    char c = (char) Integer.parseInt(codePoint, 16);

    assertThat(Text.escape("a" + c + "b")).isEqualTo("a" + escaped + "b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NL-2027-001", "", "Café £5 – ü", "back\\slash", "\u00A0no-break", "\u2027", "\u202F", "\u2065",
      "\u206A", "\uD83D\uDE00"})
  void escape_ordinaryText_isTheSameString(String text) {
    assertThat(Text.escape(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "~", "\u00A0", "\u00FF", "\u2027", "\u202F", "\u2065", "\u206A"})
  void isControl_charactersJustOutsideTheRanges_areNot(String c) {
    assertThat(Text.isControl(c.charAt(0))).isFalse();
  }

  @org.junit.jupiter.api.Test
  void escape_forgedLineAndClearScreen_isOneLine() {
    String id = "A\nNL-2027-001: COUNCIL_WIDE\u001b[2J\r\t";

    assertThat(Text.escape(id)).isEqualTo("A\\u000aNL-2027-001: COUNCIL_WIDE\\u001b[2J\\u000d\\u0009").doesNotContain("\n");
  }

  @org.junit.jupiter.api.Test
  void escape_null_isNull() {
    assertThat(Text.escape(null)).isNull();
  }
}
