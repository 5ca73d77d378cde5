package org.councilgateway.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rule file's text as code alone: comments and strings' contents blanked, offsets and line ends kept. */
class DrlCodeTest {
  @Test
  void commentsAndStringContents_becomeSpaces_quotesAndLineEndsStay() {
    String text = "a(\"x(y\") // b(\n/* c(\n d */ e('f\\'(') end";

    String code = DrlCode.blank(text, true);

    assertThat(code).hasSameSizeAs(text).isEqualTo("a(\"   \")      \n     \n      e('    ') end");
  }

  @Test
  void anUnclosedString_endsAtItsLine_orRunsOn() {
    String text = "x(\"open\n(y\"";

    assertThat(DrlCode.blank(text, true)).isEqualTo("x(\"    \n(y\"");
    assertThat(DrlCode.blank(text, false)).isEqualTo("x(\"    \n  \"");
  }
}
