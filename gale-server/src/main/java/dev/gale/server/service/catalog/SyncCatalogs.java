package dev.gale.server.service.catalog;

import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.domain.SyncCatalog.SelectedFieldInfo;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Checks a connection's sync catalog before it is stored, and fills in the defaults Airbyte shows when it reads one
 * back: a stream is selected unless it says otherwise, its alias is its name, and cursor and primary key fall back to
 * what the source defines. Every problem is reported at once, each with its property path.
 */
public final class SyncCatalogs {
  private SyncCatalogs() {}

  /**
   * The catalog to store for a connection of a saved source: streams given only by name (and namespace) are
   * completed from the source's discovery, then the catalog is checked against the destination's sync modes and
   * against what the source has (when it names streams).
   *
   * @param destinationModes what the destination's spec lists as supported (empty when it lists nothing), looked up
   *     once the streams are completed
   * @throws InvalidInputException naming every stream setting that cannot work, or when the source cannot be discovered
   */
  public static AirbyteCatalog storable(AirbyteCatalog requested, UUID sourceId, DiscoverService discovery,
                                        Supplier<List<DestinationSyncMode>> destinationModes) {
    AirbyteCatalog completed = StreamCompletion.completed(requested, () -> discovery.catalogOf(sourceId));
    List<DestinationSyncMode> modes = destinationModes.get();
    // A catalog naming no streams needs no discovery. Completion may have discovered the source already: then that
    // catalog is the latest.
    Optional<SourceStreams> source = requested.streams().isEmpty() ? Optional.empty()
        : Optional.of(new SourceStreams(Catalogs.toApi(discovery.latestCatalog(sourceId))));
    return validated(completed, modes, source);
  }

  /**
   * The catalog to store.
   *
   * @param destinationModes what the destination's spec lists as supported; empty when it lists nothing
   * @throws InvalidInputException naming every stream setting that cannot work
   */
  static AirbyteCatalog validated(AirbyteCatalog catalog, List<DestinationSyncMode> destinationModes) {
    return validated(catalog, destinationModes, Optional.empty());
  }

  /**
   * The catalog to store, checked also against what the source has: its streams, and the fields of their discovered
   * schemas. The source's verdict comes first; a stream the source lacks has no other problem worth naming.
   *
   * @param source the source's discovered streams; empty to check the catalog on its own
   * @throws InvalidInputException naming every stream setting that cannot work
   */
  static AirbyteCatalog validated(AirbyteCatalog catalog, List<DestinationSyncMode> destinationModes,
                                  Optional<SourceStreams> source) {
    List<ValidationError> errors = new ArrayList<>();
    Set<List<String>> names = new HashSet<>();
    List<AirbyteStreamAndConfiguration> streams = new ArrayList<>();
    List<SourceStreams.Requested> requested = new ArrayList<>();
    for (int i = 0; i < catalog.streams().size(); i++) {
      String path = "syncCatalog.streams[" + i + "]";
      AirbyteStreamAndConfiguration entry = catalog.streams().get(i);
      if (entry == null || entry.stream() == null || entry.config() == null) {
        errors.add(error(path + (entry == null ? "" : entry.stream() == null ? ".stream" : ".config"), null,
            "Each stream needs its 'stream' and its 'config'"));
        if (entry != null && entry.stream() != null && !entry.stream().name().isBlank()) {
          // A stream named without its config (one discovery did not complete) may still be one the source lacks.
          requested.add(new SourceStreams.Requested(path + ".stream.name", entry.stream().name(),
              entry.stream().namespace(), false, Optional.empty(), List.of()));
        }
        continue;
      }
      AirbyteStream stream = entry.stream();
      if (stream.name().isBlank()) {
        errors.add(error(path + ".stream.name", stream.name(), "A stream needs a name"));
      } else if (!names.add(Arrays.asList(stream.name(), stream.namespace()))) {
        errors.add(error(path + ".stream.name", stream.name(), "The stream '%s' appears twice".formatted(qualified(stream))));
      }
      if (stream.jsonSchema() == null) {
        errors.add(error(path + ".stream.jsonSchema", null, "The stream '%s' needs its jsonSchema".formatted(stream.name())));
      }
      AirbyteStreamConfiguration config = withDefaults(stream, entry.config());
      if (config.selected() && stream.jsonSchema() != null) {
        new SelectedStream(path + ".config", stream, config, errors).check(destinationModes);
      }
      streams.add(new AirbyteStreamAndConfiguration(stream, config));
      if (!stream.name().isBlank()) {
        requested.add(requested(path, stream, config));
      }
    }
    if (source.isPresent()) {
      errors = withSourceProblems(source.get().problems(requested), errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The sync catalog cannot be used: " + errors.getFirst().message()
          + (errors.size() > 1 ? " (and %d more problems)".formatted(errors.size() - 1) : ""), errors);
    }
    return new AirbyteCatalog(streams);
  }

  /** A stream as the source is asked about it: by name, with the cursor and primary key the sync would use. */
  private static SourceStreams.Requested requested(String path, AirbyteStream stream, AirbyteStreamConfiguration config) {
    Optional<SourceStreams.Field> cursor = config.selected() && config.syncMode() == SyncMode.INCREMENTAL
        ? Optional.of(new SourceStreams.Field(path + ".config.cursorField", config.cursorField())) : Optional.empty();
    List<SourceStreams.Field> primaryKey = new ArrayList<>();
    if (config.selected() && config.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
      for (int k = 0; k < config.primaryKey().size(); k++) {
        primaryKey.add(new SourceStreams.Field(path + ".config.primaryKey[" + k + "]", config.primaryKey().get(k)));
      }
    }
    return new SourceStreams.Requested(path + ".stream.name", stream.name(), stream.namespace(), false, cursor, primaryKey);
  }

  /**
   * The source's problems, then the catalog's own where they add something: not on a stream the source lacks, and
   * not a second time on a property the source already faulted.
   */
  private static List<ValidationError> withSourceProblems(List<ValidationError> fromSource, List<ValidationError> own) {
    Set<String> paths = new HashSet<>();
    Set<String> unknownStreams = new HashSet<>();
    for (ValidationError error : fromSource) {
      paths.add(error.propertyPath());
      if (error.propertyPath().endsWith(".stream.name")) {
        unknownStreams.add(error.propertyPath().substring(0, error.propertyPath().length() - ".stream.name".length()));
      }
    }
    List<ValidationError> errors = new ArrayList<>(fromSource);
    own.stream()
        .filter(error -> !paths.contains(error.propertyPath()))
        .filter(error -> unknownStreams.stream().noneMatch(stream -> error.propertyPath().equals(stream)
            || error.propertyPath().startsWith(stream + ".")))
        .forEach(errors::add);
    return errors;
  }

  private static AirbyteStreamConfiguration withDefaults(AirbyteStream stream, AirbyteStreamConfiguration c) {
    List<String> cursor = isEmpty(c.cursorField()) ? orEmpty(stream.defaultCursorField()) : c.cursorField();
    List<List<String>> primaryKey = isEmpty(c.primaryKey()) ? orEmpty(stream.sourceDefinedPrimaryKey()) : c.primaryKey();
    return new AirbyteStreamConfiguration(c.syncMode(), cursor, c.destinationSyncMode(), primaryKey,
        c.aliasName() == null ? stream.name() : c.aliasName(), !Boolean.FALSE.equals(c.selected()), c.suggested(),
        Boolean.TRUE.equals(c.fieldSelectionEnabled()), c.selectedFields());
  }

  /** The rules for a stream that will be synced. */
  private record SelectedStream(String path, AirbyteStream stream, AirbyteStreamConfiguration config,
                                List<ValidationError> errors) {
    void check(List<DestinationSyncMode> destinationModes) {
      if (!isEmpty(stream.supportedSyncModes()) && !stream.supportedSyncModes().contains(config.syncMode())) {
        errors.add(error(path + ".syncMode", config.syncMode(), "The stream '%s' supports the sync modes %s, not %s"
            .formatted(qualified(stream), stream.supportedSyncModes(), config.syncMode())));
      }
      if (!destinationModes.isEmpty() && !destinationModes.contains(config.destinationSyncMode())) {
        errors.add(error(path + ".destinationSyncMode", config.destinationSyncMode(),
            "The destination supports the sync modes %s, not %s".formatted(destinationModes, config.destinationSyncMode())));
      }
      boolean sourceDefinedCursor = Boolean.TRUE.equals(stream.sourceDefinedCursor());
      if (config.syncMode() == SyncMode.INCREMENTAL && !sourceDefinedCursor) {
        if (config.cursorField().isEmpty()) {
          errors.add(error(path + ".cursorField", null, "Incremental sync of '%s' needs a cursorField: the source defines no cursor"
              .formatted(qualified(stream))));
        } else {
          requireField(config.cursorField(), ".cursorField", "cursor field");
        }
      }
      if (config.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
        if (config.primaryKey().isEmpty()) {
          errors.add(error(path + ".primaryKey", null, "Deduplicating '%s' needs a primaryKey: the source defines none"
              .formatted(qualified(stream))));
        }
        for (int k = 0; k < config.primaryKey().size(); k++) {
          requireField(config.primaryKey().get(k), ".primaryKey[" + k + "]", "primary key field");
        }
      }
      if (config.fieldSelectionEnabled()) {
        checkSelectedFields();
      }
    }

    /** Selected fields exist, and keep the cursor and primary key the sync needs. */
    private void checkSelectedFields() {
      if (config.selectedFields() == null) {
        errors.add(error(path + ".selectedFields", null, "fieldSelectionEnabled needs the list of selectedFields"));
        return;
      }
      Set<String> topLevel = new HashSet<>();
      for (int f = 0; f < config.selectedFields().size(); f++) {
        SelectedFieldInfo field = config.selectedFields().get(f);
        List<String> fieldPath = field == null ? null : field.fieldPath();
        if (requireField(fieldPath, ".selectedFields[" + f + "].fieldPath", "selected field")) {
          topLevel.add(fieldPath.getFirst());
        }
      }
      if (config.syncMode() == SyncMode.INCREMENTAL && !config.cursorField().isEmpty()
          && !topLevel.contains(config.cursorField().getFirst())) {
        errors.add(error(path + ".selectedFields", null, "The cursor field %s of '%s' must stay selected"
            .formatted(config.cursorField(), qualified(stream))));
      }
      if (config.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
        config.primaryKey().stream().filter(key -> !isEmpty(key) && !topLevel.contains(key.getFirst())).findFirst()
            .ifPresent(key -> errors.add(error(path + ".selectedFields", null, "The primary key field %s of '%s' must stay selected"
                .formatted(key, qualified(stream)))));
      }
    }

    private boolean requireField(List<String> fieldPath, String property, String what) {
      if (isEmpty(fieldPath) || fieldPath.stream().anyMatch(Objects::isNull)) {
        errors.add(error(path + property, null, "A %s is a non-empty path of field names".formatted(what)));
        return false;
      }
      if (!SourceStreams.hasField(stream.jsonSchema(), fieldPath)) {
        errors.add(error(path + property, String.join(".", fieldPath), "The stream '%s' has no field %s; the %s must name one"
            .formatted(qualified(stream), fieldPath, what)));
        return false;
      }
      return true;
    }
  }

  private static String qualified(AirbyteStream stream) {
    return stream.namespace() == null ? stream.name() : stream.namespace() + "." + stream.name();
  }

  private static ValidationError error(String path, Object value, String message) {
    return new ValidationError(path, value == null ? null : String.valueOf(value), message);
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
