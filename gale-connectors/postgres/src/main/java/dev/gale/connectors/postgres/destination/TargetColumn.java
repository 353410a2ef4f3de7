package dev.gale.connectors.postgres.destination;

import static java.util.Objects.requireNonNull;

/**
 * A user column of a final table.
 *
 * @param property the top-level property of the stream's records it holds
 * @param identifier its name in PostgreSQL: the property's name, shortened when longer than 63 bytes
 */
record TargetColumn(String property, String identifier, ColumnType type) {
  TargetColumn {
    requireNonNull(property, "property is null");
    requireNonNull(identifier, "identifier is null");
    requireNonNull(type, "type is null");
  }
}
