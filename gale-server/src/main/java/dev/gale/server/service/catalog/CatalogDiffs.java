package dev.gale.server.service.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gale.protocol.AirbyteStream;
import dev.gale.server.domain.SchemaChanges.FieldSchema;
import dev.gale.server.domain.SchemaChanges.FieldSchemaUpdate;
import dev.gale.server.domain.SchemaChanges.FieldTransform;
import dev.gale.server.domain.SchemaChanges.FieldTransformType;
import dev.gale.server.domain.SchemaChanges.StreamTransformType;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between a connection's catalog and a newly discovered one, as Airbyte's {@code CatalogDiff}: streams
 * added and removed, and per stream the top-level fields added, removed or retyped. A change is breaking when it
 * takes away what a selected stream syncs by: the stream itself, its cursor or a primary-key field.
 */
public final class CatalogDiffs {
  private CatalogDiffs() {}

  public static List<StreamChange> between(SyncCatalog.AirbyteCatalog current, dev.gale.protocol.AirbyteCatalog discovered) {
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> before = new LinkedHashMap<>();
    current.streams().forEach(s -> before.put(new StreamDescriptor(s.stream().name(), s.stream().namespace()), s));
    Map<StreamDescriptor, AirbyteStream> after = new LinkedHashMap<>();
    discovered.streams().forEach(s -> after.put(new StreamDescriptor(s.name(), s.namespace()), s));

    List<StreamChange> changes = new ArrayList<>();
    after.keySet().stream().filter(d -> !before.containsKey(d))
        .forEach(d -> changes.add(new StreamChange(StreamTransformType.ADD_STREAM, d, null)));
    before.keySet().stream().filter(d -> !after.containsKey(d))
        .forEach(d -> changes.add(new StreamChange(StreamTransformType.REMOVE_STREAM, d, null)));
    for (var entry : before.entrySet()) {
      AirbyteStream now = after.get(entry.getKey());
      if (now != null) {
        List<FieldTransform> fields = fields(entry.getValue(), now.jsonSchema());
        if (!fields.isEmpty()) {
          changes.add(new StreamChange(StreamTransformType.UPDATE_STREAM, entry.getKey(), fields));
        }
      }
    }
    return changes;
  }

  /** Whether applying the diff would break a selected stream of the current catalog. */
  public static boolean isBreaking(List<StreamChange> diff, SyncCatalog.AirbyteCatalog current) {
    for (StreamChange change : diff) {
      boolean selected = current.streams().stream().anyMatch(s -> s.stream().name().equals(change.stream().name())
          && java.util.Objects.equals(s.stream().namespace(), change.stream().namespace())
          && (s.config() == null || !Boolean.FALSE.equals(s.config().selected())));
      if (selected && (change.type() == StreamTransformType.REMOVE_STREAM
          || change.fields() != null && change.fields().stream().anyMatch(FieldTransform::breaking))) {
        return true;
      }
    }
    return false;
  }

  private static List<FieldTransform> fields(AirbyteStreamAndConfiguration old, JsonNode newSchema) {
    JsonNode oldProperties = properties(old.stream().jsonSchema());
    JsonNode newProperties = properties(newSchema);
    Set<String> names = new TreeSet<>();
    oldProperties.fieldNames().forEachRemaining(names::add);
    newProperties.fieldNames().forEachRemaining(names::add);
    List<FieldTransform> changes = new ArrayList<>();
    for (String name : names) {
      JsonNode was = oldProperties.path(name);
      JsonNode is = newProperties.path(name);
      List<String> path = List.of(name);
      if (was.isMissingNode()) {
        changes.add(new FieldTransform(FieldTransformType.ADD_FIELD, path, false, new FieldSchema(is), null, null));
      } else if (is.isMissingNode()) {
        changes.add(new FieldTransform(FieldTransformType.REMOVE_FIELD, path, syncsBy(old, name), null, new FieldSchema(was), null));
      } else if (!was.equals(is)) {
        changes.add(new FieldTransform(FieldTransformType.UPDATE_FIELD_SCHEMA, path, false, null, null, new FieldSchemaUpdate(was, is)));
      }
    }
    return changes;
  }

  /** Whether the stream's configuration reads or deduplicates by this field. */
  private static boolean syncsBy(AirbyteStreamAndConfiguration stream, String field) {
    if (stream.config() == null) {
      return false;
    }
    List<String> cursor = stream.config().cursorField() == null ? List.of() : stream.config().cursorField();
    List<List<String>> key = stream.config().primaryKey() == null ? List.of() : stream.config().primaryKey();
    return !cursor.isEmpty() && cursor.getFirst().equals(field) || key.stream().anyMatch(k -> !k.isEmpty() && k.getFirst().equals(field));
  }

  private static JsonNode properties(JsonNode schema) {
    return schema == null ? MissingNode.getInstance() : schema.path("properties");
  }
}
