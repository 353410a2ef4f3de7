package dev.gale.connectors.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;

/**
 * The JSON Schema of a value type in a stream's {@code json_schema}, after Airbyte's type system: dates and times are
 * strings with {@code format} and {@code airbyte_type}, binary data is a base64 string, and JSON values (objects,
 * arrays, anything) have a schema without a type.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  /** A new node on every call: schemas are mutable trees that callers may change. */
  public static ObjectNode of(ValueType type) {
    ObjectNode schema = Json.object();
    return switch (type) {
      case STRING -> schema.put("type", "string");
      case BOOLEAN -> schema.put("type", "boolean");
      case INTEGER -> schema.put("type", "integer");
      case NUMBER -> schema.put("type", "number");
      case DATE -> schema.put("type", "string").put("format", "date");
      case TIMESTAMP_WITH_TIMEZONE -> dateTime(schema, "date-time", "timestamp_with_timezone");
      case TIMESTAMP_WITHOUT_TIMEZONE -> dateTime(schema, "date-time", "timestamp_without_timezone");
      case TIME_WITH_TIMEZONE -> dateTime(schema, "time", "time_with_timezone");
      case TIME_WITHOUT_TIMEZONE -> dateTime(schema, "time", "time_without_timezone");
      case BINARY -> schema.put("type", "string").put("contentEncoding", "base64");
      case JSON -> schema;
    };
  }

  private static ObjectNode dateTime(ObjectNode schema, String format, String airbyteType) {
    return schema.put("type", "string").put("format", format).put("airbyte_type", airbyteType);
  }
}
