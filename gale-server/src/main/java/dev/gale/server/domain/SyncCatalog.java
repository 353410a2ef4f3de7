package dev.gale.server.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import dev.gale.server.http.Required;
import java.util.List;

/**
 * A connection's sync catalog, as it is stored and as the Config API shows it: the streams a source offers, each with
 * how a connection syncs it. These are the API's camelCase shapes ({@code jsonSchema}, {@code supportedSyncModes}), not
 * the Airbyte Protocol's snake_case ones; the API's bodies use these records as they are, so their names and fields are
 * Airbyte's schema names. Airbyte declares these objects closed ({@code additionalProperties: false}), so they carry
 * exactly the fields of its 2023 document: clients generated from it reject any other field.
 */
public final class SyncCatalog {
  private SyncCatalog() {}

  public record AirbyteCatalog(@Required List<AirbyteStreamAndConfiguration> streams) {}

  /** Airbyte leaves both parts optional in its document; Gale requires them where a catalog is written. */
  public record AirbyteStreamAndConfiguration(AirbyteStream stream, AirbyteStreamConfiguration config) {}

  /**
   * The immutable part of a stream, as the source describes it. Airbyte's document lists {@code json_schema} as
   * required, by mistake for {@code jsonSchema}: Airbyte never sends {@code json_schema}, and neither does Gale, as
   * this object is closed and clients reject what it does not list.
   */
  public record AirbyteStream(@Required String name, ObjectNode jsonSchema, List<SyncMode> supportedSyncModes,
                              Boolean sourceDefinedCursor, List<String> defaultCursorField,
                              List<List<String>> sourceDefinedPrimaryKey, String namespace) {}

  /** The mutable part of a stream: how the connection reads it and writes it. */
  public record AirbyteStreamConfiguration(@Required SyncMode syncMode, List<String> cursorField,
                                           @Required DestinationSyncMode destinationSyncMode,
                                           List<List<String>> primaryKey, String aliasName, Boolean selected,
                                           Boolean suggested, Boolean fieldSelectionEnabled,
                                           List<SelectedFieldInfo> selectedFields) {}

  /** A path to a field of the stream's records, e.g. {@code ["address", "city"]}. */
  public record SelectedFieldInfo(List<String> fieldPath) {}
}
