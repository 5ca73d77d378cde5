package org.councilgateway.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the meeting pack prints numbers and links. */
class PackViewTest {
  @Test
  void count_separatesThousandsAsTheUkFormatDoes() {
    for (long n : new long[] {0, 7, 999, 1_000, 12_345, 350_000, 2_100_000, 1_000_000_000_000L, -1, -1_500, -999_999,
        Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(PackView.count(n)).as("%d", n).isEqualTo(String.format(Locale.UK, "%,d", n));
    }
    assertThat(PackView.pounds(2_100_000)).isEqualTo("\u00a32,100,000");
  }

  @Test
  void href_percentEncodesAllButUnreservedCharacters() {
    assertThat(PackView.href("NL-2027-001")).isEqualTo("#NL-2027-001");
    assertThat(PackView.href("a b\"<é")).isEqualTo("#a%20b%22%3C%C3%A9");
  }
}
