package dev.gale.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.domain.SyncCatalog.SelectedFieldInfo;
import dev.gale.server.domain.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Turns a connection's sync catalog (the API's camelCase shapes, as stored) into what a sync runs: the selected
 * streams in the protocol's configured shapes, and the fields selected per stream. Source-side names throughout;
 * the engine maps them to the destination.
 */
public final class ConfiguredCatalogs {
  private ConfiguredCatalogs() {}

  /** The selected streams of a sync, and the top-level fields to keep per stream (for {@code StreamMapping}). */
  record Selection(List<ConfiguredAirbyteStream> streams, Map<String, List<String>> selectedFields) {}

  /** The streams a connection syncs, in catalog order. */
  public static List<StreamDescriptor> selectedStreams(JsonNode syncCatalog) {
    return selected(syncCatalog).stream()
        .map(entry -> new StreamDescriptor(entry.stream().name(), entry.stream().namespace())).toList();
  }

  /**
   * A sync of every selected stream as configured. Each stream carries its current generation; a full refresh that
   * overwrites also asks the destination to drop older generations, as a refresh replaces everything.
   */
  static Selection forSync(JsonNode syncCatalog, ToLongFunction<StreamDescriptor> generation, long syncId) {
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (AirbyteStreamAndConfiguration entry : selected(syncCatalog)) {
      AirbyteStreamConfiguration config = entry.config();
      long current = generation.applyAsLong(descriptor(entry));
      boolean replaces = config.syncMode() == SyncMode.FULL_REFRESH && config.destinationSyncMode() == DestinationSyncMode.OVERWRITE;
      streams.add(new ConfiguredAirbyteStream(protocolStream(entry), config.syncMode(), config.cursorField(),
          config.destinationSyncMode(), config.primaryKey(), current, replaces ? current : 0L, syncId));
      if (Boolean.TRUE.equals(config.fieldSelectionEnabled()) && config.selectedFields() != null) {
        fields.put(key(entry), topLevel(config.selectedFields()));
      }
    }
    return new Selection(streams, fields);
  }

  /**
   * A reset of the given streams: each is written as a full refresh that overwrites with nothing, in a new generation
   * below which the destination drops everything.
   */
  static Selection forReset(JsonNode syncCatalog, Set<StreamDescriptor> toReset, ToLongFunction<StreamDescriptor> newGeneration,
                            long syncId) {
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (AirbyteStreamAndConfiguration entry : selected(syncCatalog)) {
      if (toReset.contains(descriptor(entry))) {
        long generation = newGeneration.applyAsLong(descriptor(entry));
        streams.add(new ConfiguredAirbyteStream(protocolStream(entry), SyncMode.FULL_REFRESH, null,
            DestinationSyncMode.OVERWRITE, entry.config().primaryKey(), generation, generation, syncId));
      }
    }
    return new Selection(streams, Map.of());
  }

  private static List<AirbyteStreamAndConfiguration> selected(JsonNode syncCatalog) {
    return Json.convert(syncCatalog, AirbyteCatalog.class).streams().stream()
        .filter(entry -> entry.stream() != null && entry.config() != null && !Boolean.FALSE.equals(entry.config().selected()))
        .toList();
  }

  private static AirbyteStream protocolStream(AirbyteStreamAndConfiguration entry) {
    var stream = entry.stream();
    List<SyncMode> modes = stream.supportedSyncModes() == null || stream.supportedSyncModes().isEmpty()
        ? List.of(entry.config().syncMode()) : stream.supportedSyncModes();
    JsonNode schema = stream.jsonSchema() == null ? Json.object() : stream.jsonSchema();
    return new AirbyteStream(stream.name(), schema, modes, stream.sourceDefinedCursor(), stream.defaultCursorField(),
        stream.sourceDefinedPrimaryKey(), stream.namespace(), null, null);
  }

  private static StreamDescriptor descriptor(AirbyteStreamAndConfiguration entry) {
    return new StreamDescriptor(entry.stream().name(), entry.stream().namespace());
  }

  // The engine's key for a stream's field selection: "namespace.name", or "name" without a namespace.
  private static String key(AirbyteStreamAndConfiguration entry) {
    return entry.stream().namespace() == null ? entry.stream().name() : entry.stream().namespace() + "." + entry.stream().name();
  }

  // The engine selects top-level fields; a nested path keeps its whole top-level field.
  private static List<String> topLevel(List<SelectedFieldInfo> selected) {
    Set<String> names = new LinkedHashSet<>();
    for (SelectedFieldInfo field : selected) {
      if (field != null && field.fieldPath() != null && !field.fieldPath().isEmpty()) {
        names.add(field.fieldPath().getFirst());
      }
    }
    return List.copyOf(names);
  }
}
