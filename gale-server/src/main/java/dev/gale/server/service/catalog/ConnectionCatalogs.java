package dev.gale.server.service.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.domain.SyncCatalog.SelectedFieldInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A connection's catalog set against its source's discovered ones: its streams next to everything the source
 * offers (the streams it does not sync unselected), its configuration carried over onto a newly discovered catalog,
 * and which streams a change of its catalog makes stale in the destination.
 */
public final class ConnectionCatalogs {
  private ConnectionCatalogs() {}

  /** The connection's streams as stored, followed by the discovered streams it lacks, unselected. */
  public static AirbyteCatalog withUnselectedStreams(AirbyteCatalog configured, AirbyteCatalog discovered) {
    Set<StreamDescriptor> known = new HashSet<>(byDescriptor(configured).keySet());
    List<AirbyteStreamAndConfiguration> streams = new ArrayList<>(configured.streams());
    for (AirbyteStreamAndConfiguration stream : discovered.streams()) {
      if (known.add(descriptor(stream))) {
        streams.add(unselected(stream));
      }
    }
    return new AirbyteCatalog(streams);
  }

  /**
   * The newly discovered streams, each configured as the connection configured it where it had it, as Airbyte
   * carries a configuration over: the sync mode if the stream still supports it, the cursor unless none was chosen,
   * the source's primary key when it defines one, and for field selection the fields chosen before plus the new
   * ones. Streams the connection did not have come unselected; streams the source no longer offers are gone.
   *
   * @param original the discovered catalog the connection's catalog was made from; the connection's own where unknown
   * @param discovered the new discovered catalog, each stream with its default configuration
   */
  public static AirbyteCatalog refreshed(AirbyteCatalog configured, AirbyteCatalog original, AirbyteCatalog discovered) {
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> before = byDescriptor(configured);
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> originals = byDescriptor(original);
    List<AirbyteStreamAndConfiguration> streams = new ArrayList<>();
    for (AirbyteStreamAndConfiguration found : discovered.streams()) {
      AirbyteStreamAndConfiguration old = before.get(descriptor(found));
      if (old == null || old.config() == null) {
        streams.add(unselected(found));
        continue;
      }
      AirbyteStreamAndConfiguration originalStream = originals.getOrDefault(descriptor(found), old);
      streams.add(new AirbyteStreamAndConfiguration(found.stream(), carriedOver(old.config(), found,
          originalStream.stream().jsonSchema())));
    }
    return new AirbyteCatalog(streams);
  }

  private static AirbyteStreamConfiguration carriedOver(AirbyteStreamConfiguration old, AirbyteStreamAndConfiguration found,
                                                        JsonNode originalSchema) {
    AirbyteStream stream = found.stream();
    AirbyteStreamConfiguration defaults = found.config();
    boolean supported = stream.supportedSyncModes() != null && stream.supportedSyncModes().contains(old.syncMode());
    List<List<String>> sourceKey = stream.sourceDefinedPrimaryKey();
    boolean fieldSelection = Boolean.TRUE.equals(old.fieldSelectionEnabled());
    return new AirbyteStreamConfiguration(supported ? old.syncMode() : defaults.syncMode(),
        isEmpty(old.cursorField()) ? defaults.cursorField() : old.cursorField(), old.destinationSyncMode(),
        !isEmpty(sourceKey) ? sourceKey : !isEmpty(old.primaryKey()) ? old.primaryKey() : defaults.primaryKey(),
        old.aliasName(), old.selected(), old.suggested(), old.fieldSelectionEnabled(),
        fieldSelection ? selectedFields(old, originalSchema, stream.jsonSchema()) : old.selectedFields());
  }

  /**
   * The top-level fields of the new schema that were selected before or did not exist before: a new column is
   * synced unless deselected.
   */
  private static List<SelectedFieldInfo> selectedFields(AirbyteStreamConfiguration old, JsonNode originalSchema,
                                                        JsonNode newSchema) {
    Set<String> selectedBefore = new HashSet<>();
    if (old.selectedFields() != null) {
      old.selectedFields().stream().filter(f -> f != null && !isEmpty(f.fieldPath()))
          .forEach(f -> selectedBefore.add(f.fieldPath().getFirst()));
    }
    Set<String> existedBefore = topLevelFields(originalSchema);
    List<SelectedFieldInfo> selected = new ArrayList<>();
    for (String field : topLevelFields(newSchema)) {
      if (selectedBefore.contains(field) || !existedBefore.contains(field)) {
        selected.add(new SelectedFieldInfo(List.of(field)));
      }
    }
    return selected;
  }

  /**
   * The streams whose data in the destination no longer matches the connection after its catalog changed from
   * {@code before} to {@code after}, as Airbyte decides it: among the selected streams, those selected or
   * deselected, those whose schema changed, and those read or written another way (sync modes, cursor, primary key).
   */
  public static Set<StreamDescriptor> streamsToReset(AirbyteCatalog before, AirbyteCatalog after) {
    AirbyteCatalog selectedBefore = selected(before);
    AirbyteCatalog selectedAfter = selected(after);
    Set<StreamDescriptor> streams = new LinkedHashSet<>();
    CatalogDiffs.between(selectedBefore, Catalogs.toProtocol(selectedAfter)).stream()
        .map(StreamChange::stream).forEach(streams::add);
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> old = byDescriptor(selectedBefore);
    for (AirbyteStreamAndConfiguration now : selectedAfter.streams()) {
      AirbyteStreamAndConfiguration was = old.get(descriptor(now));
      if (was != null && readOrWrittenAnotherWay(was.config(), now.config())) {
        streams.add(descriptor(now));
      }
    }
    return streams;
  }

  /** The selected streams of a stored catalog. */
  public static List<StreamDescriptor> selectedStreams(AirbyteCatalog catalog) {
    return selected(catalog).streams().stream().map(ConnectionCatalogs::descriptor).toList();
  }

  private static boolean readOrWrittenAnotherWay(AirbyteStreamConfiguration was, AirbyteStreamConfiguration now) {
    return !Objects.equals(orEmpty(was.cursorField()), orEmpty(now.cursorField()))
        || was.syncMode() != now.syncMode()
        || was.destinationSyncMode() != now.destinationSyncMode()
        || !new HashSet<>(orEmpty(was.primaryKey())).equals(new HashSet<>(orEmpty(now.primaryKey())));
  }

  private static AirbyteCatalog selected(AirbyteCatalog catalog) {
    return new AirbyteCatalog(catalog.streams().stream()
        .filter(s -> s.config() != null && !Boolean.FALSE.equals(s.config().selected()))
        .toList());
  }

  private static AirbyteStreamAndConfiguration unselected(AirbyteStreamAndConfiguration stream) {
    AirbyteStreamConfiguration c = stream.config();
    return new AirbyteStreamAndConfiguration(stream.stream(), new AirbyteStreamConfiguration(c.syncMode(), c.cursorField(),
        c.destinationSyncMode(), c.primaryKey(), c.aliasName(), false, c.suggested(), c.fieldSelectionEnabled(),
        c.selectedFields()));
  }

  private static Set<String> topLevelFields(JsonNode schema) {
    Set<String> fields = new LinkedHashSet<>();
    if (schema != null) {
      schema.path("properties").fieldNames().forEachRemaining(fields::add);
    }
    return fields;
  }

  private static Map<StreamDescriptor, AirbyteStreamAndConfiguration> byDescriptor(AirbyteCatalog catalog) {
    Map<StreamDescriptor, AirbyteStreamAndConfiguration> streams = new LinkedHashMap<>();
    catalog.streams().forEach(s -> streams.putIfAbsent(descriptor(s), s));
    return streams;
  }

  private static StreamDescriptor descriptor(AirbyteStreamAndConfiguration stream) {
    return new StreamDescriptor(stream.stream().name(), stream.stream().namespace());
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
