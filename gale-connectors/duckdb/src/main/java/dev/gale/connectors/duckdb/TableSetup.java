package dev.gale.connectors.duckdb;

import dev.gale.connector.ConnectorException;
import dev.gale.protocol.DestinationSyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates what a stream needs before its first row: the schema, the final table (or the columns it lacks), the
 * staging table of an overwrite, the stage of a deduplication. An existing column keeps its type, and values are
 * converted to that type.
 */
final class TableSetup {
  private TableSetup() {}

  /** Prepares the tables of {@code plan} and tells how its load table's columns are filled. */
  static TableLayout prepare(Connection connection, TablePlan plan) throws SQLException {
    execute(connection, TableSql.createSchema(plan.table().schema()));
    TablePlan typed;
    if (plan.mode() == DestinationSyncMode.OVERWRITE) {
      if (!columns(connection, plan.staging()).isEmpty() && !sameGeneration(connection, plan)) {
        // Rows of another refresh (or of an attempt that cannot be resumed): start the overwrite afresh.
        execute(connection, TableSql.dropIfExists(plan.staging()));
      }
      typed = ensureTable(connection, plan.staging(), plan);
    } else {
      typed = ensureTable(connection, plan.table(), plan);
    }
    if (plan.mode() == DestinationSyncMode.APPEND_DEDUP) {
      execute(connection, TableSql.createDedupStage(typed));
    }
    return new TableLayout(typed, slots(typed, columns(connection, typed.load())));
  }

  private static TablePlan ensureTable(Connection connection, TableName table, TablePlan plan) throws SQLException {
    Map<String, String> existing = columns(connection, table);
    if (existing.isEmpty()) {
      execute(connection, TableSql.createTable(table, plan.columns()));
      return plan;
    }
    addMissing(connection, table, existing, TablePlan.RAW_ID, ColumnType.UUID);
    addMissing(connection, table, existing, TablePlan.EXTRACTED_AT, ColumnType.TIMESTAMPTZ);
    addMissing(connection, table, existing, TablePlan.META, ColumnType.JSON);
    addMissing(connection, table, existing, TablePlan.GENERATION_ID, ColumnType.BIGINT);
    List<TargetColumn> columns = new ArrayList<>();
    for (TargetColumn column : plan.columns()) {
      String dataType = existing.get(lower(column.identifier()));
      if (dataType == null) {
        execute(connection, TableSql.addColumn(table, column.identifier(), column.type()));
        columns.add(column);
      } else {
        columns.add(column.withType(type(table, column.identifier(), dataType)));
      }
    }
    return plan.withColumns(columns);
  }

  private static void addMissing(Connection connection, TableName table, Map<String, String> existing, String name,
                                 ColumnType type) throws SQLException {
    if (!existing.containsKey(name)) {
      execute(connection, TableSql.addColumn(table, name, type));
    }
  }

  /** The load table's columns in order, each mapped to what fills it. */
  private static List<Slot> slots(TablePlan plan, Map<String, String> columns) {
    Map<String, Integer> fields = new HashMap<>();
    for (int i = 0; i < plan.columns().size(); i++) {
      fields.put(lower(plan.columns().get(i).identifier()), i);
    }
    List<Slot> slots = new ArrayList<>();
    for (Map.Entry<String, String> column : columns.entrySet()) {
      ColumnType type = type(plan.load(), column.getKey(), column.getValue());
      Integer field = fields.get(column.getKey());
      Slot.Kind kind = switch (column.getKey()) {
        case TablePlan.RAW_ID -> Slot.Kind.RAW_ID;
        case TablePlan.EXTRACTED_AT -> Slot.Kind.EXTRACTED_AT;
        case TablePlan.META -> Slot.Kind.META;
        case TablePlan.GENERATION_ID -> Slot.Kind.GENERATION_ID;
        case TablePlan.SEQUENCE -> Slot.Kind.SEQUENCE;
        default -> field == null ? Slot.Kind.ABSENT : Slot.Kind.FIELD;
      };
      slots.add(new Slot(kind, kind == Slot.Kind.FIELD ? field : -1, type));
    }
    return slots;
  }

  private static ColumnType type(TableName table, String column, String dataType) {
    return ColumnType.ofSql(dataType).orElseThrow(() -> new ConnectorException("Column " + column + " of " + table
        + " has type " + dataType + ", which Gale cannot write"));
  }

  /** A staging table holds a resumable attempt when every row has this sync's generation. */
  private static boolean sameGeneration(Connection connection, TablePlan plan) throws SQLException {
    if (plan.generation() == null) {
      return false;
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + plan.staging().sql()
        + " WHERE " + TableName.quote(TablePlan.GENERATION_ID) + " IS DISTINCT FROM ?")) {
      statement.setLong(1, plan.generationId());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) == 0;
      }
    }
  }

  /** Column names (lower case, as DuckDB compares them) and data types in table order; empty for no table. */
  static Map<String, String> columns(Connection connection, TableName table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TableSql.existingColumns())) {
      statement.setString(1, table.schema());
      statement.setString(2, table.table());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(lower(rows.getString(1)), rows.getString(2));
        }
      }
    }
    return columns;
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
