package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One stream as a sync runs it: the stream, how it is read and written, and the fields that drive incremental reads
 * and deduplication.
 *
 * @param cursorField path to the cursor; required for incremental reads unless the source defines the cursor
 * @param primaryKey paths to the primary key's fields; required for {@code append_dedup}
 * @param generationId the stream's generation (bumped by a refresh or clear); null where not used
 * @param minimumGenerationId data of older generations is removed by the destination; 0 keeps everything
 * @param syncId unique per sync
 */
public record ConfiguredAirbyteStream(
    @JsonProperty(value = "stream", required = true) AirbyteStream stream,
    @JsonProperty(value = "sync_mode", required = true) SyncMode syncMode,
    @JsonProperty("cursor_field") List<String> cursorField,
    @JsonProperty(value = "destination_sync_mode", required = true) DestinationSyncMode destinationSyncMode,
    @JsonProperty("primary_key") List<List<String>> primaryKey,
    @JsonProperty("generation_id") Long generationId,
    @JsonProperty("minimum_generation_id") Long minimumGenerationId,
    @JsonProperty("sync_id") Long syncId) {

  public ConfiguredAirbyteStream {
    requireNonNull(stream, "stream is null");
    requireNonNull(syncMode, "syncMode is null");
    requireNonNull(destinationSyncMode, "destinationSyncMode is null");
    cursorField = cursorField == null ? List.of() : List.copyOf(cursorField);
    primaryKey = primaryKey == null ? List.of() : primaryKey.stream().map(List::copyOf).toList();
  }

  public static ConfiguredAirbyteStream of(AirbyteStream stream, SyncMode syncMode, DestinationSyncMode destinationSyncMode) {
    return new ConfiguredAirbyteStream(stream, syncMode, null, destinationSyncMode, null, null, null, null);
  }

  public StreamDescriptor descriptor() {
    return new StreamDescriptor(stream.name(), stream.namespace());
  }

  /** The cursor this stream reads by: the configured one, else the source's default. Empty for none. */
  public List<String> effectiveCursorField() {
    if (!cursorField.isEmpty()) {
      return cursorField;
    }
    return stream.defaultCursorField() == null ? List.of() : stream.defaultCursorField();
  }

  /** The primary key this stream deduplicates by: the configured one, else the source's. Empty for none. */
  public List<List<String>> effectivePrimaryKey() {
    if (!primaryKey.isEmpty()) {
      return primaryKey;
    }
    return stream.sourceDefinedPrimaryKey() == null ? List.of() : stream.sourceDefinedPrimaryKey();
  }

  public ConfiguredAirbyteStream withCursorField(List<String> field) {
    return new ConfiguredAirbyteStream(stream, syncMode, field, destinationSyncMode, primaryKey, generationId,
        minimumGenerationId, syncId);
  }

  public ConfiguredAirbyteStream withPrimaryKey(List<List<String>> key) {
    return new ConfiguredAirbyteStream(stream, syncMode, cursorField, destinationSyncMode, key, generationId,
        minimumGenerationId, syncId);
  }

  public ConfiguredAirbyteStream withGenerations(Long generation, Long minimumGeneration, Long sync) {
    return new ConfiguredAirbyteStream(stream, syncMode, cursorField, destinationSyncMode, primaryKey, generation,
        minimumGeneration, sync);
  }
}
