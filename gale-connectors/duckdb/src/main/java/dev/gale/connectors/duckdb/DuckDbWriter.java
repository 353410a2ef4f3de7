package dev.gale.connectors.duckdb;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one sync over one connection and one transaction per flush. Batches go through one DuckDB
 * {@link DuckDBAppender} per load table, which appends inside the connection's open transaction; a flush closes the
 * appenders, merges deduplicated streams and commits, so the engine's state is acknowledged only once the rows before
 * it are committed. Completion swaps every overwritten table in one more transaction. Closing without completing
 * rolls back only what was not flushed.
 */
final class DuckDbWriter implements DestinationWriter {
  private final Connection connection;
  private final Path file;
  private final DuckDBConnection duckdb;
  private final Map<StreamDescriptor, TableLayout> layouts;
  private final RowAppender rows;
  private final Map<TableLayout, DuckDBAppender> appenders = new LinkedHashMap<>();
  private final Set<TableLayout> loadedSinceFlush = new LinkedHashSet<>();
  private boolean inTransaction;

  DuckDbWriter(Connection connection, Path file, Map<StreamDescriptor, TableLayout> layouts, WriteContext context)
      throws SQLException {
    this.connection = connection;
    this.file = file;
    this.duckdb = connection.unwrap(DuckDBConnection.class);
    this.layouts = Map.copyOf(layouts);
    this.rows = new RowAppender(context.syncId());
  }

  @Override
  public void write(RecordBatch batch) throws SQLException {
    TableLayout layout = layouts.get(batch.schema().stream());
    if (layout == null) {
      throw new ConnectorException("Stream " + batch.schema().stream() + " is not in the configured catalog");
    }
    if (batch.size() == 0) {
      return;
    }
    if (!inTransaction) {
      // DuckDB's driver begins the transaction of a manual-commit connection at its next statement, and an appender
      // used outside a transaction commits on its own: open one first, so that the rows wait for the flush.
      TableSetup.execute(connection, "SELECT 1");
      inTransaction = true;
    }
    DuckDBAppender appender = appenders.get(layout);
    if (appender == null) {
      TableName load = layout.plan().load();
      appender = duckdb.createAppender(load.schema(), load.table());
      appenders.put(layout, appender);
    }
    rows.append(appender, layout, batch);
    loadedSinceFlush.add(layout);
  }

  @Override
  public void flush() throws SQLException {
    closeAppenders();
    for (TableLayout layout : loadedSinceFlush) {
      if (layout.plan().mode() == DestinationSyncMode.APPEND_DEDUP) {
        for (String sql : TableSql.merge(layout.plan())) {
          TableSetup.execute(connection, sql);
        }
      }
    }
    connection.commit();
    inTransaction = false;
    loadedSinceFlush.clear();
  }

  @Override
  public void complete() throws SQLException {
    flush();
    DuckDbFile.changingCatalog(file, () -> {
      for (TableLayout layout : layouts.values()) {
        TablePlan plan = layout.plan();
        if (plan.mode() == DestinationSyncMode.OVERWRITE) {
          for (String sql : TableSql.swap(plan)) {
            TableSetup.execute(connection, sql);
          }
        } else if (plan.mode() == DestinationSyncMode.APPEND_DEDUP) {
          TableSetup.execute(connection, TableSql.dropIfExists(plan.dedupStage()));
        }
      }
      connection.commit();
      return null;
    });
  }

  @Override
  public void close() throws SQLException {
    try {
      for (DuckDBAppender appender : appenders.values()) {
        try {
          appender.close();
        } catch (SQLException e) {
          // Its rows are rolled back below either way.
        }
      }
      appenders.clear();
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  /** Hands each appender's buffered rows to the transaction; the next batch opens a new appender. */
  private void closeAppenders() throws SQLException {
    try {
      for (DuckDBAppender appender : appenders.values()) {
        appender.flush();
        appender.close();
      }
    } finally {
      appenders.clear();
    }
  }

  static List<String> describe(Map<StreamDescriptor, TableLayout> layouts) {
    return layouts.values().stream().map(layout -> layout.plan().stream() + " -> " + layout.plan().table() + " ("
        + layout.plan().mode() + ")").toList();
  }
}
