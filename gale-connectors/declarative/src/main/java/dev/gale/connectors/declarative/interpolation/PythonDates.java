package dev.gale.connectors.declarative.interpolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The datetime behaviour Airbyte's macros rely on: {@code isoformat}, dateutil's {@code isoparse} as
 * {@code str_to_datetime} uses it, and the CDK's datetime parser and formatter with their epoch formats
 * ({@code %s}, {@code %s_as_float}, {@code %ms}, {@code %epoch_microseconds}, {@code %_ms}).
 */
final class PythonDates {
  // dateutil's isoparse: a date (YYYY, YYYY-MM, YYYYMMDD, YYYY-MM-DD), then any one separator character and a time
  // (hh, hh:mm, hhmm, hh:mm:ss, hhmmss, with a fraction after '.' or ','), then Z or an offset (+hh, +hhmm, +hh:mm).
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?|(\\d{2})(\\d{2}))?"
          + "(?:.(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
          + "([zZ]|[+-]\\d{2}(?::?\\d{2})?)?)?",
      Pattern.DOTALL);

  private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private PythonDates() {}

  /** Python's {@code datetime.isoformat(sep)}: microseconds only when there are some, offset as +hh:mm. */
  static String isoformat(OffsetDateTime time, char separator) {
    return isoformat(time.toLocalDateTime(), separator) + offsetText(time.getOffset());
  }

  static String isoformat(LocalDateTime time, char separator) {
    String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
        time.getDayOfMonth(), separator, time.getHour(), time.getMinute(), time.getSecond());
    int micros = time.getNano() / 1000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }

  static String isoformat(LocalDate date) {
    return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /** Python writes UTC as +00:00 where Java writes Z. */
  private static String offsetText(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  /** The CDK's {@code str_to_datetime}: an ISO 8601 text, UTC when it has no zone, converted to UTC. */
  static OffsetDateTime strToDatetime(String text) {
    Matcher m = ISO.matcher(text);
    if (!m.matches()) {
      throw new InterpolationException("not an ISO 8601 datetime");
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = parseOr(m.group(2) != null ? m.group(2) : m.group(4), 1);
      int day = parseOr(m.group(3) != null ? m.group(3) : m.group(5), 1);
      int hour = parseOr(m.group(6), 0);
      String fraction = m.group(9) == null ? "0" : (m.group(9) + "000000").substring(0, 6);
      LocalDateTime local = LocalDate.of(year, month, day).atStartOfDay();
      if (hour == 24) { // ISO's end of day is the next midnight
        local = local.plusDays(1);
        hour = 0;
      }
      local = local.withHour(hour).withMinute(parseOr(m.group(7), 0)).withSecond(parseOr(m.group(8), 0))
          .withNano(Integer.parseInt(fraction) * 1000);
      return local.atOffset(zone(m.group(10))).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      throw new InterpolationException("not a valid ISO 8601 datetime");
    }
  }

  private static ZoneOffset zone(String text) {
    if (text == null || text.equalsIgnoreCase("z")) {
      return ZoneOffset.UTC;
    }
    String digits = text.replace(":", "");
    return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
        (digits.charAt(0) == '-' ? -1 : 1) * (digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0));
  }

  private static int parseOr(String digits, int fallback) {
    return digits == null ? fallback : Integer.parseInt(digits);
  }

  /** The CDK's datetime parser: epoch formats by name, anything else through strptime, naive results in UTC. */
  static OffsetDateTime parse(Object value, String format) {
    String text = PythonText.str(value).trim();
    try {
      return switch (format) {
        case "%s" -> EPOCH.plusSeconds(Long.parseLong(text));
        case "%s_as_float" -> EPOCH.plus(new BigDecimal(text).movePointRight(6).longValue(), ChronoUnit.MICROS);
        case "%ms" -> EPOCH.plus(Long.parseLong(text), ChronoUnit.MILLIS);
        case "%epoch_microseconds" -> EPOCH.plus(Long.parseLong(text), ChronoUnit.MICROS);
        default -> Strftime.parse(text, format.replace("%_ms", "%f")).orUtc();
      };
    } catch (NumberFormatException e) {
      throw new InterpolationException("time data does not match format '" + format + "'");
    }
  }

  /** The CDK's datetime formatter: epoch formats by name, {@code %_ms} as milliseconds, the rest by strftime. */
  static String format(OffsetDateTime time, String format) {
    Instant instant = time.toInstant();
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    return switch (format) {
      case "%s" -> Long.toString(instant.getEpochSecond());
      case "%s_as_float" -> PythonText.floatRepr(micros / 1e6);
      case "%ms" -> Long.toString(Math.floorDiv(micros, 1000));
      case "%epoch_microseconds" -> Long.toString(micros);
      default -> {
        if (!format.contains("%_ms")) {
          yield Strftime.format(time, format);
        }
        // As the CDK does: format with microseconds, then put the milliseconds where those digits appear.
        String microDigits = String.format("%06d", time.getNano() / 1000);
        yield Strftime.format(time, format.replace("%_ms", "%f"))
            .replace(microDigits, String.format("%03d", time.getNano() / 1_000_000));
      }
    };
  }
}
