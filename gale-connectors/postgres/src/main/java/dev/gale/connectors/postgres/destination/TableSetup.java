package dev.gale.connectors.postgres.destination;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.protocol.DestinationSyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates what a stream needs before its first row: the schema, the final table (or the columns it lacks), the
 * staging table of an overwrite, the temporary table and key index of a deduplication. An existing column keeps its
 * type, and values are written in that type.
 */
final class TableSetup {
  private TableSetup() {}

  /** Prepares the tables of {@code plan} and returns it with the column types the tables really have. */
  static TablePlan prepare(Connection connection, TablePlan plan, Long generationId) throws SQLException {
    execute(connection, TableSql.createSchema(plan.schema()));
    TablePlan typed = plan;
    if (plan.mode() != DestinationSyncMode.OVERWRITE) {
      typed = ensureTable(connection, plan.qualifiedTable(), plan);
    } else {
      String staging = plan.load();
      Map<String, String> existing = columns(connection, staging);
      if (!existing.isEmpty() && !sameGeneration(connection, staging, generationId)) {
        // Rows of another refresh (or of an attempt that cannot be resumed): start the overwrite afresh.
        execute(connection, "DROP TABLE " + staging);
      }
      typed = ensureTable(connection, staging, plan);
    }
    if (plan.mode() == DestinationSyncMode.APPEND_DEDUP) {
      execute(connection, TableSql.createKeyIndex(typed));
      execute(connection, TableSql.createDedupStage(typed));
    }
    return typed;
  }

  private static TablePlan ensureTable(Connection connection, String qualified, TablePlan plan) throws SQLException {
    Map<String, String> existing = columns(connection, qualified);
    if (existing.isEmpty()) {
      execute(connection, TableSql.createTable(qualified, plan.columns()));
      return plan;
    }
    addMissing(connection, qualified, existing, TablePlan.RAW_ID, ColumnType.UUID);
    addMissing(connection, qualified, existing, TablePlan.EXTRACTED_AT, ColumnType.TIMESTAMPTZ);
    addMissing(connection, qualified, existing, TablePlan.META, ColumnType.JSONB);
    addMissing(connection, qualified, existing, TablePlan.GENERATION_ID, ColumnType.BIGINT);
    List<TargetColumn> columns = new ArrayList<>();
    for (TargetColumn column : plan.columns()) {
      String typeName = existing.get(column.identifier());
      if (typeName == null) {
        execute(connection, TableSql.addColumn(qualified, column.identifier(), column.type()));
        columns.add(column);
      } else {
        ColumnType type = ColumnType.ofTypeName(typeName).orElseThrow(() -> new ConnectorException("Column "
            + column.identifier() + " of " + qualified + " has type " + typeName + ", which Gale cannot write"));
        columns.add(new TargetColumn(column.property(), column.identifier(), type));
      }
    }
    return new TablePlan(plan.stream(), plan.mode(), plan.schema(), plan.table(), plan.load(), columns,
        plan.primaryKey(), plan.cursor(), plan.generationId());
  }

  private static void addMissing(Connection connection, String qualified, Map<String, String> existing, String name,
                                 ColumnType type) throws SQLException {
    if (!existing.containsKey(name)) {
      execute(connection, TableSql.addColumn(qualified, name, type));
    }
  }

  /** A staging table holds a resumable attempt when every row has this sync's generation. */
  private static boolean sameGeneration(Connection connection, String staging, Long generationId) throws SQLException {
    if (generationId == null) {
      return false;
    }
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + staging + " WHERE "
             + Identifiers.quote(TablePlan.GENERATION_ID) + " IS DISTINCT FROM " + generationId + ")")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static Map<String, String> columns(Connection connection, String qualified) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TableSql.existingColumns())) {
      statement.setString(1, qualified);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2));
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
}
