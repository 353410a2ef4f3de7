package dev.gale.connectors.postgres.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Cursor values as the text kept in state: text PostgreSQL reads back (with a cast to the column's type) as exactly
 * the same value, and that reads like Airbyte's states (ISO dates and times with microseconds). Years before 1 AD are
 * written the way PostgreSQL writes them ({@code 0044-03-15 BC}); the Java infinities as {@code infinity}.
 */
final class CursorText {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

  private CursorText() {}

  static String of(Object value) {
    if (value.equals(LocalDate.MAX) || value.equals(LocalDateTime.MAX) || value.equals(OffsetDateTime.MAX)) {
      return "infinity";
    }
    if (value.equals(LocalDate.MIN) || value.equals(LocalDateTime.MIN) || value.equals(OffsetDateTime.MIN)) {
      return "-infinity";
    }
    return switch (value) {
      case BigDecimal decimal -> decimal.toPlainString();
      case Double number -> number.isNaN() ? "NaN" : number.isInfinite() ? (number > 0 ? "Infinity" : "-Infinity")
          : number.toString();
      case LocalDate date -> date(date, "");
      case LocalDateTime timestamp -> date(timestamp.toLocalDate(), "T" + TIME.format(timestamp));
      case OffsetDateTime timestamp ->
          date(timestamp.toLocalDate(), "T" + TIME.format(timestamp) + OFFSET.format(timestamp));
      case LocalTime time -> TIME.format(time);
      case OffsetTime time -> TIME.format(time) + OFFSET.format(time);
      default -> value.toString();
    };
  }

  private static String date(LocalDate date, String rest) {
    int year = date.getYear();
    if (year > 0) {
      return DATE.format(date) + rest;
    }
    // ISO year 0 is 1 BC, -1 is 2 BC.
    return String.format(Locale.ROOT, "%04d-%02d-%02d%s BC", 1 - year, date.getMonthValue(), date.getDayOfMonth(),
        rest);
  }
}
