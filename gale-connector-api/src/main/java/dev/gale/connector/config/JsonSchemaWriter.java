package dev.gale.connector.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;

/** Writes declarations as JSON Schema with Airbyte's form annotations ({@code airbyte_secret}, {@code order}). */
final class JsonSchemaWriter {
  static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";

  private JsonSchemaWriter() {}

  static ObjectNode root(ConfigSchema schema) {
    ObjectNode root = Json.object().put("$schema", DRAFT_7);
    writeObject(root, schema);
    root.put("additionalProperties", true);
    return root;
  }

  private static void writeObject(ObjectNode target, ConfigSchema schema) {
    target.put("title", schema.title());
    if (schema.description() != null) {
      target.put("description", schema.description());
    }
    target.put("type", "object");
    writeMembers(target, schema);
  }

  private static void writeMembers(ObjectNode target, ConfigSchema schema) {
    ArrayNode required = Json.mapper().createArrayNode();
    ObjectNode properties = Json.object();
    for (ConfigField<?> field : schema.fields()) {
      if (field.required()) {
        required.add(field.name());
      }
      properties.set(field.name(), property(field));
    }
    if (!required.isEmpty()) {
      target.set("required", required);
    }
    target.set("properties", properties);
  }

  private static ObjectNode property(ConfigField<?> field) {
    ObjectNode property = Json.object();
    if (field.title() != null) {
      property.put("title", field.title());
    }
    if (field.description() != null) {
      property.put("description", field.description());
    }
    property.put("type", field.type().jsonType());
    switch (field.type()) {
      case OBJECT -> writeMembers(property, field.options().getFirst());
      case ONE_OF -> {
        ArrayNode oneOf = property.putArray("oneOf");
        for (ConfigSchema option : field.options()) {
          ObjectNode branch = Json.object();
          writeObject(branch, option);
          oneOf.add(branch);
        }
      }
      case STRING_LIST -> property.putObject("items").put("type", "string");
      default -> { }
    }
    if (field.implicitValue() != null) {
      property.set("default", canonical(field.implicitValue()));
    }
    if (field.constant() != null) {
      property.set("const", canonical(field.constant()));
    }
    if (field.minimum() != null) {
      property.set("minimum", canonical(field.minimum()));
    }
    if (field.maximum() != null) {
      property.set("maximum", canonical(field.maximum()));
    }
    if (!field.allowedValues().isEmpty()) {
      property.set("enum", canonical(field.allowedValues()));
    }
    if (!field.examples().isEmpty()) {
      property.set("examples", canonical(field.examples()));
    }
    if (field.secret()) {
      property.put("airbyte_secret", true);
    }
    if (field.order() != null) {
      property.put("order", field.order());
    }
    return property;
  }

  // Through text, so that numbers become the nodes a parser makes (5432 an int node, not a long node) and the
  // schema equals the same schema read back.
  private static JsonNode canonical(Object value) {
    return Json.parse(Json.write(value));
  }
}
