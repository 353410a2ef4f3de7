package dev.gale.connectors.declarative.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CDK's macros, against a clock fixed at 2024-03-05T10:20:30.123456Z. */
class JinjaMacrosTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T10:20:30.123456789Z"), ZoneOffset.UTC);

  private final JinjavaInterpolation jinja = new JinjavaInterpolation(CLOCK);

  private Object eval(String template) {
    return jinja.eval(template, Map.of("config", Map.of(
        "start_date", "2024-01-15T08:00:00Z",
        "offset_date", "2024-03-05T10:20:30+02:00",
        "date_only", "2024-03-05",
        "fraction", "2024-03-05T10:20:30.123456Z",
        "epoch_ms", 1709634030123L,
        "epoch_s", 1709634030L)));
  }

  @Test
  void nowUtcIsAnAwareUtcDatetimeWithMicroseconds() {
    assertThat(eval("{{ now_utc() }}")).isEqualTo("2024-03-05 10:20:30.123456+00:00");
    assertThat(eval("{{ now_utc().strftime('%Y-%m-%dT%H:%M:%SZ') }}")).isEqualTo("2024-03-05T10:20:30Z");
    assertThat(eval("{{ now_utc().isoformat() }}")).isEqualTo("2024-03-05T10:20:30.123456+00:00");
    assertThat(eval("{{ now_utc().timestamp() }}")).isEqualTo(1709634030.123456);
    assertThat(eval("{{ now_utc().strftime('%s') }}")).isEqualTo(1709634030L);
    assertThat(eval("{{ now_utc().year }}")).isEqualTo(2024L);
  }

  @Test
  void withClockGivesAnInterpolationReadingThatClock() {
    JinjavaInterpolation later = jinja.withClock(Clock.fixed(Instant.parse("2024-03-10T12:00:00Z"), ZoneOffset.UTC));

    assertThat(later.eval("{{ now_utc().strftime('%Y-%m-%dT%H:%M:%SZ') }}", Map.of())).isEqualTo("2024-03-10T12:00:00Z");
    assertThat(later.eval("{{ today_utc() }}", Map.of())).isEqualTo("2024-03-10");
    assertThat(eval("{{ today_utc() }}")).isEqualTo("2024-03-05");
  }

  @Test
  void todayUtcAndTodayInAZoneAreDates() {
    assertThat(eval("{{ today_utc() }}")).isEqualTo("2024-03-05");
    assertThat(eval("{{ today_utc().strftime('%Y/%m/%d') }}")).isEqualTo("2024/03/05");
    assertThat(eval("{{ today_with_timezone('Pacific/Kiritimati') }}")).isEqualTo("2024-03-06");
    assertThat(eval("{{ today_with_timezone('America/Los_Angeles') }}")).isEqualTo("2024-03-05");
    assertThatThrownBy(() -> eval("{{ today_with_timezone('Mars/Base') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("unknown time zone 'Mars/Base'");
  }

  @Test
  void dayDeltaFormatsNowPlusDaysInTheCdksDefaultFormat() {
    assertThat(eval("{{ day_delta(1) }}")).isEqualTo("2024-03-06T10:20:30.123456+0000");
    assertThat(eval("{{ day_delta(-1, format='%Y-%m-%d') }}")).isEqualTo("2024-03-04");
    assertThat(eval("{{ day_delta(-30, '%Y-%m-%d') }}")).isEqualTo("2024-02-04");
    assertThat(eval("{{ day_delta(0.5, format='%H:%M') }}")).isEqualTo("22:20");
  }

  @Test
  void durationWorksInArithmeticWithDatetimesAndDates() {
    assertThat(eval("{{ now_utc() - duration('P1D') }}")).isEqualTo("2024-03-04 10:20:30.123456+00:00");
    assertThat(eval("{{ (now_utc() - duration('PT1H30M')).strftime('%H:%M') }}")).isEqualTo("08:50");
    assertThat(eval("{{ (now_utc() + duration('P1M')).strftime('%Y-%m-%d') }}")).isEqualTo("2024-04-05");
    assertThat(eval("{{ (duration('P1W') + now_utc()).strftime('%Y-%m-%d') }}")).isEqualTo("2024-03-12");
    assertThat(eval("{{ today_utc() - duration('P1D') }}")).isEqualTo("2024-03-04");
    // As Python: a date minus a timedelta loses only the timedelta's whole days.
    assertThat(eval("{{ today_utc() - duration('PT36H') }}")).isEqualTo("2024-03-04");
    assertThat(eval("{{ duration('P1D') }}")).isEqualTo("1 day, 0:00:00");
    assertThat(eval("{{ duration('PT1H').total_seconds() }}")).isEqualTo(3600.0);
    assertThat(eval("{{ str_to_datetime('2024-03-05') - str_to_datetime('2024-03-04T12:00:00Z') }}"))
        .isEqualTo("12:00:00");
  }

  @Test
  void monthsAreClippedToTheEndOfTheMonthAsIsodateDoes() {
    assertThat(eval("{{ (str_to_datetime('2024-01-31') + duration('P1M')).strftime('%Y-%m-%d') }}"))
        .isEqualTo("2024-02-29");
    assertThat(eval("{{ str_to_datetime('2024-03-31').date() - duration('P1MT25H') }}")).isEqualTo("2024-02-28");
  }

  @Test
  void formatDatetimeReadsIsoTextsWithAndWithoutZone() {
    assertThat(eval("{{ format_datetime(config['start_date'], '%Y-%m-%d') }}")).isEqualTo("2024-01-15");
    assertThat(eval("{{ format_datetime(config['offset_date'], '%Y-%m-%dT%H:%M:%S%z') }}"))
        .isEqualTo("2024-03-05T08:20:30+0000");
    assertThat(eval("{{ format_datetime('2024-03-05T10:20:30+00:00', '%Y-%m-%dT%H:%M:%SZ') }}"))
        .isEqualTo("2024-03-05T10:20:30Z");
    assertThat(eval("{{ format_datetime(config['date_only'], '%Y-%m-%dT%H:%M:%SZ') }}"))
        .isEqualTo("2024-03-05T00:00:00Z");
  }

  @Test
  void formatDatetimeKnowsTheCdksEpochFormatsForTextsAndInts() {
    assertThat(eval("{{ format_datetime(config['date_only'], '%s') }}")).isEqualTo(1709596800L);
    assertThat(eval("{{ format_datetime(config['start_date'], '%ms') }}")).isEqualTo(1705305600000L);
    assertThat(eval("{{ format_datetime(config['fraction'], '%epoch_microseconds') }}"))
        .isEqualTo(1709634030123456L);
    assertThat(eval("{{ format_datetime(config['fraction'], '%s_as_float') }}")).isEqualTo(1709634030.123456);
    assertThat(eval("{{ format_datetime(config['fraction'], '%Y-%m-%dT%H:%M:%S.%_msZ') }}"))
        .isEqualTo("2024-03-05T10:20:30.123Z");
    assertThat(eval("{{ format_datetime(config['epoch_s'], '%Y-%m-%dT%H:%M:%SZ') }}"))
        .isEqualTo("2024-03-05T10:20:30Z");
    assertThat(eval("{{ format_datetime(config['epoch_ms'], '%Y-%m-%d %H:%M:%S', '%ms') }}"))
        .isEqualTo("2024-03-05 10:20:30");
  }

  @Test
  void formatDatetimeReadsTextWithAnInputFormat() {
    assertThat(eval("{{ format_datetime('05/03/2024', '%Y-%m-%d', '%d/%m/%Y') }}")).isEqualTo("2024-03-05");
    assertThat(eval("{{ format_datetime('2024-03-05 10:20:30 +0200', '%s', '%Y-%m-%d %H:%M:%S %z') }}"))
        .isEqualTo(1709626830L);
    assertThatThrownBy(() -> eval("{{ format_datetime('2024-03-05', '%Y', '%d/%m/%Y') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("does not match format");
  }

  @Test
  void formatDatetimeOfADatetimeIsPlainStrftimeAsInTheCdk() {
    assertThat(eval("{{ format_datetime(now_utc(), '%Y-%m-%d') }}")).isEqualTo("2024-03-05");
    assertThat(eval("{{ format_datetime(now_utc(), '%s') }}")).isEqualTo(1709634030L);
    // strftime knows %m but not Airbyte's %ms: the CDK prints the month and an 's' here, and so do we.
    assertThat(eval("{{ format_datetime(now_utc(), '%ms') }}")).isEqualTo("03s");
  }

  @Test
  void strToDatetimeAndTimestampConvertToUtc() {
    assertThat(eval("{{ str_to_datetime('2024-03-05T10:20:30+02:00') }}")).isEqualTo("2024-03-05 08:20:30+00:00");
    assertThat(eval("{{ str_to_datetime('2024-03-05') }}")).isEqualTo("2024-03-05 00:00:00+00:00");
    assertThat(eval("{{ timestamp('2022-01-01') }}")).isEqualTo(1640995200.0);
    assertThat(eval("{{ timestamp('2022-01-01T00:00:00+01:00') }}")).isEqualTo(1640991600.0);
    assertThat(eval("{{ timestamp(1658505815.223235) }}")).isEqualTo(1658505815L);
    assertThatThrownBy(() -> eval("{{ str_to_datetime('yesterday') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("not an ISO 8601 datetime");
  }

  @Test
  void maxAndMinTakeArgumentsOrOneIterable() {
    assertThat(eval("{{ max(1, 3, 2) }}")).isEqualTo(3L);
    assertThat(eval("{{ max([1, 5.5]) }}")).isEqualTo(5.5);
    assertThat(eval("{{ min('b', 'a') }}")).isEqualTo("a");
    assertThat(eval("{{ max(config['start_date'], '2024-02-01T00:00:00Z') }}")).isEqualTo("2024-02-01T00:00:00Z");
    assertThat(eval("{{ min(now_utc(), str_to_datetime('2024-01-01')) }}")).isEqualTo("2024-01-01 00:00:00+00:00");
    assertThatThrownBy(() -> eval("{{ max(1, 'a') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("not supported between instances");
    assertThatThrownBy(() -> eval("{{ max([]) }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("empty sequence");
  }

  @Test
  void urlAndNameHelpers() {
    assertThat(eval("{{ sanitize_url('https://a.com/p?q=a b&c=~*') }}"))
        .isEqualTo("https%3A%2F%2Fa.com%2Fp%3Fq%3Da+b%26c%3D~%2A");
    assertThat(eval("{{ camel_case_to_snake_case('CamelCaseABC') }}")).isEqualTo("camel_case_a_b_c");
    assertThat((String) eval("{{ generate_uuid() }}"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void macrosTakeArgumentsAsPythonDoes() {
    assertThatThrownBy(() -> eval("{{ day_delta(1, colour='red') }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("unexpected keyword argument 'colour'");
    assertThatThrownBy(() -> eval("{{ format_datetime(config['start_date']) }}"))
        .isInstanceOf(InterpolationException.class).hasMessageContaining("missing required argument 'format'");
    assertThat(eval("{{ [now_utc().strftime('%d'), today_utc().day] }}")).isEqualTo(List.of("05", 5L));
  }
}
