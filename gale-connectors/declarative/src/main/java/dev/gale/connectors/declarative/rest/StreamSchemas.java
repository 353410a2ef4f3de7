package dev.gale.connectors.declarative.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schema of the stream: as the configuration gives it, inferred from records, and what the manifest needs. */
final class StreamSchemas {
  private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";
  // What typing a record reads of a property (dev.gale.connector.data.ValueType#of).
  private static final List<String> TYPING_KEYWORDS = List.of("type", "format", "airbyte_type", "contentEncoding");

  private StreamSchemas() {}

  /**
   * The configuration's {@code json_schema}, checked: an object schema whose properties include the key and cursor
   * fields. Null when the configuration gives none.
   */
  static ObjectNode given(JsonNode schema, List<String> primaryKey, Incremental incremental, List<String> problems) {
    if (schema == null || schema.isNull() || !schema.isObject()) {
      return null;
    }
    JsonNode type = schema.get("type");
    if (type != null && !(type.isTextual() ? type.textValue().equals("object") : contains(type, "object"))) {
      problems.add("json_schema must describe objects (type object)");
    }
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject()) {
      problems.add("json_schema must have properties, the fields of the records");
      return null;
    }
    properties.properties().forEach(property -> {
      if (!property.getValue().isObject()) {
        problems.add("json_schema.properties." + property.getKey() + " must be a schema (an object)");
      }
    });
    missingFields(properties, primaryKey, incremental).forEach(field ->
        problems.add(field + " is not among the properties of json_schema"));
    return schema.deepCopy();
  }

  /**
   * A schema for {@code records}: each top-level field with the JSON types its values have, {@code null} included as
   * Airbyte's schema inference does (a later page may hold a null); integers and numbers together are numbers; a
   * field that is null everywhere has no type. Nested objects and arrays are typed as such, not described further.
   */
  static ObjectNode infer(List<JsonNode> records) {
    Map<String, Set<String>> types = new LinkedHashMap<>();
    for (JsonNode record : records) {
      record.properties().forEach(field ->
          types.computeIfAbsent(field.getKey(), key -> new LinkedHashSet<>()).add(typeOf(field.getValue())));
    }
    ObjectNode schema = Json.object().put("$schema", DRAFT_7).put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    types.forEach((name, seen) -> {
      ObjectNode property = properties.putObject(name);
      if (seen.contains("number")) {
        seen.remove("integer");
      }
      seen.remove("null");
      if (!seen.isEmpty()) {
        ArrayNode type = property.putArray("type");
        seen.forEach(type::add);
        type.add("null");
      }
    });
    return schema;
  }

  /**
   * The part of {@code schema} the manifest gets: the top-level properties with what typing reads of them. A manifest
   * reads a {@code $ref} or a text starting with {@code #/} anywhere as a reference into itself, which a JSON Schema
   * means otherwise; typing needs nothing more.
   */
  static ObjectNode forTyping(JsonNode schema) {
    ObjectNode typing = Json.object().put("type", "object");
    ObjectNode properties = typing.putObject("properties");
    schema.path("properties").properties().forEach(property -> {
      ObjectNode kept = properties.putObject(property.getKey());
      for (String keyword : TYPING_KEYWORDS) {
        JsonNode value = property.getValue().get(keyword);
        if (value != null) {
          kept.set(keyword, value.deepCopy());
        }
      }
    });
    return typing;
  }

  /** A schema without properties, for requests whose records are not typed (a check, the first page). */
  static ObjectNode empty() {
    return forTyping(Json.object());
  }

  /** The key and cursor fields that are not among {@code properties}, described for a message. */
  static List<String> missingFields(JsonNode properties, List<String> primaryKey, Incremental incremental) {
    List<String> missing = new ArrayList<>();
    for (String field : primaryKey) {
      if (!properties.has(field)) {
        missing.add("the primary key field '" + field + "'");
      }
    }
    if (incremental != null && !properties.has(incremental.cursorField())) {
      missing.add("the cursor field '" + incremental.cursorField() + "'");
    }
    return missing;
  }

  private static String typeOf(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL, MISSING -> "null";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case STRING, BINARY, POJO -> "string";
      case OBJECT -> "object";
      case ARRAY -> "array";
    };
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode item : array) {
      if (item.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
