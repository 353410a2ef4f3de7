package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.protocol.ConfiguredAirbyteStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an {@code append_dedup} stream's primary key and cursor are among a destination's columns: what every table
 * destination needs to keep the latest row per key. Only top-level properties can be keys or cursors of a typed
 * table; anything else is a configuration the destination cannot honour, said as such.
 *
 * @param key the positions of the primary key's columns, in the key's order
 * @param cursor the position of the cursor's column, or -1 when the stream has none (arrival order decides)
 */
public record DedupColumns(List<Integer> key, int cursor) {
  public DedupColumns {
    key = List.copyOf(requireNonNull(key, "key is null"));
  }

  /**
   * Resolves the stream's effective primary key and cursor among {@code properties}, the stream's top-level
   * properties in the order of the destination's columns.
   *
   * @throws ConnectorException when the stream has no primary key, or a key or cursor is not a top-level property
   */
  public static DedupColumns of(ConfiguredAirbyteStream configured, List<String> properties) {
    List<List<String>> primaryKey = configured.effectivePrimaryKey();
    if (primaryKey.isEmpty()) {
      throw new ConnectorException("Stream " + configured.descriptor() + " is append_dedup but has no primary key");
    }
    List<Integer> key = new ArrayList<>();
    for (List<String> path : primaryKey) {
      key.add(position(configured, properties, path, "primary key"));
    }
    List<String> cursorField = configured.effectiveCursorField();
    return new DedupColumns(key, cursorField.isEmpty() ? -1 : position(configured, properties, cursorField, "cursor"));
  }

  private static int position(ConfiguredAirbyteStream configured, List<String> properties, List<String> path,
                              String role) {
    int position = path.size() == 1 ? properties.indexOf(path.getFirst()) : -1;
    if (position < 0) {
      throw new ConnectorException("Stream " + configured.descriptor() + ": " + role + " " + path
          + " is not a top-level property of its schema");
    }
    return position;
  }
}
