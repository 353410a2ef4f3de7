package dev.gale.connectors.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL types of a typed final table's columns, chosen from a property's JSON Schema the way Airbyte's
 * Postgres destination chooses them (integers as {@code bigint}, numbers as {@code numeric}, objects, arrays,
 * unions and untyped values as {@code jsonb}), except that base64 strings are kept as {@code bytea} so that binary
 * data survives as bytes. Existing columns keep their type; a few more common types can be written into.
 */
enum ColumnType {
  BOOLEAN("boolean", "bool"),
  BIGINT("bigint", "int8"),
  NUMERIC("numeric", "numeric"),
  TEXT("text", "text"),
  JSONB("jsonb", "jsonb"),
  DATE("date", "date"),
  TIME("time", "time"),
  TIMETZ("timetz", "timetz"),
  TIMESTAMP("timestamp", "timestamp"),
  TIMESTAMPTZ("timestamptz", "timestamptz"),
  BYTEA("bytea", "bytea"),
  UUID("uuid", "uuid"),
  /** Not chosen for new columns, but written into existing ones (a table made outside Gale). */
  INTEGER("integer", "int4"),
  DOUBLE("double precision", "float8");

  private static final String WELL_KNOWN = "WellKnownTypes.json#/definitions/";

  private final String sql;
  private final String typeName;

  ColumnType(String sql, String typeName) {
    this.sql = sql;
    this.typeName = typeName;
  }

  /** The type as written in DDL. */
  String sql() {
    return sql;
  }

  /** The type of an existing column, by {@code pg_type.typname}; empty for a type Gale does not write. */
  static Optional<ColumnType> ofTypeName(String typeName) {
    for (ColumnType type : values()) {
      if (type.typeName.equals(typeName)) {
        return Optional.of(type);
      }
    }
    return typeName.equals("varchar") || typeName.equals("bpchar") ? Optional.of(TEXT) : Optional.empty();
  }

  /** The column type for a property's schema: {@code type}, {@code format}, {@code airbyte_type} or a {@code $ref}. */
  static ColumnType of(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return JSONB;
    }
    if (schema.has("$ref")) {
      return ofReference(schema.get("$ref").asText());
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      type.forEach(t -> {
        if (!t.asText().equals("null")) {
          types.add(t.asText());
        }
      });
    } else if (type != null && type.isTextual()) {
      types.add(type.asText());
    }
    if (types.size() != 1) {
      return JSONB;
    }
    String airbyteType = schema.path("airbyte_type").asText("");
    return switch (types.getFirst()) {
      case "boolean" -> BOOLEAN;
      case "integer" -> airbyteType.equals("big_integer") ? NUMERIC : BIGINT;
      case "number" -> airbyteType.equals("integer") ? BIGINT : NUMERIC;
      case "string" -> ofString(schema.path("format").asText(""), airbyteType,
          schema.path("contentEncoding").asText(""));
      default -> JSONB;
    };
  }

  private static ColumnType ofString(String format, String airbyteType, String contentEncoding) {
    if (contentEncoding.equals("base64")) {
      return BYTEA;
    }
    return switch (format) {
      case "date" -> DATE;
      case "date-time" -> airbyteType.equals("timestamp_without_timezone") ? TIMESTAMP : TIMESTAMPTZ;
      case "time" -> airbyteType.equals("time_with_timezone") ? TIMETZ : TIME;
      default -> TEXT;
    };
  }

  private static ColumnType ofReference(String reference) {
    String name = reference.startsWith(WELL_KNOWN) ? reference.substring(WELL_KNOWN.length()) : "";
    return switch (name) {
      case "String" -> TEXT;
      case "BinaryData" -> BYTEA;
      case "Date" -> DATE;
      case "TimestampWithTimezone" -> TIMESTAMPTZ;
      case "TimestampWithoutTimezone" -> TIMESTAMP;
      case "TimeWithTimezone" -> TIMETZ;
      case "TimeWithoutTimezone" -> TIME;
      case "Number" -> NUMERIC;
      case "Integer" -> BIGINT;
      case "Boolean" -> BOOLEAN;
      default -> JSONB;
    };
  }
}
