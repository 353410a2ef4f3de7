package dev.gale.connectors.postgres.destination;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.postgres.CopyWriter;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes one sync over one connection and one transaction per flush. Batches stream into {@code COPY ... FROM STDIN
 * (FORMAT binary)} of their stream's load table; a batch of another stream ends the current COPY and starts one for
 * it, inside the same transaction. A flush ends the COPY, merges deduplicated streams and commits; completion swaps
 * every overwritten table in one more transaction. Closing without completing rolls back only what was not flushed.
 */
final class PostgresWriter implements DestinationWriter {
  private final Connection connection;
  private final CopyManager copyManager;
  private final Map<StreamDescriptor, TablePlan> plans;
  private final RowEncoder encoder;
  private final Set<TablePlan> loadedSinceFlush = new LinkedHashSet<>();
  private CopyIn copy;
  private CopyWriter copyWriter;
  private TablePlan copyPlan;

  PostgresWriter(Connection connection, Map<StreamDescriptor, TablePlan> plans, WriteContext context)
      throws SQLException {
    this.connection = connection;
    this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    this.plans = Map.copyOf(plans);
    this.encoder = new RowEncoder(context.syncId());
  }

  @Override
  public void write(RecordBatch batch) throws SQLException, IOException {
    TablePlan plan = plans.get(batch.schema().stream());
    if (plan == null) {
      throw new ConnectorException("Stream " + batch.schema().stream() + " is not in the configured catalog");
    }
    if (batch.size() == 0) {
      return;
    }
    if (copyPlan != plan) {
      endCopy();
      copy = copyManager.copyIn(TableSql.copyIn(plan));
      copyWriter = new CopyWriter(new CopyInStream(copy));
      copyWriter.header();
      copyPlan = plan;
    }
    encoder.write(copyWriter, plan, batch);
    loadedSinceFlush.add(plan);
  }

  @Override
  public void flush() throws SQLException, IOException {
    endCopy();
    for (TablePlan plan : loadedSinceFlush) {
      if (plan.mode() == DestinationSyncMode.APPEND_DEDUP) {
        for (String sql : TableSql.merge(plan)) {
          TableSetup.execute(connection, sql);
        }
      }
    }
    connection.commit();
    loadedSinceFlush.clear();
  }

  @Override
  public void complete() throws SQLException, IOException {
    flush();
    for (TablePlan plan : plans.values()) {
      if (plan.mode() == DestinationSyncMode.OVERWRITE) {
        for (String sql : TableSql.swap(plan)) {
          TableSetup.execute(connection, sql);
        }
      }
    }
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  private void endCopy() throws SQLException, IOException {
    if (copy == null) {
      return;
    }
    copyWriter.trailer();
    copy.endCopy();
    copy = null;
    copyWriter = null;
    copyPlan = null;
  }

  /** Hands encoded bytes straight to the COPY, without another buffer in between. */
  private static final class CopyInStream extends OutputStream {
    private final CopyIn copy;

    CopyInStream(CopyIn copy) {
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        copy.writeToCopy(bytes, offset, length);
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }

  static List<String> describe(Map<StreamDescriptor, TablePlan> plans) {
    return plans.values().stream().map(plan -> plan.stream() + " -> " + plan.qualifiedTable() + " (" + plan.mode()
        + ")").toList();
  }
}
