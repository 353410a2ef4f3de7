package dev.gale.connectors.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.runtime.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datetime format in Python's {@code strftime}/{@code strptime} notation, as manifests write them
 * ({@code %Y-%m-%dT%H:%M:%S.%fZ}), with Airbyte's additions: {@code %s} (epoch seconds), {@code %s_as_float},
 * {@code %ms} (epoch milliseconds), {@code %epoch_microseconds} and {@code %_ms} (three-digit milliseconds inside a
 * pattern). Parsing without an offset reads UTC, as the CDK does. Immutable and thread-safe.
 */
public final class DatetimeFormat {
  private static final String DIRECTIVES = "YymdHIpMSfzZjaAbBe%";

  private final String pattern;
  private final Special special;
  private final Pattern regex;
  private final List<Character> groups;

  private enum Special { NONE, SECONDS, SECONDS_FLOAT, MILLIS, MICROS }

  private DatetimeFormat(String pattern) {
    this.pattern = pattern;
    this.special = switch (pattern) {
      case "%s" -> Special.SECONDS;
      case "%s_as_float" -> Special.SECONDS_FLOAT;
      case "%ms" -> Special.MILLIS;
      case "%epoch_microseconds" -> Special.MICROS;
      default -> Special.NONE;
    };
    this.groups = new ArrayList<>();
    this.regex = special == Special.NONE ? compile(pattern.replace("%_ms", "%f"), groups) : null;
  }

  /**
   * The format of {@code pattern}.
   *
   * @throws IllegalArgumentException naming a directive that is not supported
   */
  public static DatetimeFormat of(String pattern) {
    return new DatetimeFormat(requireNonNull(pattern, "pattern is null"));
  }

  public String pattern() {
    return pattern;
  }

  /**
   * Reads {@code text}; the whole text must match.
   *
   * @throws IllegalArgumentException when it does not
   */
  public OffsetDateTime parse(String text) {
    requireNonNull(text, "text is null");
    try {
      switch (special) {
        case SECONDS -> {
          return Instant.ofEpochSecond(new BigDecimal(text.strip()).longValueExact()).atOffset(ZoneOffset.UTC);
        }
        case SECONDS_FLOAT -> {
          BigDecimal seconds = new BigDecimal(text.strip());
          return Instant.ofEpochSecond(0, seconds.movePointRight(9).longValue()).atOffset(ZoneOffset.UTC);
        }
        case MILLIS -> {
          return Instant.ofEpochMilli(Long.parseLong(text.strip())).atOffset(ZoneOffset.UTC);
        }
        case MICROS -> {
          return Instant.EPOCH.plus(Long.parseLong(text.strip()), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }
        default -> {
          return parsePattern(text);
        }
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' does not match the format " + pattern);
    }
  }

  /**
   * Reads a value of a record or a state as the CDK does: a number given to a whole-number epoch format
   * ({@code %s}, {@code %ms}, {@code %epoch_microseconds}) is cut to its whole part, as Python's {@code int()} cuts a
   * float (Mailgun's event timestamps are such floats); anything else is read as its Python text by
   * {@link #parse(String)}.
   *
   * @throws IllegalArgumentException when it does not match
   */
  public OffsetDateTime parseValue(Object value) {
    requireNonNull(value, "value is null");
    boolean wholeEpoch = special == Special.SECONDS || special == Special.MILLIS || special == Special.MICROS;
    if (wholeEpoch && value instanceof Number number && !(value instanceof BigInteger)) {
      try {
        return parse(new BigDecimal(number.toString()).setScale(0, RoundingMode.DOWN).toPlainString());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + value + "' does not match the format " + pattern);
      }
    }
    return parse(Values.pythonString(value));
  }

  /** Whether {@code text} reads with this format. */
  public boolean matches(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String format(OffsetDateTime value) {
    switch (special) {
      case SECONDS -> {
        return Long.toString(value.toEpochSecond());
      }
      case SECONDS_FLOAT -> {
        double seconds = value.toEpochSecond() + value.getNano() / 1e9;
        return Values.pythonString(seconds);
      }
      case MILLIS -> {
        return Long.toString(value.toInstant().toEpochMilli());
      }
      case MICROS -> {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, value.toInstant()));
      }
      default -> {
        return formatPattern(value);
      }
    }
  }

  private OffsetDateTime parsePattern(String text) {
    Matcher matcher = regex.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' does not match the format " + pattern);
    }
    int year = 1900;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nano = 0;
    int dayOfYear = -1;
    Boolean pm = null;
    ZoneOffset offset = ZoneOffset.UTC;
    for (int i = 0; i < groups.size(); i++) {
      String value = matcher.group(i + 1);
      switch (groups.get(i)) {
        case 'Y' -> year = Integer.parseInt(value);
        case 'y' -> {
          int twoDigits = Integer.parseInt(value);
          year = twoDigits < 69 ? 2000 + twoDigits : 1900 + twoDigits;
        }
        case 'm' -> month = Integer.parseInt(value);
        case 'd', 'e' -> day = Integer.parseInt(value.strip());
        case 'H', 'I' -> hour = Integer.parseInt(value);
        case 'M' -> minute = Integer.parseInt(value);
        case 'S' -> second = Math.min(Integer.parseInt(value), 59);
        case 'f' -> nano = Integer.parseInt((value + "000000").substring(0, 6)) * 1000;
        case 'p' -> pm = value.equalsIgnoreCase("pm");
        case 'j' -> dayOfYear = Integer.parseInt(value);
        case 'z' -> offset = offset(value);
        case 'b', 'B' -> month = month(value);
        default -> { } // 'Z', 'a', 'A', '%': matched, no value
      }
    }
    if (pm != null) {
      hour = hour % 12 + (pm ? 12 : 0);
    }
    LocalDate date = dayOfYear > 0 ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
    return OffsetDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, minute, second, nano)), offset);
  }

  private String formatPattern(OffsetDateTime value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 >= pattern.length()) {
        out.append(c);
        continue;
      }
      if (pattern.startsWith("%_ms", i)) {
        out.append(String.format("%03d", value.getNano() / 1_000_000));
        i += 3;
        continue;
      }
      boolean unpadded = pattern.charAt(i + 1) == '-' && i + 2 < pattern.length();
      char directive = pattern.charAt(unpadded ? i + 2 : i + 1);
      i += unpadded ? 2 : 1;
      out.append(formatDirective(value, directive, unpadded));
    }
    return out.toString();
  }

  private static String formatDirective(OffsetDateTime value, char directive, boolean unpadded) {
    return switch (directive) {
      case 'Y' -> Integer.toString(value.getYear());
      case 'y' -> pad(value.getYear() % 100, 2, unpadded);
      case 'm' -> pad(value.getMonthValue(), 2, unpadded);
      case 'd' -> pad(value.getDayOfMonth(), 2, unpadded);
      case 'e' -> String.format("%2d", value.getDayOfMonth());
      case 'H' -> pad(value.getHour(), 2, unpadded);
      case 'I' -> pad(value.getHour() % 12 == 0 ? 12 : value.getHour() % 12, 2, unpadded);
      case 'p' -> value.getHour() < 12 ? "AM" : "PM";
      case 'M' -> pad(value.getMinute(), 2, unpadded);
      case 'S' -> pad(value.getSecond(), 2, unpadded);
      case 'f' -> String.format("%06d", value.getNano() / 1000);
      case 'z' -> offsetText(value.getOffset());
      case 'Z' -> value.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offsetText(value.getOffset());
      case 'j' -> pad(value.getDayOfYear(), 3, unpadded);
      case 'a' -> value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'A' -> value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'b' -> value.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'B' -> value.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'w' -> Integer.toString(value.getDayOfWeek().getValue() % 7);
      case 'u' -> Integer.toString(value.getDayOfWeek().getValue());
      case 'F' -> formatDirective(value, 'Y', false) + "-" + pad(value.getMonthValue(), 2, false) + "-"
          + pad(value.getDayOfMonth(), 2, false);
      case 'T' -> pad(value.getHour(), 2, false) + ":" + pad(value.getMinute(), 2, false) + ":"
          + pad(value.getSecond(), 2, false);
      case '%' -> "%";
      default -> throw new IllegalArgumentException("unsupported datetime directive %" + directive);
    };
  }

  private static String pad(int value, int width, boolean unpadded) {
    return unpadded ? Integer.toString(value) : String.format("%0" + width + "d", value);
  }

  private static String offsetText(ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    int absolute = Math.abs(total);
    return (total < 0 ? "-" : "+") + String.format("%02d%02d", absolute / 3600, absolute / 60 % 60)
        + (absolute % 60 == 0 ? "" : String.format("%02d", absolute % 60));
  }

  private static ZoneOffset offset(String text) {
    if (text.equalsIgnoreCase("z")) {
      return ZoneOffset.UTC;
    }
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2, 4));
    int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
    int sign = text.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
  }

  private static int month(String name) {
    for (Month month : Month.values()) {
      if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)
          || month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return month.getValue();
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }

  // Python's strptime: each directive a group, whitespace matches any whitespace, the rest literally, any case.
  private static Pattern compile(String pattern, List<Character> groups) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        regex.append(Character.isWhitespace(c) ? "\\s+" : Pattern.quote(String.valueOf(c)));
        continue;
      }
      if (i + 1 >= pattern.length()) {
        throw new IllegalArgumentException("the datetime format " + pattern + " ends with a lone %");
      }
      char directive = pattern.charAt(++i);
      if (directive == '-' && i + 1 < pattern.length()) {
        directive = pattern.charAt(++i);
      }
      if (DIRECTIVES.indexOf(directive) < 0) {
        throw new IllegalArgumentException("the datetime format " + pattern + " uses %" + directive
            + ", which is not supported");
      }
      String part = switch (directive) {
        case 'Y' -> "(\\d{4})";
        case 'y', 'm', 'd', 'H', 'I', 'M', 'S' -> "(\\d{1,2})";
        case 'e' -> "( ?\\d{1,2})";
        case 'f' -> "(\\d{1,6})";
        case 'p' -> "(am|pm)";
        case 'j' -> "(\\d{1,3})";
        case 'z' -> "(Z|[+-]\\d\\d:?\\d\\d(?::?\\d\\d)?)";
        case 'Z' -> "(UTC|GMT|Z|[A-Z]{3,4})";
        case 'a', 'A' -> "(" + names(true) + ")";
        case 'b', 'B' -> "(" + names(false) + ")";
        default -> "(%)";
      };
      groups.add(directive);
      regex.append(part);
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  private static String names(boolean days) {
    List<String> names = new ArrayList<>();
    if (days) {
      for (DayOfWeek day : DayOfWeek.values()) {
        names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        names.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      }
    } else {
      for (Month month : Month.values()) {
        names.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        names.add(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      }
    }
    return String.join("|", names);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
