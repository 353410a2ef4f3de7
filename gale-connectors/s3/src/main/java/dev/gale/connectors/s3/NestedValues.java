package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A nested column's JSON text as the Java values of its {@link NestedType}: a {@link NestedType.Struct} becomes an
 * {@code Object[]} (one value per declared field, in order), a {@link NestedType.ListOf} a {@code List}, a scalar the
 * class Gale's typed batches use for that type (so that Parquet and Avro write it as they write top-level values).
 * Values that do not fit are null, and their paths are added to {@code nulled}, as Airbyte reports them in
 * {@code _airbyte_meta.changes}; undeclared properties are dropped, as in Airbyte.
 */
final class NestedValues {
  private NestedValues() {}

  /** The value of a nested column whose batch value is {@code value} (JSON text), or null. */
  static Object column(String name, NestedType type, Object value, List<String> nulled) {
    if (value == null) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.parse(value instanceof String text ? text : JsonText.text(value));
    } catch (RuntimeException e) {
      nulled.add(name);
      return null;
    }
    return shape(node, type, name, nulled);
  }

  static Object shape(JsonNode node, NestedType type, String path, List<String> nulled) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Object shaped = switch (type) {
      case NestedType.Struct struct -> struct(node, struct, path, nulled);
      case NestedType.ListOf list -> list(node, list, path, nulled);
      case NestedType.Scalar scalar -> scalar(node, scalar.type());
    };
    if (shaped == null) {
      nulled.add(path);
    }
    return shaped;
  }

  private static Object[] struct(JsonNode node, NestedType.Struct struct, String path, List<String> nulled) {
    if (!node.isObject()) {
      return null;
    }
    Object[] values = new Object[struct.fields().size()];
    for (int i = 0; i < values.length; i++) {
      NestedType.Field field = struct.fields().get(i);
      values[i] = shape(node.get(field.name()), field.type(), path + "." + field.name(), nulled);
    }
    return values;
  }

  private static List<Object> list(JsonNode node, NestedType.ListOf list, String path, List<String> nulled) {
    if (!node.isArray()) {
      return null;
    }
    List<Object> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      values.add(shape(node.get(i), list.items(), path + ".[" + i + "]", nulled));
    }
    return values;
  }

  /** A scalar coerced as Airbyte coerces it, or null when it does not fit. */
  private static Object scalar(JsonNode node, ValueType type) {
    try {
      return switch (type) {
        case JSON -> node.toString();
        case STRING, TIME_WITH_TIMEZONE -> node.isTextual() ? node.textValue() : node.toString();
        case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
        case INTEGER -> integer(node);
        case NUMBER -> node.isNumber() ? node.doubleValue()
            : node.isTextual() ? new BigDecimal(node.textValue()).doubleValue() : null;
        case DATE -> node.isTextual() ? LocalDate.parse(node.textValue()) : null;
        case TIMESTAMP_WITH_TIMEZONE -> node.isTextual() ? timestamp(node.textValue()) : null;
        case TIMESTAMP_WITHOUT_TIMEZONE -> node.isTextual() ? localTimestamp(node.textValue()) : null;
        case TIME_WITHOUT_TIMEZONE -> node.isTextual() ? LocalTime.parse(node.textValue()) : null;
        case BINARY -> node.isTextual() ? Base64.getDecoder().decode(node.textValue()) : null;
      };
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      return null; // NumberFormatException is an IllegalArgumentException
    }
  }

  /** An integer that fits 64 bits; Airbyte nulls larger ones, and numbers with a fraction. */
  private static Long integer(JsonNode node) {
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isNumber()) {
      value = node.decimalValue().toBigIntegerExact();
    } else if (node.isTextual()) {
      value = new BigInteger(node.textValue());
    } else {
      return null;
    }
    return value.bitLength() <= 63 ? value.longValue() : null;
  }

  private static OffsetDateTime timestamp(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }
  }

  private static LocalDateTime localTimestamp(String text) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toLocalDateTime();
    }
  }
}
