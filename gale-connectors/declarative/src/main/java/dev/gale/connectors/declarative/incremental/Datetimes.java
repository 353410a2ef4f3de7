package dev.gale.connectors.declarative.incremental;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Reading a datetime without a declared format, as Airbyte's {@code ab_datetime_parse} does for token expiry dates:
 * epoch seconds, ISO 8601 with or without offset (UTC when absent), with {@code T} or a space, or a plain date.
 */
public final class Datetimes {
  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart()
      .appendOffset("+HH:MM:ss", "Z").optionalEnd().optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .parseDefaulting(ChronoField.OFFSET_SECONDS, 0).toFormatter();

  private Datetimes() {}

  public static Optional<OffsetDateTime> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.matches("-?\\d+(\\.\\d+)?")) {
      double seconds = Double.parseDouble(value);
      return Optional.of(Instant.ofEpochMilli((long) (seconds * 1000)).atOffset(ZoneOffset.UTC));
    }
    try {
      return Optional.of(OffsetDateTime.parse(value, LOCAL));
    } catch (DateTimeParseException notDateTime) {
      try {
        return Optional.of(LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException notDate) {
        try {
          return Optional.of(LocalDateTime.parse(value).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
  }
}
