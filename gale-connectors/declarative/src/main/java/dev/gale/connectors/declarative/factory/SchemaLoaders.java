package dev.gale.connectors.declarative.factory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.List;
import java.util.Map;

/**
 * A stream's JSON schema, read at load time: {@code InlineSchemaLoader}'s schema (often a {@code $ref} into the
 * manifest's {@code schemas}), or {@code JsonFileSchemaLoader}'s file, which a manifest-only connector carries in its
 * {@code schemas} section under the file's base name ({@code ./schemas/users.json} is {@code schemas.users}; without
 * a file path, the stream's name). A missing file is a load-time error. Several loaders merge their properties.
 */
final class SchemaLoaders {
  private final JsonNode schemas;
  private final Run loadRun;

  SchemaLoaders(JsonNode schemas, Run loadRun) {
    this.schemas = schemas;
    this.loadRun = loadRun;
  }

  JsonNode schemaOf(ComponentNode stream, String name) {
    List<ComponentNode> loaders = stream.components("schema_loader");
    if (loaders.isEmpty()) {
      return complete(fromFile(stream, "schema_loader", name, name).deepCopy());
    }
    ObjectNode merged = null;
    for (ComponentNode loader : loaders) {
      JsonNode schema = switch (loader.type()) {
        case "InlineSchemaLoader" -> loader.value("schema").orElse(Streams.emptySchema());
        case "JsonFileSchemaLoader" -> fromFile(loader, "file_path", loader.string("file_path").map(path ->
            baseName(Template.of(path, loader.parameters()).render(loadRun, Map.of()))).orElse(name), name);
        default -> throw loader.error(null, "unexpected schema loader " + loader.type());
      };
      if (merged == null) {
        merged = schema.isObject() ? ((ObjectNode) schema).deepCopy() : Streams.emptySchema();
      } else if (schema.path("properties").isObject()) {
        merged.with("properties").setAll((ObjectNode) schema.get("properties"));
      }
    }
    return complete(merged);
  }

  // Discovery and typing expect an object schema with properties, even where a manifest leaves them out.
  private static ObjectNode complete(JsonNode schema) {
    ObjectNode object = schema.isObject() ? (ObjectNode) schema : Streams.emptySchema();
    if (!object.has("type")) {
      object.put("type", "object");
    }
    if (!object.path("properties").isObject()) {
      object.putObject("properties");
    }
    return object;
  }

  private JsonNode fromFile(ComponentNode node, String field, String file, String stream) {
    JsonNode schema = schemas == null ? null : schemas.get(file);
    if (schema == null || !schema.isObject()) {
      throw node.error(field, "the schema file '" + file + "' of stream '" + stream + "' is not in the manifest's"
          + " schemas section");
    }
    return schema;
  }

  private static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }
}
