package dev.gale.connectors.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatetimeFormatTest {
  private static final OffsetDateTime AT = OffsetDateTime.of(2024, 3, 7, 9, 5, 3, 123_456_000, ZoneOffset.UTC);

  @Test
  void formatsAsPythonsStrftime() {
    assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S.%fZ").format(AT)).isEqualTo("2024-03-07T09:05:03.123456Z");
    assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S%z").format(AT)).isEqualTo("2024-03-07T09:05:03+0000");
    assertThat(DatetimeFormat.of("%d/%m/%y %I:%M %p").format(AT)).isEqualTo("07/03/24 09:05 AM");
    assertThat(DatetimeFormat.of("%a, %d %b %Y").format(AT)).isEqualTo("Thu, 07 Mar 2024");
    assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S.%_msZ").format(AT)).isEqualTo("2024-03-07T09:05:03.123Z");
    assertThat(DatetimeFormat.of("%s").format(AT)).isEqualTo("1709802303");
    assertThat(DatetimeFormat.of("%ms").format(AT)).isEqualTo("1709802303123");
  }

  @Test
  void parsesAsPythonsStrptime() {
    assertThat(DatetimeFormat.of("%Y-%m-%d").parse("2024-03-07"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 7, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S%z").parse("2024-03-07T10:05:03+01:00").toInstant())
        .isEqualTo(AT.withNano(0).toInstant());
    assertThat(DatetimeFormat.of("%Y-%m-%dT%H:%M:%S.%f%z").parse("2024-03-07T09:05:03.123456Z")).isEqualTo(AT);
    assertThat(DatetimeFormat.of("%s").parse("1709802303")).isEqualTo(AT.withNano(0));
    assertThat(DatetimeFormat.of("%ms").parse("1709802303123")).isEqualTo(AT.withNano(123_000_000));
    assertThat(DatetimeFormat.of("%d %B %Y").parse("7 march 2024").toLocalDate()).isEqualTo(AT.toLocalDate());
  }

  @Test
  void aFractionalNumberReadsWithAWholeEpochFormatCutToItsWholePart() {
    // Python's int() cuts a float, as the CDK's parser does for %s, %ms and %epoch_microseconds.
    assertThat(DatetimeFormat.of("%s").parseValue(1709802303.9)).isEqualTo(AT.withNano(0));
    assertThat(DatetimeFormat.of("%s").parseValue(1709802303L)).isEqualTo(AT.withNano(0));
    assertThat(DatetimeFormat.of("%ms").parseValue(new java.math.BigDecimal("1709802303123.75")))
        .isEqualTo(AT.withNano(123_000_000));
    assertThat(DatetimeFormat.of("%s_as_float").parseValue(1709802303.5)).isEqualTo(AT.withNano(500_000_000));
    // Text is not cut: int("1709802303.9") fails in Python too.
    assertThatThrownBy(() -> DatetimeFormat.of("%s").parseValue("1709802303.9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DatetimeFormat.of("%Y").parseValue(2024L).getYear()).isEqualTo(2024);
  }

  @Test
  void refusesTextThatDoesNotMatchWholly() {
    assertThatThrownBy(() -> DatetimeFormat.of("%Y-%m-%d").parse("2024-03-07T00:00:00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DatetimeFormat.of("%Y-%m-%d").matches("07/03/2024")).isFalse();
  }

  @Test
  void refusesUnknownDirectives() {
    assertThatThrownBy(() -> DatetimeFormat.of("%Y-%Q")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("%Q");
  }
}
