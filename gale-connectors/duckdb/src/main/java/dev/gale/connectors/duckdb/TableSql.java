package dev.gale.connectors.duckdb;

import static dev.gale.connectors.duckdb.TableName.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** The SQL the destination runs, built from a {@link TablePlan}; every identifier quoted. */
final class TableSql {
  private TableSql() {}

  static String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
  }

  /** A typed table: Airbyte's metadata columns first, then one column per property. */
  static String createTable(TableName table, List<TargetColumn> columns) {
    StringJoiner definitions = new StringJoiner(", ", "CREATE TABLE IF NOT EXISTS " + table.sql() + " (", ")");
    definitions.add(quote(TablePlan.RAW_ID) + " UUID NOT NULL");
    definitions.add(quote(TablePlan.EXTRACTED_AT) + " TIMESTAMP WITH TIME ZONE NOT NULL");
    definitions.add(quote(TablePlan.META) + " JSON NOT NULL");
    definitions.add(quote(TablePlan.GENERATION_ID) + " BIGINT");
    for (TargetColumn column : columns) {
      definitions.add(quote(column.identifier()) + " " + column.type().sql());
    }
    return definitions.toString();
  }

  static String addColumn(TableName table, String identifier, ColumnType type) {
    return "ALTER TABLE " + table.sql() + " ADD COLUMN IF NOT EXISTS " + quote(identifier) + " " + type.sql();
  }

  /** Columns of a table in their order, names and types; parameters: schema and table, matched as DuckDB does. */
  static String existingColumns() {
    return """
        SELECT column_name, data_type FROM information_schema.columns
        WHERE table_catalog = current_database() AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)
        ORDER BY ordinal_position""";
  }

  /** The rows of a deduplicated stream wait here; same columns as the final table, plus the arrival order. */
  static String createDedupStage(TablePlan plan) {
    return "CREATE OR REPLACE TABLE " + plan.dedupStage().sql() + " AS SELECT *, CAST(NULL AS BIGINT) AS "
        + quote(TablePlan.SEQUENCE) + " FROM " + plan.table().sql() + " LIMIT 0";
  }

  /**
   * Merges the staged rows into the final table and empties the stage: per key, the staged row with the greatest
   * cursor (the last written among equals) replaces the final row unless that one's cursor is greater. Separate
   * statements, because a statement does not see its own deletions.
   */
  static List<String> merge(TablePlan plan) {
    List<String> keys = keyColumns(plan);
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
    String cursor = plan.cursor() < 0 ? null : quote(plan.columns().get(plan.cursor()).identifier());
    if (cursor != null) {
      order.add(cursor + " DESC NULLS LAST");
    }
    order.add(quote(TablePlan.SEQUENCE) + " DESC");
    StringJoiner partition = new StringJoiner(", ");
    keys.forEach(key -> partition.add(quote(key)));
    String latest = "(SELECT * FROM " + plan.dedupStage().sql() + " QUALIFY row_number() OVER (PARTITION BY "
        + partition + order + ") = 1)";
    StringJoiner sameKey = new StringJoiner(" AND ");
    keys.forEach(key -> sameKey.add("f." + quote(key) + " IS NOT DISTINCT FROM s." + quote(key)));
    String wins = cursor == null ? "" : " AND (f." + cursor + " IS NULL OR s." + cursor + " >= f." + cursor + ")";
    List<String> columns = new ArrayList<>(TablePlan.METADATA);
    plan.columns().forEach(column -> columns.add(column.identifier()));
    StringJoiner names = new StringJoiner(", ");
    StringJoiner selected = new StringJoiner(", ");
    columns.forEach(column -> {
      names.add(quote(column));
      selected.add("s." + quote(column));
    });
    String table = plan.table().sql();
    return List.of(
        "DELETE FROM " + table + " AS f USING " + latest + " AS s WHERE " + sameKey + wins,
        "INSERT INTO " + table + " (" + names + ") SELECT " + selected + " FROM " + latest + " AS s"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " AS f WHERE " + sameKey + ")",
        "DELETE FROM " + plan.dedupStage().sql());
  }

  /** Replaces the final table by the staging table; run in one transaction, so readers see one or the other. */
  static List<String> swap(TablePlan plan) {
    return List.of("DROP TABLE IF EXISTS " + plan.table().sql(),
        "ALTER TABLE " + plan.staging().sql() + " RENAME TO " + quote(plan.table().table()));
  }

  static String dropIfExists(TableName table) {
    return "DROP TABLE IF EXISTS " + table.sql();
  }

  private static List<String> keyColumns(TablePlan plan) {
    return plan.primaryKey().stream().map(position -> plan.columns().get(position).identifier()).toList();
  }
}
