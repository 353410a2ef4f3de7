package dev.gale.server.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import dev.gale.server.api.model.CatalogBodies.AirbyteCatalog;
import dev.gale.server.api.model.CatalogBodies.AirbyteStream;
import dev.gale.server.api.model.CatalogBodies.AirbyteStreamAndConfiguration;
import dev.gale.server.api.model.CatalogBodies.AirbyteStreamConfiguration;
import java.util.List;

/**
 * Converts between the protocol's catalog (what connectors discover, snake_case) and the Config API's catalog (the
 * same streams, camelCase, each with a default configuration).
 */
public final class Catalogs {
  private Catalogs() {}

  /**
   * The API catalog of discovered streams, each with Airbyte's default configuration: full refresh where the stream
   * supports it, append, the source's cursor and primary key, selected.
   */
  public static AirbyteCatalog toApi(dev.gale.protocol.AirbyteCatalog discovered) {
    return new AirbyteCatalog(discovered.streams().stream().map(Catalogs::toApi).toList());
  }

  private static AirbyteStreamAndConfiguration toApi(dev.gale.protocol.AirbyteStream s) {
    AirbyteStream stream = new AirbyteStream(s.name(), (ObjectNode) s.jsonSchema(), s.supportedSyncModes(),
        s.sourceDefinedCursor(), s.defaultCursorField(), s.sourceDefinedPrimaryKey(), s.namespace());
    SyncMode mode = s.supportedSyncModes().contains(SyncMode.FULL_REFRESH) ? SyncMode.FULL_REFRESH : s.supportedSyncModes().getFirst();
    AirbyteStreamConfiguration config = new AirbyteStreamConfiguration(mode, orEmpty(s.defaultCursorField()),
        DestinationSyncMode.APPEND, orEmpty(s.sourceDefinedPrimaryKey()), s.name(), true, true, false, null);
    return new AirbyteStreamAndConfiguration(stream, config);
  }

  /** The protocol catalog of an API catalog's streams (their configurations left out). */
  public static dev.gale.protocol.AirbyteCatalog toProtocol(AirbyteCatalog catalog) {
    return new dev.gale.protocol.AirbyteCatalog(catalog.streams().stream().map(AirbyteStreamAndConfiguration::stream)
        .map(s -> new dev.gale.protocol.AirbyteStream(s.name(), s.jsonSchema(), orEmpty(s.supportedSyncModes()).isEmpty()
            ? List.of(SyncMode.FULL_REFRESH) : s.supportedSyncModes(), s.sourceDefinedCursor(), s.defaultCursorField(),
            s.sourceDefinedPrimaryKey(), s.namespace(), null, null))
        .toList());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
