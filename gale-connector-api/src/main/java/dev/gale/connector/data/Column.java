package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

/** One field of a stream's records: its name as the source gives it, and its type. */
public record Column(String name, ValueType type) {
  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
