package dev.gale.server.service.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import java.util.ArrayList;
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

  /**
   * Checks a catalog that a client says was discovered, before {@link #toProtocol} turns it into what the store keeps
   * and every later discovery diff, connection and stream list reads: each entry has its {@code stream}, with a name
   * and a JSON schema (as the protocol requires), and no list of it holds a null. The configurations are left out of
   * what is stored, so they are not checked.
   *
   * @param property the catalog's property path in the request
   * @throws InvalidInputException naming every broken part by its path
   */
  static AirbyteCatalog requireDiscovered(AirbyteCatalog catalog, String property) {
    List<ValidationError> errors = new ArrayList<>();
    for (int i = 0; i < catalog.streams().size(); i++) {
      String path = property + ".streams[" + i + "]";
      AirbyteStreamAndConfiguration entry = catalog.streams().get(i);
      if (entry == null || entry.stream() == null) {
        errors.add(new ValidationError(entry == null ? path : path + ".stream", null,
            "'%s' must be a stream with its name and jsonSchema".formatted(entry == null ? path : path + ".stream")));
        continue;
      }
      AirbyteStream stream = entry.stream();
      if (stream.name().isBlank()) {
        errors.add(new ValidationError(path + ".stream.name", stream.name(), "'%s.stream.name' must not be blank".formatted(path)));
      }
      if (stream.jsonSchema() == null) {
        errors.add(new ValidationError(path + ".stream.jsonSchema", null, "'%s.stream.jsonSchema' is required".formatted(path)));
      }
      requireNoNull(stream.supportedSyncModes(), path + ".stream.supportedSyncModes", errors);
      requireNoNull(stream.defaultCursorField(), path + ".stream.defaultCursorField", errors);
      List<List<String>> primaryKey = stream.sourceDefinedPrimaryKey();
      requireNoNull(primaryKey, path + ".stream.sourceDefinedPrimaryKey", errors);
      for (int k = 0; primaryKey != null && k < primaryKey.size(); k++) {
        requireNoNull(primaryKey.get(k), path + ".stream.sourceDefinedPrimaryKey[" + k + "]", errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The catalog cannot be stored: " + String.join("; ",
          errors.stream().map(ValidationError::message).toList()), errors);
    }
    return catalog;
  }

  private static void requireNoNull(List<?> list, String path, List<ValidationError> errors) {
    for (int i = 0; list != null && i < list.size(); i++) {
      if (list.get(i) == null) {
        errors.add(new ValidationError(path + "[" + i + "]", null, "'%s[%d]' must not be null".formatted(path, i)));
      }
    }
  }

  /** The protocol catalog of an API catalog's streams (their configurations left out). */
  static dev.gale.protocol.AirbyteCatalog toProtocol(AirbyteCatalog catalog) {
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
