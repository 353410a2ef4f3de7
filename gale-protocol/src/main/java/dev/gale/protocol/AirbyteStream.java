package dev.gale.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One stream a source offers. Optional fields stay {@code null} when absent so that what was read is written back
 * the same way.
 *
 * @param jsonSchema the records' JSON Schema; types follow Airbyte's type system ({@code format}, {@code airbyte_type})
 * @param defaultCursorField path to the field a source-defined cursor uses
 * @param sourceDefinedPrimaryKey paths to the fields of the primary key
 */
public record AirbyteStream(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "json_schema", required = true) JsonNode jsonSchema,
    @JsonProperty(value = "supported_sync_modes", required = true) List<SyncMode> supportedSyncModes,
    @JsonProperty("source_defined_cursor") Boolean sourceDefinedCursor,
    @JsonProperty("default_cursor_field") List<String> defaultCursorField,
    @JsonProperty("source_defined_primary_key") List<List<String>> sourceDefinedPrimaryKey,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("is_resumable") Boolean isResumable,
    @JsonProperty("is_file_based") Boolean isFileBased) {

  public AirbyteStream {
    requireNonNull(name, "name is null");
    requireNonNull(jsonSchema, "jsonSchema is null");
    supportedSyncModes = List.copyOf(requireNonNull(supportedSyncModes, "supportedSyncModes is null"));
    if (supportedSyncModes.isEmpty()) {
      throw new IllegalArgumentException("stream " + name + " must support at least one sync mode");
    }
    defaultCursorField = defaultCursorField == null ? null : List.copyOf(defaultCursorField);
    sourceDefinedPrimaryKey = sourceDefinedPrimaryKey == null ? null
        : sourceDefinedPrimaryKey.stream().map(List::copyOf).toList();
  }

  /** A stream with only the required fields; add the rest with the {@code with...} methods. */
  public static AirbyteStream of(String name, JsonNode jsonSchema, List<SyncMode> supportedSyncModes) {
    return new AirbyteStream(name, jsonSchema, supportedSyncModes, null, null, null, null, null, null);
  }

  /** The source decides the cursor: {@code source_defined_cursor} true with this default cursor field. */
  public AirbyteStream withSourceDefinedCursor(List<String> cursorField) {
    return new AirbyteStream(name, jsonSchema, supportedSyncModes, true, cursorField, sourceDefinedPrimaryKey,
        namespace, isResumable, isFileBased);
  }

  public AirbyteStream withSourceDefinedPrimaryKey(List<List<String>> primaryKey) {
    return new AirbyteStream(name, jsonSchema, supportedSyncModes, sourceDefinedCursor, defaultCursorField,
        primaryKey, namespace, isResumable, isFileBased);
  }

  public AirbyteStream withNamespace(String newNamespace) {
    return new AirbyteStream(name, jsonSchema, supportedSyncModes, sourceDefinedCursor, defaultCursorField,
        sourceDefinedPrimaryKey, newNamespace, isResumable, isFileBased);
  }

  public AirbyteStream withResumable(boolean resumable) {
    return new AirbyteStream(name, jsonSchema, supportedSyncModes, sourceDefinedCursor, defaultCursorField,
        sourceDefinedPrimaryKey, namespace, resumable, isFileBased);
  }

  public StreamDescriptor descriptor() {
    return new StreamDescriptor(name, namespace);
  }
}
