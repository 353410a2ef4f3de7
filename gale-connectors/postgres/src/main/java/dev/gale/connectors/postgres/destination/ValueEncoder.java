package dev.gale.connectors.postgres.destination;

import dev.gale.connector.data.ValueType;
import dev.gale.connectors.postgres.CopyWriter;
import dev.gale.connectors.postgres.PgTime;
import dev.gale.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Writes a record's value into a column of a given type in COPY's binary format. Values normally arrive as the Java
 * type of their {@link ValueType} and are written as they are; a value of another type is converted where the
 * conversion loses nothing (a {@code Long} into {@code numeric}, ISO text into a date). A value that cannot be
 * represented is not written: the caller writes NULL and records the change in {@code _airbyte_meta}, as Airbyte's
 * destinations do.
 */
final class ValueEncoder {
  private ValueEncoder() {}

  /**
   * Writes {@code value} (not null) as a {@code type} field.
   *
   * @param valueType the type the record's schema gives the value: JSON text goes into {@code jsonb} as it is
   * @return false when the value cannot be represented in the column; nothing was written then
   */
  static boolean write(CopyWriter out, ColumnType type, Object value, ValueType valueType) {
    try {
      switch (type) {
        case BOOLEAN -> out.bool(bool(value));
        case BIGINT -> out.int8(integer(value));
        case INTEGER -> out.int4(Math.toIntExact(integer(value)));
        case DOUBLE -> out.float8(value instanceof Double d ? d : new BigDecimal(text(value)).doubleValue());
        case NUMERIC -> numeric(out, value);
        case TEXT -> out.text(withoutNul(valueType == ValueType.JSON && value instanceof String json ? json : text(value)));
        case JSONB -> out.jsonb(valueType == ValueType.JSON && value instanceof String json ? json : json(value));
        case DATE -> out.date(value instanceof LocalDate date ? date : LocalDate.parse((String) value));
        case TIME -> out.time(time(value));
        case TIMETZ -> out.timetz(value instanceof OffsetTime time ? time : timetz(value));
        case TIMESTAMP -> out.timestamp(timestamp(value));
        case TIMESTAMPTZ -> out.timestamptzMicros(timestamptzMicros(value));
        case BYTEA -> out.bytes(value instanceof byte[] bytes ? bytes : Base64.getDecoder().decode((String) value));
        case UUID -> {
          java.util.UUID uuid = java.util.UUID.fromString(value.toString());
          out.uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        }
      }
      return true;
    } catch (RuntimeException e) {
      // Mistyped, unparseable or out of range (ClassCastException, DateTimeParseException, ArithmeticException...).
      return false;
    }
  }

  /** The text of a value in a {@code text} column: strings as they are, others in their JSON (Airbyte) form. */
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
      case String s -> Json.write(s);
      case Boolean b -> b.toString();
      case Long l -> l.toString();
      case Integer i -> i.toString();
      case BigInteger i -> i.toString();
      case BigDecimal decimal -> decimal.toPlainString();
      case Double d when Double.isFinite(d) -> d.toString();
      default -> Json.write(text(value));
    };
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch ((String) value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static long integer(Object value) {
    return switch (value) {
      case Long l -> l;
      case Integer i -> i;
      case Short s -> s;
      case BigInteger i -> i.longValueExact();
      case BigDecimal d -> d.longValueExact();
      case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
      case String s -> Long.parseLong(s);
      default -> throw new IllegalArgumentException("not an integer");
    };
  }

  private static void numeric(CopyWriter out, Object value) {
    switch (value) {
      case BigDecimal d -> out.numeric(d);
      case Long l -> out.numeric(BigDecimal.valueOf(l));
      case Integer i -> out.numeric(BigDecimal.valueOf(i));
      case BigInteger i -> out.numeric(new BigDecimal(i));
      case Double d when Double.isFinite(d) -> out.numeric(BigDecimal.valueOf(d));
      case Double d -> out.numericSpecial(d);
      case String s -> out.numeric(new BigDecimal(s));
      default -> throw new IllegalArgumentException("not a number");
    }
  }

  private static LocalTime time(Object value) {
    return switch (value) {
      case LocalTime t -> t;
      case OffsetTime t -> t.toLocalTime();
      case String s -> LocalTime.parse(s);
      default -> throw new IllegalArgumentException("not a time");
    };
  }

  private static OffsetTime timetz(Object value) {
    return switch (value) {
      case LocalTime t -> t.atOffset(ZoneOffset.UTC);
      case String s -> OffsetTime.parse(s);
      default -> throw new IllegalArgumentException("not a time with time zone");
    };
  }

  // A timestamp with an offset loses it the way PostgreSQL casts one: at UTC.
  private static LocalDateTime timestamp(Object value) {
    return switch (value) {
      case LocalDateTime t -> t;
      case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      case String s -> LocalDateTime.parse(s);
      default -> throw new IllegalArgumentException("not a timestamp");
    };
  }

  private static long timestamptzMicros(Object value) {
    return switch (value) {
      case OffsetDateTime t -> PgTime.micros(t);
      case Instant t -> PgTime.micros(t);
      case LocalDateTime t -> PgTime.micros(t.atOffset(ZoneOffset.UTC));
      case String s -> PgTime.micros(OffsetDateTime.parse(s));
      default -> throw new IllegalArgumentException("not a timestamp with time zone");
    };
  }

  // PostgreSQL text cannot hold NUL; Airbyte's destinations drop it too.
  private static String withoutNul(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }
}
