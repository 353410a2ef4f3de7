package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A table in the DuckDB file, its schema and name exactly as the stream gives them (no normalisation: quotes,
 * spaces, dots and any Unicode are fine inside quoted identifiers, and DuckDB has no length limit).
 */
record TableName(String schema, String table) {
  TableName {
    requireNonNull(schema, "schema is null");
    requireNonNull(table, "table is null");
  }

  /** The quoted, qualified name for SQL. */
  String sql() {
    return quote(schema) + "." + quote(table);
  }

  /** A table beside this one, in the same schema. */
  TableName sibling(String suffix) {
    return new TableName(schema, table + suffix);
  }

  /**
   * DuckDB resolves identifiers case-insensitively even when quoted, so {@code Users} and {@code users} are one
   * table; this key tells such names apart only as DuckDB does.
   */
  String key() {
    return schema.toLowerCase(Locale.ROOT) + "\u0000" + table.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return sql();
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
