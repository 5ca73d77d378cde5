package org.councilgateway.internal.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The importer's text rules on their own: character references, phrases, dates. */
class TextRulesTest {
  @Test
  void entities_namedAndNumeric_decodedOnce_unknownOrBrokenLeftAsWritten() {
    assertThat(Entities.decode("L&amp;Q &#039;A&#x27; &#xA3;5 &pound;6 caf&eacute; &bull;")).isEqualTo("L&Q 'A' \u00a35 \u00a36 caf\u00e9 \u2022");
    assertThat(Entities.decode("&amp;amp;")).isEqualTo("&amp;");
    assertThat(Entities.decode("fish & chips; &nosuch; &#; &#xD800; &#0; &#99999999;"))
        .isEqualTo("fish & chips; &nosuch; &#; &#xD800; &#0; &#99999999;");
    assertThat(Entities.decode("&#128512;")).isEqualTo(new String(Character.toChars(128512)));
    assertThat(Entities.clean("  &nbsp; ")).isNull();
    assertThat(Entities.clean("  Leeds  ")).isEqualTo("Leeds");
  }

  @Test
  void phrase_wholeWordsIgnoringCase_anySpaceBetweenWords_starOnTheLastWord() {
    Phrase disability = Phrase.of("learning disabilit*");
    assertThat(disability.foundIn("Adults with Learning\u00a0Disabilities.")).isTrue();
    assertThat(disability.foundIn("learning disability")).isTrue();
    assertThat(disability.foundIn("e-learning disabilities")).isTrue();
    assertThat(disability.foundIn("learning disabilit")).isTrue();
    assertThat(disability.foundIn("elearning disabilities")).isFalse();
    assertThat(disability.foundIn("learning-disabilities")).isFalse();

    Phrase carers = Phrase.of("carers");
    assertThat(carers.foundIn("Young carers' service")).isTrue();
    assertThat(carers.foundIn("CARERS")).isTrue();
    assertThat(carers.foundIn("caregivers and carersupport")).isFalse();
    assertThat(carers.foundIn(null)).isFalse();
    assertThat(Phrase.of("   ")).isNull();
    assertThat(Phrase.of("*")).isNull();
    // Regular-expression characters in a phrase are only characters.
    assertThat(Phrase.of("a.b (c)").foundIn("a.b (c) service")).isTrue();
    assertThat(Phrase.of("a.b").foundIn("axb")).isFalse();
  }

  @Test
  void dates_theDatePartAsWritten_andInstantsWithTheirOffsets() {
    assertThat(Notice.datePart("2025-04-23T23:59:59+01:00")).isEqualTo(LocalDate.of(2025, 4, 23));
    assertThat(Notice.datePart("2025-04-23")).isEqualTo(LocalDate.of(2025, 4, 23));
    assertThat(Notice.datePart("2025-02-30T00:00:00Z")).isNull();
    assertThat(Notice.datePart("23/04/2025")).isNull();
    assertThat(Notice.datePart("2025-04-234")).isNull();
    assertThat(Notice.instant("2020-03-01T10:00:00+01:00")).isEqualTo(Instant.parse("2020-03-01T09:00:00Z"));
    assertThat(Notice.instant("2020-03-01T10:00:00")).isEqualTo(Instant.parse("2020-03-01T10:00:00Z"));
    assertThat(Notice.instant("2020-03-01")).isEqualTo(Instant.parse("2020-03-01T00:00:00Z"));
    assertThat(Notice.instant("soon")).isNull();
    assertThat(NoticeReader.later(null, null)).isTrue();
    assertThat(NoticeReader.later(null, Instant.EPOCH)).isFalse();
    assertThat(NoticeReader.later(Instant.EPOCH, null)).isTrue();
    assertThat(NoticeReader.later(Instant.EPOCH, Instant.EPOCH)).isTrue();
  }
}
