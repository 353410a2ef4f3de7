package dev.gale.connectors.postgres.destination;

import static dev.gale.connectors.postgres.Identifiers.quote;

import dev.gale.connectors.postgres.Identifiers;
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
  static String createTable(String qualified, List<TargetColumn> columns) {
    StringJoiner definitions = new StringJoiner(", ", "CREATE TABLE IF NOT EXISTS " + qualified + " (", ")");
    definitions.add(quote(TablePlan.RAW_ID) + " uuid NOT NULL");
    definitions.add(quote(TablePlan.EXTRACTED_AT) + " timestamptz NOT NULL");
    definitions.add(quote(TablePlan.META) + " jsonb NOT NULL");
    definitions.add(quote(TablePlan.GENERATION_ID) + " bigint");
    for (TargetColumn column : columns) {
      definitions.add(quote(column.identifier()) + " " + column.type().sql());
    }
    return definitions.toString();
  }

  static String addColumn(String qualified, String identifier, ColumnType type) {
    return "ALTER TABLE " + qualified + " ADD COLUMN IF NOT EXISTS " + quote(identifier) + " " + type.sql();
  }

  /** Existing columns and their {@code typname}s; parameter: the qualified table name. */
  static String existingColumns() {
    return """
        SELECT a.attname, t.typname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped""";
  }

  /** The columns COPY loads, in the order rows are encoded: the properties, then the metadata. */
  static List<String> loadedColumns(TablePlan plan) {
    List<String> names = new ArrayList<>();
    plan.columns().forEach(column -> names.add(column.identifier()));
    names.addAll(TablePlan.METADATA);
    if (plan.mode() == dev.gale.protocol.DestinationSyncMode.APPEND_DEDUP) {
      names.add(TablePlan.SEQUENCE);
    }
    return names;
  }

  static String copyIn(TablePlan plan) {
    return "COPY " + plan.load() + " (" + quotedList(loadedColumns(plan)) + ") FROM STDIN (FORMAT binary)";
  }

  /** Lets the merge find a key's rows in a large final table. */
  static String createKeyIndex(TablePlan plan) {
    return "CREATE INDEX IF NOT EXISTS " + quote(Identifiers.fit(plan.table() + "_gale_key")) + " ON "
        + plan.qualifiedTable() + " (" + quotedList(keyColumns(plan)) + ")";
  }

  /** Rows of a flush wait here to be merged; the commit that ends the flush empties it. */
  static String createDedupStage(TablePlan plan) {
    return "CREATE TEMP TABLE IF NOT EXISTS " + plan.load() + " (LIKE " + plan.qualifiedTable() + ", "
        + quote(TablePlan.SEQUENCE) + " bigint) ON COMMIT DELETE ROWS";
  }

  /**
   * Merges the staged rows into the final table: per key, the staged row with the greatest cursor (the last written
   * among equals) replaces the final row unless that one's cursor is greater. Two statements, because a statement
   * does not see its own deletions.
   */
  static List<String> merge(TablePlan plan) {
    List<String> keys = keyColumns(plan);
    StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
    keys.forEach(key -> order.add(quote(key)));
    String cursor = plan.cursor() < 0 ? null : quote(plan.columns().get(plan.cursor()).identifier());
    if (cursor != null) {
      order.add(cursor + " DESC NULLS LAST");
    }
    order.add(quote(TablePlan.SEQUENCE) + " DESC");
    String latest = "(SELECT DISTINCT ON (" + quotedList(keys) + ") * FROM " + plan.load() + order + ") s";
    StringJoiner sameKey = new StringJoiner(" AND ");
    keys.forEach(key -> sameKey.add("f." + quote(key) + " = s." + quote(key)));
    String wins = cursor == null ? "" : " AND (f." + cursor + " IS NULL OR s." + cursor + " >= f." + cursor + ")";
    List<String> columns = new ArrayList<>(TablePlan.METADATA);
    plan.columns().forEach(column -> columns.add(column.identifier()));
    String columnList = quotedList(columns);
    StringJoiner selected = new StringJoiner(", ");
    columns.forEach(column -> selected.add("s." + quote(column)));
    return List.of(
        "DELETE FROM " + plan.qualifiedTable() + " f USING " + latest + " WHERE " + sameKey + wins,
        "INSERT INTO " + plan.qualifiedTable() + " (" + columnList + ") SELECT " + selected + " FROM " + latest
            + " WHERE NOT EXISTS (SELECT 1 FROM " + plan.qualifiedTable() + " f WHERE " + sameKey + ")");
  }

  /** Replaces the final table by the staging table; run in one transaction, so readers see one or the other. */
  static List<String> swap(TablePlan plan) {
    return List.of("DROP TABLE IF EXISTS " + plan.qualifiedTable(),
        "ALTER TABLE " + plan.load() + " RENAME TO " + quote(plan.table()));
  }

  private static List<String> keyColumns(TablePlan plan) {
    return plan.primaryKey().stream().map(position -> plan.columns().get(position).identifier()).toList();
  }

  private static String quotedList(List<String> names) {
    StringJoiner joiner = new StringJoiner(", ");
    names.forEach(name -> joiner.add(quote(name)));
    return joiner.toString();
  }
}
