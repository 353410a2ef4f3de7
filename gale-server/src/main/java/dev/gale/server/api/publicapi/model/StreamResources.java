package dev.gale.server.api.publicapi.model;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionSyncModeEnum;
import java.util.List;

/** Bodies of the Public API's {@code GET /streams}: what each stream of a source offers a connection. */
public final class StreamResources {
  private StreamResources() {}

  /**
   * @param streamnamespace spelled so by Airbyte
   * @param syncModes the modes the stream supports and the destination accepts
   * @param propertyFields the path of every field, nested ones included ({@code ["address", "city"]})
   */
  public record StreamProperties(String streamName, String streamnamespace, List<ConnectionSyncModeEnum> syncModes,
                                 List<String> defaultCursorField, Boolean sourceDefinedCursorField,
                                 List<List<String>> sourceDefinedPrimaryKey, List<List<String>> propertyFields) {}

  /**
   * The answer, in one of two shapes because Airbyte's clients disagree: its current document and its Python SDK
   * read a bare array ({@link StreamPropertiesResponse}); its Java SDK 0.x, generated from the 2023 document, reads
   * {@code {"streams": [...]}} ({@link LegacyStreamPropertiesResponse}) and fails on the array. Gale answers each
   * client the shape it reads, by its {@code User-Agent}.
   */
  public sealed interface StreamPropertiesAnswer permits StreamPropertiesResponse, LegacyStreamPropertiesResponse {}

  /** The bare array: the current document's shape, and the default. */
  public record StreamPropertiesResponse(@JsonValue List<StreamProperties> streams) implements StreamPropertiesAnswer {}

  /** The 2023 document's object, for Airbyte's Java SDK 0.x. */
  public record LegacyStreamPropertiesResponse(List<StreamProperties> streams) implements StreamPropertiesAnswer {}
}
