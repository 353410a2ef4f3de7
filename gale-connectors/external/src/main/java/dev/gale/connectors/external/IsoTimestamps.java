package dev.gale.connectors.external;

import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the common shape of a timestamp with time zone, {@code 2024-05-01T12:30:00Z} (with an optional fraction of a
 * second and an offset such as {@code +02:00} in place of {@code Z}), digit by digit: {@code OffsetDateTime.parse}
 * costs more than all the rest of a typical record. Any other text (another shape, or a date that does not exist) is
 * left to {@link ValueConversion}, so the result is the same as its for every input.
 */
final class IsoTimestamps {
  private static final int SHORTEST = "2024-05-01T12:30:00Z".length();

  private IsoTimestamps() {}

  /** What {@link ValueConversion#convert} gives for {@code text} as a {@link ValueType#TIMESTAMP_WITH_TIMEZONE}. */
  static Object withTimezone(String text) {
    OffsetDateTime fast = common(text);
    return fast != null ? fast : ValueConversion.convert(text, ValueType.TIMESTAMP_WITH_TIMEZONE, Json::write);
  }

  /** The timestamp when the text has the common shape and names a real instant, else null. */
  private static OffsetDateTime common(String text) {
    int length = text.length();
    if (length < SHORTEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
        nanos = nanos * 10 + text.charAt(position++) - '0';
      }
      if (position == start) {
        return null;
      }
      for (int scale = position - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(text, position);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null; // Not a real date or time: ValueConversion decides.
    }
  }

  /** {@code Z} or {@code ±hh:mm} ending the text at {@code position}, else null. */
  private static ZoneOffset offset(String text, int position) {
    int rest = text.length() - position;
    if (rest == 1 && text.charAt(position) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = rest == 6 ? text.charAt(position) : ' ';
    if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
      return null;
    }
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    if ((hours | minutes) < 0) {
      return null;
    }
    try {
      return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number the {@code count} digits at {@code start} spell, or -1 when one is no digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + c - '0';
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
