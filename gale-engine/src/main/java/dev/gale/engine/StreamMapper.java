package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.engine.StreamMapping.NamespaceDefinition;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a connection's {@link StreamMapping} to the catalog and to every batch: destination namespace, name prefix
 * and field selection. Batches whose fields are all selected keep their rows (no copy); the others get new rows with
 * the selected columns, in the source's order. Thread-safe: a parallel source maps from several threads.
 */
final class StreamMapper {
  static final String SOURCE_NAMESPACE = "${SOURCE_NAMESPACE}";

  /** Where a source stream goes; {@code selected} is {@code null} when every field is kept. */
  private record Target(StreamDescriptor destination, Set<String> selected) {}

  /** How batches of one source schema become destination batches; {@code columns} is {@code null} for all. */
  private record Projection(RecordSchema schema, int[] columns) {}

  private final Map<StreamDescriptor, Target> targets = new HashMap<>();
  private final Map<RecordSchema, Projection> projections = new ConcurrentHashMap<>();
  private final ConfiguredAirbyteCatalog destinationCatalog;

  /** @throws ConnectorException when two source streams would go to the same destination stream */
  StreamMapper(ConfiguredAirbyteCatalog catalog, StreamMapping mapping) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(mapping, "mapping is null");
    Map<StreamDescriptor, StreamDescriptor> sourceByDestination = new HashMap<>();
    List<ConfiguredAirbyteStream> mapped = new ArrayList<>();
    for (ConfiguredAirbyteStream configured : catalog.streams()) {
      StreamDescriptor source = configured.descriptor();
      StreamDescriptor destination = new StreamDescriptor(mapping.prefix() + source.name(),
          namespace(mapping.namespaceDefinition(), mapping.namespaceFormat(), source.namespace()));
      StreamDescriptor clash = sourceByDestination.putIfAbsent(destination, source);
      if (clash != null) {
        throw new ConnectorException("Streams " + clash + " and " + source + " would both be written to "
            + destination + "; change the namespace definition or the stream prefix of the connection");
      }
      List<String> selection = selection(mapping, source);
      targets.put(source, new Target(destination, selection == null ? null : new LinkedHashSet<>(selection)));
      mapped.add(destinationStream(configured, destination, selection));
    }
    destinationCatalog = new ConfiguredAirbyteCatalog(mapped);
  }

  /**
   * Airbyte's namespace rules: {@code SOURCE} keeps the source's, {@code DESTINATION} leaves it to the destination's
   * default ({@code null}), {@code CUSTOMFORMAT} fills {@value #SOURCE_NAMESPACE} into the format, a blank result
   * meaning the destination's default.
   */
  static String namespace(NamespaceDefinition definition, String format, String sourceNamespace) {
    return switch (definition) {
      case SOURCE -> sourceNamespace;
      case DESTINATION -> null;
      case CUSTOMFORMAT -> {
        String namespace = format == null ? ""
            : format.replace(SOURCE_NAMESPACE, sourceNamespace == null ? "" : sourceNamespace);
        yield namespace.isBlank() ? null : namespace;
      }
    };
  }

  /** The catalog the destination is opened with: destination-side names, JSON schemas with the selected fields. */
  ConfiguredAirbyteCatalog destinationCatalog() {
    return destinationCatalog;
  }

  boolean knows(StreamDescriptor source) {
    return targets.containsKey(source);
  }

  /** The batch as the destination receives it; the same object when nothing changes. */
  RecordBatch map(RecordBatch batch) {
    Projection projection = projections.computeIfAbsent(batch.schema(), this::projection);
    if (projection.columns() == null) {
      return projection.schema().equals(batch.schema()) ? batch
          : new RecordBatch(projection.schema(), batch.rows(), batch.emittedAt(), batch.estimatedBytes());
    }
    int[] columns = projection.columns();
    RecordBatch.Builder builder = RecordBatch.builder(projection.schema(), batch.size());
    for (Object[] row : batch.rows()) {
      Object[] projected = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        projected[i] = row[columns[i]];
      }
      builder.add(projected);
    }
    return builder.build(batch.emittedAt());
  }

  private Projection projection(RecordSchema source) {
    Target target = targets.get(source.stream());
    if (target == null) {
      throw new IllegalArgumentException("stream " + source.stream() + " is not in the configured catalog");
    }
    if (target.selected() == null || source.columns().stream().allMatch(c -> target.selected().contains(c.name()))) {
      return new Projection(new RecordSchema(target.destination(), source.columns()), null);
    }
    List<Column> kept = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < source.size(); i++) {
      if (target.selected().contains(source.columns().get(i).name())) {
        kept.add(source.columns().get(i));
        positions.add(i);
      }
    }
    return new Projection(new RecordSchema(target.destination(), kept),
        positions.stream().mapToInt(Integer::intValue).toArray());
  }

  // Keys are "namespace.name" or, matching any namespace, "name".
  private static List<String> selection(StreamMapping mapping, StreamDescriptor source) {
    List<String> selected = source.namespace() == null ? null
        : mapping.selectedFields().get(source.namespace() + "." + source.name());
    return selected != null ? selected : mapping.selectedFields().get(source.name());
  }

  private static ConfiguredAirbyteStream destinationStream(ConfiguredAirbyteStream configured,
                                                           StreamDescriptor destination, List<String> selection) {
    AirbyteStream stream = configured.stream();
    JsonNode schema = stream.jsonSchema().deepCopy();
    if (selection != null && schema.path("properties") instanceof ObjectNode properties) {
      properties.retain(selection);
      if (schema.path("required") instanceof ArrayNode required) {
        ArrayNode kept = required.arrayNode();
        required.forEach(name -> {
          if (selection.contains(name.asText())) {
            kept.add(name);
          }
        });
        ((ObjectNode) schema).set("required", kept);
      }
    }
    AirbyteStream mapped = new AirbyteStream(destination.name(), schema, stream.supportedSyncModes(),
        stream.sourceDefinedCursor(), stream.defaultCursorField(), stream.sourceDefinedPrimaryKey(),
        destination.namespace(), stream.isResumable(), stream.isFileBased());
    return new ConfiguredAirbyteStream(mapped, configured.syncMode(), configured.cursorField(),
        configured.destinationSyncMode(), configured.primaryKey(), configured.generationId(),
        configured.minimumGenerationId(), configured.syncId());
  }
}
