package dev.gale.connector.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The types a record's values have between connectors, after Airbyte's well-known types. Each type has exactly one
 * Java representation, so readers and writers never guess:
 *
 * <table>
 *   <caption>Java values by type</caption>
 *   <tr><th>type</th><th>Java value</th></tr>
 *   <tr><td>{@link #STRING}</td><td>{@link String}</td></tr>
 *   <tr><td>{@link #BOOLEAN}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>{@link #INTEGER}</td><td>{@link Long}, or {@link java.math.BigInteger} beyond 64 bits</td></tr>
 *   <tr><td>{@link #NUMBER}</td><td>{@link Double} or {@link java.math.BigDecimal} (exact decimals)</td></tr>
 *   <tr><td>{@link #DATE}</td><td>{@link java.time.LocalDate}</td></tr>
 *   <tr><td>{@link #TIMESTAMP_WITH_TIMEZONE}</td><td>{@link java.time.OffsetDateTime}</td></tr>
 *   <tr><td>{@link #TIMESTAMP_WITHOUT_TIMEZONE}</td><td>{@link java.time.LocalDateTime}</td></tr>
 *   <tr><td>{@link #TIME_WITH_TIMEZONE}</td><td>{@link java.time.OffsetTime}</td></tr>
 *   <tr><td>{@link #TIME_WITHOUT_TIMEZONE}</td><td>{@link java.time.LocalTime}</td></tr>
 *   <tr><td>{@link #BINARY}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@link #JSON}</td><td>{@link String} holding JSON text (objects, arrays, anything without a type)</td></tr>
 * </table>
 * Any value may be {@code null}.
 */
public enum ValueType {
  STRING, BOOLEAN, INTEGER, NUMBER, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE,
  TIME_WITHOUT_TIMEZONE, BINARY, JSON;

  /** Whether {@code value} is this type's Java representation (or {@code null}); see the class comment. */
  public boolean accepts(Object value) {
    if (value == null) {
      return true;
    }
    return switch (this) {
      case STRING, JSON -> value instanceof String;
      case BOOLEAN -> value instanceof Boolean;
      case INTEGER -> value instanceof Long || value instanceof BigInteger;
      case NUMBER -> value instanceof Double || value instanceof BigDecimal;
      case DATE -> value instanceof LocalDate;
      case TIMESTAMP_WITH_TIMEZONE -> value instanceof OffsetDateTime;
      case TIMESTAMP_WITHOUT_TIMEZONE -> value instanceof LocalDateTime;
      case TIME_WITH_TIMEZONE -> value instanceof OffsetTime;
      case TIME_WITHOUT_TIMEZONE -> value instanceof LocalTime;
      case BINARY -> value instanceof byte[];
    };
  }

  /**
   * The type of a property declared in a stream's JSON Schema, by Airbyte's type system: {@code type} (a
   * {@code "null"} member only makes it nullable), {@code format} and {@code airbyte_type} for dates and times,
   * {@code airbyte_type: integer} on numbers, {@code contentEncoding: base64} for binary strings. Objects, arrays,
   * unions of several types and properties without a type are {@link #JSON}. Timestamps and times without an
   * {@code airbyte_type} have a time zone, as Airbyte reads them.
   */
  public static ValueType of(JsonNode property) {
    List<String> types = nonNullTypes(property);
    if (types.size() != 1) {
      return JSON;
    }
    String airbyteType = property.path("airbyte_type").asText();
    return switch (types.getFirst()) {
      case "string" -> ofString(property.path("format").asText(), airbyteType,
          property.path("contentEncoding").asText());
      case "boolean" -> BOOLEAN;
      case "integer" -> INTEGER;
      case "number" -> "integer".equals(airbyteType) ? INTEGER : NUMBER;
      default -> JSON;
    };
  }

  /**
   * The names a property's {@code type} lists (one name or an array of them), without {@code "null"}, which only
   * makes the property nullable; empty when it has no {@code type}.
   */
  public static List<String> nonNullTypes(JsonNode property) {
    List<String> types = new ArrayList<>();
    JsonNode type = property.path("type");
    if (type.isTextual()) {
      types.add(type.textValue());
    } else {
      type.forEach(member -> types.add(member.asText()));
    }
    types.remove("null");
    return types;
  }

  private static ValueType ofString(String format, String airbyteType, String contentEncoding) {
    return switch (format) {
      case "date" -> DATE;
      case "date-time" -> "timestamp_without_timezone".equals(airbyteType) ? TIMESTAMP_WITHOUT_TIMEZONE
          : TIMESTAMP_WITH_TIMEZONE;
      case "time" -> "time_without_timezone".equals(airbyteType) ? TIME_WITHOUT_TIMEZONE : TIME_WITH_TIMEZONE;
      default -> "base64".equals(contentEncoding) ? BINARY : STRING;
    };
  }
}
