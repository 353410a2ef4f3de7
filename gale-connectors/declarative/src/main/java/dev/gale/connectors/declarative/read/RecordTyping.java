package dev.gale.connectors.declarative.read;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.runtime.Run;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns JSON records into rows of a stream's {@link RecordSchema}: one value per column, converted to its
 * {@link ValueType}'s Java representation (numbers in strings read as numbers, ISO text as dates and times, as
 * Airbyte's schema normalisation would). A value that does not fit its type becomes null, with one WARN line per
 * field. Fields the JSON schema does not declare are dropped: a batch's columns are the schema's, as destinations
 * created their tables from the discovered schema.
 */
final class RecordTyping {
  private final RecordSchema schema;
  private final Run run;
  private final Set<String> warned = new HashSet<>();
  private final Function<Object, String> json = new JsonText()::write;

  RecordTyping(RecordSchema schema, Run run) {
    this.schema = schema;
    this.run = run;
  }

  Object[] row(Map<String, Object> record) {
    List<Column> columns = schema.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      Object value = record.get(column.name());
      if (value == null) {
        continue;
      }
      Object typed = convert(value, column.type(), json);
      if (typed == null && warned.add(column.name())) {
        run.log(LogLevel.WARN, "Stream '" + schema.stream() + "': field '" + column.name() + "' holds a value that is"
            + " not a " + column.type().name().toLowerCase(Locale.ROOT) + " (as its schema says); such"
            + " values are read as null");
      }
      row[i] = typed;
    }
    return row;
  }

  static Object convert(Object value, ValueType type) {
    return convert(value, type, JsonValues::write);
  }

  /** @param json writes a value as JSON text, for {@code JSON} columns and non-text values of {@code STRING} ones */
  private static Object convert(Object value, ValueType type, Function<Object, String> json) {
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
