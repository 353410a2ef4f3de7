package dev.gale.connectors.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;

/**
 * The type a column of the file gets in the stream's JSON Schema. Every column is nullable: a file cannot promise
 * that a value is always there. Inferred types widen as values are seen: integers and numbers make numbers, other
 * mixes of scalars make strings (as pandas makes an object column of them), and mixes with objects or arrays make a
 * column of any JSON.
 */
enum ColumnType {
  BOOLEAN, INTEGER, NUMBER, STRING, OBJECT, ARRAY,
  /** Values of several JSON types, objects or arrays among them: kept as JSON text. */
  ANY,
  /** Only from Parquet, whose schema says so. */
  DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, BINARY;

  /** The type of a column that held values of this type and of {@code other}; {@code null} is "no value yet". */
  ColumnType widen(ColumnType other) {
    if (other == null || other == this) {
      return this;
    }
    if (isNumeric() && other.isNumeric()) {
      return NUMBER;
    }
    return isScalar() && other.isScalar() ? STRING : ANY;
  }

  private boolean isNumeric() {
    return this == INTEGER || this == NUMBER;
  }

  private boolean isScalar() {
    return this != OBJECT && this != ARRAY && this != ANY;
  }

  /** The property of this type in the stream's JSON Schema. */
  ObjectNode jsonSchema() {
    ObjectNode property = Json.object();
    switch (this) {
      case ANY -> { }
      case DATE -> nullable(property, "string").put("format", "date");
      case TIMESTAMP_WITH_TIMEZONE -> nullable(property, "string").put("format", "date-time")
          .put("airbyte_type", "timestamp_with_timezone");
      case TIMESTAMP_WITHOUT_TIMEZONE -> nullable(property, "string").put("format", "date-time")
          .put("airbyte_type", "timestamp_without_timezone");
      case BINARY -> nullable(property, "string").put("contentEncoding", "base64");
      default -> nullable(property, name().toLowerCase(java.util.Locale.ROOT));
    }
    return property;
  }

  /** The type of the values in record batches; agrees with {@link ValueType#of} on {@link #jsonSchema()}. */
  ValueType valueType() {
    return switch (this) {
      case BOOLEAN -> ValueType.BOOLEAN;
      case INTEGER -> ValueType.INTEGER;
      case NUMBER -> ValueType.NUMBER;
      case STRING -> ValueType.STRING;
      case OBJECT, ARRAY, ANY -> ValueType.JSON;
      case DATE -> ValueType.DATE;
      case TIMESTAMP_WITH_TIMEZONE -> ValueType.TIMESTAMP_WITH_TIMEZONE;
      case TIMESTAMP_WITHOUT_TIMEZONE -> ValueType.TIMESTAMP_WITHOUT_TIMEZONE;
      case BINARY -> ValueType.BINARY;
    };
  }

  private static ObjectNode nullable(ObjectNode property, String type) {
    property.putArray("type").add(type).add("null");
    return property;
  }
}
