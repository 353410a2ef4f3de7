package dev.gale.connectors.declarative.interpolation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code strftime} and {@code strptime} as they behave on Linux, where Airbyte runs: the C library's
 * directives (with its {@code -}, {@code _}, {@code 0}, {@code ^}, {@code #} flags and widths, so {@code %-d} works)
 * plus Python's own {@code %f}, {@code %z}, {@code %:z} and {@code %Z}; names in the C locale; an unknown directive
 * is printed as written, as the C library does.
 */
final class Strftime {
  private static final Pattern DIRECTIVE = Pattern.compile("%([-_0^#]*)(\\d*)[EO]?(:z|.)?", Pattern.DOTALL);

  private Strftime() {}

  /** Formats a datetime; {@code offset} is null for a naive datetime or a date, where %z and %Z print nothing. */
  static String format(LocalDateTime time, ZoneOffset offset, String format) {
    StringBuilder out = new StringBuilder(format.length() + 16);
    Matcher m = DIRECTIVE.matcher(format);
    int last = 0;
    while (m.find()) {
      out.append(format, last, m.start());
      last = m.end();
      String conversion = m.group(3);
      if (conversion == null) {
        out.append(m.group()); // a lone '%' at the end stays
        continue;
      }
      String value = expand(time, offset, conversion, m.group(1), m.group(2));
      out.append(value == null ? m.group() : value);
    }
    return out.append(format, last, format.length()).toString();
  }

  static String format(OffsetDateTime time, String format) {
    return format(time.toLocalDateTime(), time.getOffset(), format);
  }

  static String format(LocalDate date, String format) {
    return format(date.atStartOfDay(), null, format);
  }

  private static String expand(LocalDateTime t, ZoneOffset offset, String c, String flags, String width) {
    return switch (c) {
      case "f" -> String.format("%06d", t.getNano() / 1000);
      case "z" -> offset == null ? "" : offset(offset, false);
      case ":z" -> offset == null ? "" : offset(offset, true);
      case "Z" -> offset == null ? "" : offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset(offset, true);
      case "%" -> "%";
      case "n" -> "\n";
      case "t" -> "\t";
      case "c" -> format(t, offset, "%a %b %e %H:%M:%S %Y");
      case "x", "D" -> format(t, offset, "%m/%d/%y");
      case "X", "T" -> format(t, offset, "%H:%M:%S");
      case "F" -> format(t, offset, "%Y-%m-%d");
      case "R" -> format(t, offset, "%H:%M");
      case "r" -> format(t, offset, "%I:%M:%S %p");
      case "a" -> text(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), flags, width, true);
      case "A" -> text(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), flags, width, true);
      case "b", "h" -> text(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), flags, width, true);
      case "B" -> text(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), flags, width, true);
      case "p" -> text(t.getHour() < 12 ? "AM" : "PM", flags, width, false);
      case "P" -> text(t.getHour() < 12 ? "am" : "pm", flags, width, false);
      case "Y" -> number(t.getYear(), 1, '0', flags, width);
      case "C" -> number(t.getYear() / 100, 2, '0', flags, width);
      case "y" -> number(t.getYear() % 100, 2, '0', flags, width);
      case "G" -> number(t.get(IsoFields.WEEK_BASED_YEAR), 1, '0', flags, width);
      case "g" -> number(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, '0', flags, width);
      case "m" -> number(t.getMonthValue(), 2, '0', flags, width);
      case "d" -> number(t.getDayOfMonth(), 2, '0', flags, width);
      case "e" -> number(t.getDayOfMonth(), 2, ' ', flags, width);
      case "j" -> number(t.getDayOfYear(), 3, '0', flags, width);
      case "H" -> number(t.getHour(), 2, '0', flags, width);
      case "k" -> number(t.getHour(), 2, ' ', flags, width);
      case "I" -> number(hour12(t), 2, '0', flags, width);
      case "l" -> number(hour12(t), 2, ' ', flags, width);
      case "M" -> number(t.getMinute(), 2, '0', flags, width);
      case "S" -> number(t.getSecond(), 2, '0', flags, width);
      case "u" -> number(t.getDayOfWeek().getValue(), 1, '0', flags, width);
      case "w" -> number(t.getDayOfWeek().getValue() % 7, 1, '0', flags, width);
      case "U" -> number((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7, 2, '0', flags, width);
      case "W" -> number((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, 2, '0', flags, width);
      case "V" -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', flags, width);
      // The C library reads the fields as local time; Airbyte's containers run in UTC, so a naive value is UTC.
      case "s" -> number(t.toEpochSecond(offset == null ? ZoneOffset.UTC : offset), 1, '0', flags, width);
      default -> null;
    };
  }

  private static int hour12(LocalDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  private static String offset(ZoneOffset offset, boolean colons) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String sep = colons ? ":" : "";
    String text = (total < 0 ? "-" : "+") + String.format("%02d%s%02d", abs / 3600, sep, abs / 60 % 60);
    return abs % 60 == 0 ? text : text + sep + String.format("%02d", abs % 60);
  }

  private static String number(long value, int defaultWidth, char defaultPad, String flags, String width) {
    char pad = defaultPad;
    int size = width.isEmpty() ? defaultWidth : Integer.parseInt(width);
    if (flags.contains("-")) {
      return Long.toString(value);
    }
    if (flags.contains("_")) {
      pad = ' ';
    } else if (flags.contains("0")) {
      pad = '0';
    }
    String digits = Long.toString(Math.abs(value));
    String sign = value < 0 ? "-" : "";
    int missing = Math.min(size, 1024) - digits.length() - sign.length();
    if (missing <= 0) {
      return sign + digits;
    }
    return pad == '0' ? sign + "0".repeat(missing) + digits : " ".repeat(missing) + sign + digits;
  }

  private static String text(String value, String flags, String width, boolean swapToUpper) {
    String result = value;
    if (flags.contains("^") || (flags.contains("#") && swapToUpper)) {
      result = result.toUpperCase(Locale.ROOT);
    } else if (flags.contains("#")) {
      result = result.toLowerCase(Locale.ROOT);
    }
    int size = width.isEmpty() ? 0 : Math.min(Integer.parseInt(width), 1024);
    return size > result.length() ? " ".repeat(size - result.length()) + result : result;
  }

  /** Python's {@code datetime.strptime}: the whole text must match; a result without %z is naive (null offset). */
  static Parsed parse(String text, String format) {
    List<Character> fields = new ArrayList<>();
    Pattern pattern = Pattern.compile(regex(format, fields), Pattern.CASE_INSENSITIVE);
    Matcher m = pattern.matcher(text);
    if (!m.matches()) {
      throw new InterpolationException("time data does not match format '" + format + "'");
    }
    int year = 1900;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int micros = 0;
    int dayOfYear = -1;
    Boolean pm = null;
    ZoneOffset offset = null;
    for (int i = 0; i < fields.size(); i++) {
      String v = m.group(i + 1);
      switch (fields.get(i)) {
        case 'Y' -> year = Integer.parseInt(v);
        case 'y' -> year = Integer.parseInt(v) + (Integer.parseInt(v) < 69 ? 2000 : 1900);
        case 'm' -> month = Integer.parseInt(v);
        case 'b' -> month = monthNumber(v);
        case 'd' -> day = Integer.parseInt(v.trim());
        case 'j' -> dayOfYear = Integer.parseInt(v);
        case 'H' -> hour = Integer.parseInt(v);
        case 'I' -> hour = Integer.parseInt(v) % 12;
        case 'p' -> pm = v.equalsIgnoreCase("pm");
        case 'M' -> minute = Integer.parseInt(v);
        case 'S' -> second = Math.min(Integer.parseInt(v), 59);
        case 'f' -> micros = Integer.parseInt((v + "00000").substring(0, 6));
        case 'z' -> offset = v.equalsIgnoreCase("z") ? ZoneOffset.UTC : ZoneOffset.of(v.length() == 5 && v.indexOf(':') < 0
            ? v.substring(0, 3) + ":" + v.substring(3) : v);
        default -> { } // names of weekdays and zones are matched but, as in Python, do not set the date
      }
    }
    if (pm != null && fields.contains('I')) {
      hour += pm ? 12 : 0;
    }
    LocalDate date = dayOfYear > 0 ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
    return new Parsed(LocalDateTime.of(date, LocalTime.of(hour, minute, second, micros * 1000)), offset);
  }

  /** A parsed datetime; {@code offset} is null where the text had no zone. */
  record Parsed(LocalDateTime time, ZoneOffset offset) {
    /** As Airbyte does after parsing: a naive datetime is taken to be UTC. */
    OffsetDateTime orUtc() {
      return time.atOffset(offset == null ? ZoneOffset.UTC : offset);
    }
  }

  private static String regex(String format, List<Character> fields) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        if (Character.isWhitespace(c)) {
          while (i + 1 < format.length() && Character.isWhitespace(format.charAt(i + 1))) {
            i++;
          }
          regex.append("\\s+");
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
        }
        continue;
      }
      if (++i >= format.length()) {
        throw new InterpolationException("stray % in format '" + format + "'");
      }
      char d = format.charAt(i);
      String group = switch (d) {
        case 'Y' -> "(\\d\\d\\d\\d)";
        case 'y' -> "(\\d\\d)";
        case 'm' -> "(1[0-2]|0[1-9]|[1-9])";
        case 'd' -> "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
        case 'j' -> "(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
        case 'H' -> "(2[0-3]|[01]\\d|\\d)";
        case 'I' -> "(1[0-2]|0[1-9]|[1-9])";
        case 'M' -> "([0-5]\\d|\\d)";
        case 'S' -> "(6[01]|[0-5]\\d|\\d)";
        case 'f' -> "(\\d{1,6})";
        case 'z' -> "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d)?|(?-i:Z))";
        case 'p' -> "(am|pm)";
        case 'b', 'h' -> "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july"
            + "|august|september|october|november|december)";
        case 'B' -> "(january|february|march|april|may|june|july|august|september|october|november|december)";
        case 'a' -> "(mon|tue|wed|thu|fri|sat|sun)";
        case 'A' -> "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
        case 'w' -> "([0-6])";
        case 'u' -> "([1-7])";
        case 'Z' -> "(utc|gmt)";
        case '%' -> null;
        case 'c', 'x', 'X' -> {
          String composite = d == 'c' ? "%a %b %d %H:%M:%S %Y" : d == 'x' ? "%m/%d/%y" : "%H:%M:%S";
          regex.append(regex(composite, fields));
          yield "";
        }
        default -> throw new InterpolationException("'" + d + "' is a bad directive in format '" + format + "'");
      };
      if (group == null) {
        regex.append('%');
      } else if (!group.isEmpty()) {
        regex.append(group);
        fields.add(d == 'B' || d == 'h' ? 'b' : d);
      }
    }
    return regex.toString();
  }

  private static int monthNumber(String name) {
    String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return months.indexOf(prefix) + 1;
  }
}
