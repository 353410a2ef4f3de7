package dev.gale.connector.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts a plain JSON value (a {@link String}, {@link Boolean}, {@link Long}, {@link Integer}, {@link Double},
 * {@link BigInteger}, {@link BigDecimal}, {@link Map} or {@link List}) to the Java representation of a
 * {@link ValueType}, as Airbyte's schema normalisation would: numbers in strings read as numbers, ISO text as dates
 * and times (UTC where the offset is missing), base64 text as bytes. Shared by every connector that reads JSON
 * records (declarative sources, external connectors), so that the same record types the same way whichever reads it.
 */
public final class ValueConversion {
  private ValueConversion() {}

  /**
   * The value as {@code type} represents it, or {@code null} when it does not fit that type.
   *
   * @param json writes a value as JSON text, for {@code JSON} columns and non-text values of {@code STRING} ones
   */
  public static Object convert(Object value, ValueType type, Function<Object, String> json) {
    try {
      return switch (type) {
        case STRING -> value instanceof Map || value instanceof List ? null
            : value instanceof String text ? text : json.apply(value);
        case BOOLEAN -> value instanceof Boolean bool ? bool : value instanceof String text
            && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) ? Boolean.valueOf(text) : null;
        case INTEGER -> integer(value);
        case NUMBER -> number(value);
        case DATE -> value instanceof String text ? date(text) : null;
        case TIMESTAMP_WITH_TIMEZONE -> value instanceof String text ? timestamp(text) : null;
        case TIMESTAMP_WITHOUT_TIMEZONE -> value instanceof String text ? localTimestamp(text) : null;
        case TIME_WITH_TIMEZONE -> value instanceof String text ? time(text) : null;
        case TIME_WITHOUT_TIMEZONE -> value instanceof String text ? LocalTime.parse(text) : null;
        case BINARY -> value instanceof String text ? Base64.getDecoder().decode(text) : null;
        case JSON -> json.apply(value);
      };
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }

  private static Object integer(Object value) {
    return switch (value) {
      case Long number -> number;
      case Integer number -> number.longValue();
      case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValue() : number;
      case Double number -> number == Math.rint(number) && !number.isInfinite() && Math.abs(number) < 9.2e18
          ? (Object) number.longValue() : null;
      case String text -> {
        BigInteger parsed = new BigDecimal(text.strip()).toBigIntegerExact();
        yield parsed.bitLength() < 64 ? (Object) parsed.longValue() : parsed;
      }
      default -> null;
    };
  }

  private static Object number(Object value) {
    return switch (value) {
      case Double number -> number;
      case Long number -> Math.abs(number) < (1L << 53) ? (Object) number.doubleValue() : new BigDecimal(number);
      case Integer number -> number.doubleValue();
      case BigInteger number -> new BigDecimal(number);
      case BigDecimal number -> number;
      case String text -> Double.parseDouble(text.strip());
      default -> null;
    };
  }

  private static LocalDate date(String text) {
    return text.length() > 10 ? timestamp(text).toLocalDate() : LocalDate.parse(text);
  }

  // ISO 8601 with 'T' or a space, offset optional (UTC when absent, as Airbyte reads it), or a plain date.
  private static OffsetDateTime timestamp(String text) {
    String iso = text.strip().replace(' ', 'T');
    if (iso.length() == 10) {
      return LocalDate.parse(iso).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(iso.endsWith("z") ? iso.substring(0, iso.length() - 1) + "Z" : iso);
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
    }
  }

  private static LocalDateTime localTimestamp(String text) {
    String iso = text.strip().replace(' ', 'T');
    if (iso.length() == 10) {
      return LocalDate.parse(iso).atStartOfDay();
    }
    try {
      return LocalDateTime.parse(iso);
    } catch (DateTimeParseException withOffset) {
      return OffsetDateTime.parse(iso).toLocalDateTime();
    }
  }

  private static OffsetTime time(String text) {
    try {
      return OffsetTime.parse(text.strip());
    } catch (DateTimeParseException noOffset) {
      return LocalTime.parse(text.strip()).atOffset(ZoneOffset.UTC);
    }
  }
}
