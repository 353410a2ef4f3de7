package dev.gale.server.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.http.Required;
import java.util.List;

/**
 * How a stream changed between two discoveries of a source, in Airbyte's {@code CatalogDiff} shapes, which the Config
 * API shows as they are: their names, fields and wire values are Airbyte's.
 */
public final class SchemaChanges {
  private SchemaChanges() {}

  public enum StreamTransformType {
    @JsonProperty("add_stream") ADD_STREAM,
    @JsonProperty("remove_stream") REMOVE_STREAM,
    @JsonProperty("update_stream") UPDATE_STREAM
  }

  public record FieldTransform(@Required FieldTransformType transformType, @Required List<String> fieldName,
                               @Required Boolean breaking, FieldSchema addField, FieldSchema removeField,
                               FieldSchemaUpdate updateFieldSchema) {}

  public enum FieldTransformType {
    @JsonProperty("add_field") ADD_FIELD,
    @JsonProperty("remove_field") REMOVE_FIELD,
    @JsonProperty("update_field_schema") UPDATE_FIELD_SCHEMA
  }

  /** Airbyte's FieldAdd and FieldRemove: the field's JSON schema. */
  public record FieldSchema(JsonNode schema) {}

  public record FieldSchemaUpdate(@Required JsonNode oldSchema, @Required JsonNode newSchema) {}
}
