package dev.gale.connectors.duckdb;

import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * Turns a record's value into the exact Java type the appender takes for a column, before anything is appended:
 * the appender takes a row value by value, and a value that failed halfway would leave a broken row. Values normally
 * arrive as the Java type of their {@link ValueType} and pass as they are; others are converted where nothing is
 * lost (a {@code Long} into a decimal, ISO text into a date). What cannot be represented becomes NULL and is named in
 * {@code _airbyte_meta}, as Airbyte's destinations do.
 */
final class ValueConverter {
  /** Returned for a value the column cannot hold. */
  static final Object UNREPRESENTABLE = new Object();

  private ValueConverter() {}

  /**
   * The value to append for {@code value} (not null) in a {@code type} column, or {@link #UNREPRESENTABLE}.
   *
   * @param valueType the type the record's schema gives the value: JSON text goes into JSON columns as it is
   */
  static Object convert(ColumnType type, Object value, ValueType valueType) {
    try {
      return switch (type) {
        case BOOLEAN -> value instanceof Boolean b ? b : bool((String) value);
        case BIGINT -> integer(value);
        case DECIMAL -> decimal(value);
        case DOUBLE -> value instanceof Double d ? d : Double.valueOf(decimalOf(value).doubleValue());
        case VARCHAR -> text(value);
        case JSON -> valueType == ValueType.JSON && value instanceof String json ? json : json(value);
        case DATE -> value instanceof LocalDate date ? date : LocalDate.parse((String) value);
        case TIME -> value instanceof LocalTime time ? time : LocalTime.parse((String) value);
        case TIMETZ -> value instanceof OffsetTime time ? time : OffsetTime.parse((String) value);
        case TIMESTAMP -> value instanceof LocalDateTime time ? time : LocalDateTime.parse((String) value);
        case TIMESTAMPTZ -> timestamptz(value);
        case BLOB -> value instanceof byte[] bytes ? bytes : Base64.getDecoder().decode((String) value);
        case UUID -> value instanceof UUID uuid ? uuid : UUID.fromString((String) value);
      };
    } catch (RuntimeException e) {
      // Mistyped, unparseable or out of range (ClassCastException, DateTimeParseException, ArithmeticException...).
      return UNREPRESENTABLE;
    }
  }

  /** Whether a decimal had to be rounded to {@link ColumnType#DECIMAL_SCALE} digits to fit. */
  static boolean rounded(Object original, Object converted) {
    return converted instanceof BigDecimal fitted && original != null && decimalOf(original).compareTo(fitted) != 0;
  }

  private static Boolean bool(String text) {
    return switch (text) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static Long integer(Object value) {
    return switch (value) {
      case Long l -> l;
      case Integer i -> i.longValue();
      case BigInteger i -> i.longValueExact();
      case BigDecimal d -> d.longValueExact();
      case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
      case String s -> Long.valueOf(s);
      default -> throw new IllegalArgumentException("not an integer");
    };
  }

  /** Fitted to DECIMAL(38,9): rounded to 9 fractional digits, refused when the integer part is too long. */
  private static BigDecimal decimal(Object value) {
    BigDecimal fitted = decimalOf(value).setScale(ColumnType.DECIMAL_SCALE, RoundingMode.HALF_EVEN);
    if (fitted.precision() > ColumnType.DECIMAL_PRECISION) {
      throw new ArithmeticException("too large for DECIMAL(38,9)");
    }
    return fitted;
  }

  private static BigDecimal decimalOf(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case BigInteger i -> new BigDecimal(i);
      case Double d -> BigDecimal.valueOf(d); // NumberFormatException for NaN and infinities: not representable
      case String s -> new BigDecimal(s);
      default -> throw new IllegalArgumentException("not a number");
    };
  }

  private static OffsetDateTime timestamptz(Object value) {
    return switch (value) {
      case OffsetDateTime time -> time;
      // As Airbyte reads a timestamp without zone into a column with one: in UTC.
      case LocalDateTime time -> time.atOffset(ZoneOffset.UTC);
      case String s -> OffsetDateTime.parse(s);
      default -> throw new IllegalArgumentException("not a timestamp");
    };
  }

  /** The text of a value in a VARCHAR column: strings as they are, others in their JSON (Airbyte) form. */
  static String text(Object value) {
    return switch (value) {
      case String s -> s;
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      case BigDecimal decimal -> decimal.toPlainString();
      default -> value.toString();
    };
  }

  private static String json(Object value) {
    return switch (value) {
      case Boolean b -> b.toString();
      case Long l -> l.toString();
      case Integer i -> i.toString();
      case BigInteger i -> i.toString();
      case BigDecimal decimal -> decimal.toPlainString();
      case Double d when Double.isFinite(d) -> d.toString();
      default -> Json.write(text(value)); // strings, dates and times, bytes: a JSON string
    };
  }
}
