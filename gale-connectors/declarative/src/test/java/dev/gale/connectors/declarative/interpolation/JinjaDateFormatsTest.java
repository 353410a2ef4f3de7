package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** strftime, strptime and ISO 8601 parsing as Python on Linux does them; expected texts are Python's output. */
class JinjaDateFormatsTest {
  private static final OffsetDateTime TIME = OffsetDateTime.of(2024, 3, 5, 9, 2, 3, 4_000_000, ZoneOffset.UTC);

  @Test
  void strftimeDirectivesOfPythonAndTheCLibrary() {
    assertThat(Strftime.format(TIME, "%a %A %w %d %b %B %m %y %Y %H %I %p %M %S %f %z %Z %j %U %W %%"))
        .isEqualTo("Tue Tuesday 2 05 Mar March 03 24 2024 09 09 AM 02 03 004000 +0000 UTC 065 09 10 %");
    assertThat(Strftime.format(TIME, "%c|%x|%X")).isEqualTo("Tue Mar  5 09:02:03 2024|03/05/24|09:02:03");
    assertThat(Strftime.format(TIME, "%G %V %u %e %C %D %F %T %R %r %k %l %s %g %P %h"))
        .isEqualTo("2024 10 2  5 20 03/05/24 2024-03-05 09:02:03 09:02 09:02:03 AM  9  9 1709629323 24 am Mar");
  }

  @Test
  void strftimeFlagsWidthsAndUnknownDirectives() {
    assertThat(Strftime.format(TIME, "%-d %_d %0e %^a %-H %10Y %#b")).isEqualTo("5  5 05 TUE 9 0000002024 MAR");
    assertThat(Strftime.format(TIME, "%ms %_ms %Q %")).isEqualTo("03s  3s %Q %");
    assertThat(Strftime.format(TIME, "%Y-%m-%dT%H:%M:%S.%f%:z")).isEqualTo("2024-03-05T09:02:03.004000+00:00");
  }

  @Test
  void strftimeOfZonesAndOfDates() {
    OffsetDateTime india = OffsetDateTime.of(2024, 3, 5, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(Strftime.format(india, "%z %Z %s")).isEqualTo("+0530 UTC+05:30 1709577000");
    assertThat(Strftime.format(LocalDate.of(2024, 3, 5), "%Y %H %z %Z|")).isEqualTo("2024 00  |");
  }

  @Test
  void strptimeReadsWithPythonsRules() {
    assertThat(Strftime.parse("05/03/2024", "%d/%m/%Y").time()).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
    assertThat(Strftime.parse("5/3/2024", "%d/%m/%Y").time()).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
    Strftime.Parsed zoned = Strftime.parse("2024-03-05T10:20:30.5+05:30", "%Y-%m-%dT%H:%M:%S.%f%z");
    assertThat(zoned.orUtc()).isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 20, 30, 500_000_000,
        ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat(Strftime.parse("2024-03-05T10:20:30Z", "%Y-%m-%dT%H:%M:%S%z").offset()).isEqualTo(ZoneOffset.UTC);
    assertThat(Strftime.parse("mar 5 2024 09:02 pm", "%b %d %Y %I:%M %p").time())
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 21, 2));
    assertThat(Strftime.parse("2024  065", "%Y %j").time()).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
    assertThat(Strftime.parse("24-03-05", "%y-%m-%d").time().getYear()).isEqualTo(2024);
    assertThat(Strftime.parse("70-01-01", "%y-%m-%d").time().getYear()).isEqualTo(1970);
    assertThat(Strftime.parse("2024-03-05", "%Y-%m-%d").offset()).isNull();
  }

  @Test
  void strptimeRefusesWhatPythonRefuses() {
    assertThatThrownBy(() -> Strftime.parse("2024-03-05 extra", "%Y-%m-%d"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("does not match format");
    assertThatThrownBy(() -> Strftime.parse("1709629323", "%s"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("'s' is a bad directive");
  }

  @Test
  void isoParsingAsDateutilsIsoparse() {
    assertThat(PythonDates.strToDatetime("2024")).isEqualTo(utc(2024, 1, 1, 0, 0, 0, 0));
    assertThat(PythonDates.strToDatetime("2024-03")).isEqualTo(utc(2024, 3, 1, 0, 0, 0, 0));
    assertThat(PythonDates.strToDatetime("20240305")).isEqualTo(utc(2024, 3, 5, 0, 0, 0, 0));
    assertThat(PythonDates.strToDatetime("2024-03-05T10")).isEqualTo(utc(2024, 3, 5, 10, 0, 0, 0));
    assertThat(PythonDates.strToDatetime("2024-03-05T1020")).isEqualTo(utc(2024, 3, 5, 10, 20, 0, 0));
    assertThat(PythonDates.strToDatetime("2024-03-05 10:20:30")).isEqualTo(utc(2024, 3, 5, 10, 20, 30, 0));
    assertThat(PythonDates.strToDatetime("20240305T102030Z")).isEqualTo(utc(2024, 3, 5, 10, 20, 30, 0));
    assertThat(PythonDates.strToDatetime("2024-03-05T10:20:30.1234567Z"))
        .isEqualTo(utc(2024, 3, 5, 10, 20, 30, 123_456_000));
    assertThat(PythonDates.strToDatetime("2024-03-05T10:20:30,5+0530")).isEqualTo(utc(2024, 3, 5, 4, 50, 30, 500_000_000));
    assertThat(PythonDates.strToDatetime("2024-03-05T10:20:30-03")).isEqualTo(utc(2024, 3, 5, 13, 20, 30, 0));
    assertThat(PythonDates.strToDatetime("2024-03-05T24:00:00")).isEqualTo(utc(2024, 3, 6, 0, 0, 0, 0));
    for (String invalid : new String[] {"202403", "2024-3-05", "10:20", "2024-03-05T", "2024-03-05T10:20:30 UTC",
        "2024-13-01"}) {
      assertThatThrownBy(() -> PythonDates.strToDatetime(invalid)).as(invalid).isInstanceOf(InterpolationException.class);
    }
  }

  @Test
  void theCdksEpochFormats() {
    OffsetDateTime time = utc(2024, 3, 5, 10, 20, 30, 123_456_000);
    assertThat(PythonDates.format(time, "%s")).isEqualTo("1709634030");
    assertThat(PythonDates.format(time, "%ms")).isEqualTo("1709634030123");
    assertThat(PythonDates.format(time, "%epoch_microseconds")).isEqualTo("1709634030123456");
    assertThat(PythonDates.format(time, "%s_as_float")).isEqualTo("1709634030.123456");
    assertThat(PythonDates.format(time, "%H:%M:%S.%_ms")).isEqualTo("10:20:30.123");
    assertThat(PythonDates.parse(1709634030L, "%s")).isEqualTo(utc(2024, 3, 5, 10, 20, 30, 0));
    assertThat(PythonDates.parse(1709634030123L, "%ms")).isEqualTo(utc(2024, 3, 5, 10, 20, 30, 123_000_000));
    assertThat(PythonDates.parse("1709634030.5", "%s_as_float")).isEqualTo(utc(2024, 3, 5, 10, 20, 30, 500_000_000));
    assertThat(PythonDates.parse(1709634030123456L, "%epoch_microseconds"))
        .isEqualTo(utc(2024, 3, 5, 10, 20, 30, 123_456_000));
    assertThat(PythonDates.parse("10:20:30.123", "%H:%M:%S.%_ms").getNano()).isEqualTo(123_000_000);
  }

  private static OffsetDateTime utc(int y, int mo, int d, int h, int mi, int s, int nanos) {
    return OffsetDateTime.of(y, mo, d, h, mi, s, nanos, ZoneOffset.UTC);
  }
}
