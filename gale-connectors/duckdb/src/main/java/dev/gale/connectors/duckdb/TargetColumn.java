package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

/**
 * A user column of a typed table.
 *
 * @param property the top-level property of the stream's records it holds
 * @param identifier its name in DuckDB: the property's name, with a numbered suffix when it would meet another
 *     column's name (DuckDB compares names without case)
 */
record TargetColumn(String property, String identifier, ColumnType type) {
  TargetColumn {
    requireNonNull(property, "property is null");
    requireNonNull(identifier, "identifier is null");
    requireNonNull(type, "type is null");
  }

  TargetColumn withType(ColumnType newType) {
    return new TargetColumn(property, identifier, newType);
  }
}
