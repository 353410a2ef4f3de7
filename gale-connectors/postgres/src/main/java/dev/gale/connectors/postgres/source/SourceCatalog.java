package dev.gale.connectors.postgres.source;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables, views and their columns and primary keys from {@code pg_catalog}. Lists only relations the user may
 * select from, and partitioned tables once (their partitions are read through them).
 */
final class SourceCatalog {
  private static final String COLUMNS = """
      SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
             bt.typname, bt.typtype, bt.typcategory, et.typname
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      LEFT JOIN pg_catalog.pg_type et ON et.oid = bt.typelem AND bt.typcategory = 'A'
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
        AND n.nspname = ANY (?) AND (?::text IS NULL OR c.relname = ?::text)
        AND has_table_privilege(c.oid, 'SELECT')
      ORDER BY n.nspname, c.relname, a.attnum""";
  private static final String PRIMARY_KEYS = """
      SELECT n.nspname, c.relname, a.attname
      FROM pg_catalog.pg_index i
      JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisprimary AND n.nspname = ANY (?) AND (?::text IS NULL OR c.relname = ?::text)
      ORDER BY n.nspname, c.relname, array_position(i.indkey::int2[], a.attnum)""";

  private SourceCatalog() {}

  /** Every readable table and view of {@code schemas}, ordered by schema and name. */
  static List<SourceTable> tables(Connection connection, List<String> schemas) throws SQLException {
    return load(connection, schemas, null);
  }

  /** One table or view, if it exists and is readable. */
  static SourceTable table(Connection connection, String schema, String name) throws SQLException {
    List<SourceTable> tables = load(connection, List.of(schema), name);
    return tables.isEmpty() ? null : tables.getFirst();
  }

  private static List<SourceTable> load(Connection connection, List<String> schemas, String name) throws SQLException {
    Map<List<String>, List<SourceColumn>> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = prepare(connection, COLUMNS, schemas, name);
         ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        columns.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)), key -> new ArrayList<>())
            .add(SourceColumn.of(rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8)));
      }
    }
    Map<List<String>, List<String>> keys = new HashMap<>();
    try (PreparedStatement statement = prepare(connection, PRIMARY_KEYS, schemas, name);
         ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        keys.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)), key -> new ArrayList<>())
            .add(rows.getString(3));
      }
    }
    List<SourceTable> tables = new ArrayList<>();
    columns.forEach((table, tableColumns) -> tables.add(new SourceTable(table.get(0), table.get(1), tableColumns,
        keys.getOrDefault(table, List.of()))));
    return tables;
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<String> schemas, String name)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    Array schemaArray = connection.createArrayOf("text", schemas.toArray());
    statement.setArray(1, schemaArray);
    statement.setString(2, name);
    statement.setString(3, name);
    return statement;
  }
}
