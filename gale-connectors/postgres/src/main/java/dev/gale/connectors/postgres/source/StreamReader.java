package dev.gale.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.postgres.CopyReader;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.connectors.postgres.PgWireType;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads one stream with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}, decoding rows straight into typed values
 * and emitting them in batches. Incremental streams are read in cursor order from where their state left off, with
 * Airbyte's tie rule: rows sharing the last cursor value are read again only when their count in the table differs
 * from the {@code cursor_record_count} of the state. A checkpoint follows every {@code checkpointRows} rows at the
 * next change of cursor value, where it covers every row read so far, and the end of every stream.
 */
final class StreamReader {
  private final Connection connection;
  private final SourceOutput output;
  private final int batchRows;
  private final long checkpointRows;

  StreamReader(Connection connection, SourceOutput output, int batchRows, long checkpointRows) {
    this.connection = connection;
    this.output = output;
    this.batchRows = batchRows;
    this.checkpointRows = checkpointRows;
  }

  void read(ConfiguredAirbyteStream configured, String defaultSchema, JsonNode priorState)
      throws SQLException, IOException, InterruptedException {
    StreamDescriptor stream = configured.descriptor();
    String schema = stream.namespace() == null ? defaultSchema : stream.namespace();
    SourceTable table = SourceCatalog.table(connection, schema, stream.name());
    if (table == null) {
      throw new ConnectorException("Stream " + stream + " names no table or view that can be read in schema " + schema);
    }
    List<SourceColumn> columns = selectedColumns(table, configured);
    SourceColumn cursor = configured.syncMode() == SyncMode.INCREMENTAL ? cursorColumn(table, configured) : null;
    if (cursor != null && !columns.contains(cursor)) {
      columns.add(cursor);
    }
    CursorState prior = cursor == null ? null : CursorState.parse(stream, priorState);
    if (prior != null && !prior.cursorField().equals(List.of(cursor.name()))) {
      prior = null; // the cursor changed: the old position means nothing for the new one
    }
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      select.append(i == 0 ? "" : ", ").append(columns.get(i).selection());
    }
    select.append(" FROM ").append(table.qualifiedName());
    String operator = null;
    if (prior != null && prior.cursor() != null) {
      operator = countEqual(table, cursor, prior.cursor()) == prior.cursorRecordCount() ? " > " : " >= ";
      select.append(" WHERE ").append(Identifiers.quote(cursor.name())).append(operator)
          .append(castLiteral(cursor, prior.cursor()));
    }
    if (cursor != null) {
      select.append(" ORDER BY ").append(Identifiers.quote(cursor.name()));
    }
    RecordSchema recordSchema = new RecordSchema(stream,
        columns.stream().map(column -> new Column(column.name(), column.valueType())).toList());
    CursorTracker tracker = cursor == null ? null
        : new CursorTracker(stream, List.of(cursor.name()), columns.indexOf(cursor), prior, " > ".equals(operator));
    copy("COPY (" + select + ") TO STDOUT (FORMAT binary)", columns, recordSchema, tracker);
  }

  private void copy(String sql, List<SourceColumn> columns, RecordSchema schema, CursorTracker tracker)
      throws SQLException, IOException, InterruptedException {
    PgWireType[] types = columns.stream().map(SourceColumn::wire).toArray(PgWireType[]::new);
    CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
    try {
      CopyReader reader = new CopyReader(new PGCopyInputStream(copy), types);
      RecordBatch.Builder batch = RecordBatch.builder(schema, batchRows);
      long sinceCheckpoint = 0;
      Object[] row;
      while ((row = reader.next()) != null) {
        if (tracker != null && tracker.advance(row) && sinceCheckpoint >= checkpointRows) {
          emit(batch);
          output.checkpoint(tracker.checkpoint().withSourceStats(sinceCheckpoint));
          sinceCheckpoint = 0;
        }
        if (tracker != null) {
          tracker.count(row);
        }
        batch.add(row);
        sinceCheckpoint++;
        if (batch.size() >= batchRows) {
          emit(batch);
        }
      }
      emit(batch);
      AirbyteStateMessage last = tracker == null
          ? AirbyteStateMessage.stream(schema.stream(), Json.object()) : tracker.checkpoint();
      output.checkpoint(last.withSourceStats(sinceCheckpoint));
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy(); // interrupted or failed mid-stream: stop the server sending the rest
      }
    }
  }

  private void emit(RecordBatch.Builder batch) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("the read was cancelled");
    }
    if (!batch.isEmpty()) {
      output.emit(batch.build(Instant.now()));
    }
  }

  private long countEqual(SourceTable table, SourceColumn cursor, String value) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table.qualifiedName() + " WHERE "
             + Identifiers.quote(cursor.name()) + " = " + castLiteral(cursor, value))) {
      rows.next();
      return rows.getLong(1);
    }
  }

  // COPY takes no bind parameters, so the cursor value is a literal cast to the column's own type.
  private static String castLiteral(SourceColumn cursor, String value) {
    return Identifiers.literal(value) + "::" + cursor.declaredType();
  }

  private static List<SourceColumn> selectedColumns(SourceTable table, ConfiguredAirbyteStream configured) {
    JsonNode properties = configured.stream().jsonSchema().get("properties");
    List<SourceColumn> selected = new ArrayList<>();
    for (SourceColumn column : table.columns()) {
      if (properties == null || !properties.isObject() || properties.has(column.name())) {
        selected.add(column);
      }
    }
    return selected;
  }

  private static SourceColumn cursorColumn(SourceTable table, ConfiguredAirbyteStream configured) {
    List<String> field = configured.effectiveCursorField();
    if (field.size() != 1) {
      throw new ConnectorException("Stream " + configured.descriptor() + " is incremental and needs a cursor field: "
          + "one top-level column, got " + field);
    }
    SourceColumn cursor = table.column(field.getFirst()).orElseThrow(() -> new ConnectorException(
        "Cursor field " + field.getFirst() + " is not a column of " + configured.descriptor()));
    if (!cursor.cursorCapable()) {
      throw new ConnectorException("Column " + cursor.name() + " of " + configured.descriptor() + " has type "
          + cursor.declaredType() + ", which cannot be a cursor");
    }
    return cursor;
  }

  /** Follows the cursor value through rows read in cursor order (NULLs last, never counted). */
  private static final class CursorTracker {
    private final StreamDescriptor stream;
    private final List<String> field;
    private final int index;
    private final CursorState prior;
    private final boolean priorTiesSkipped;
    private Object value;
    private long count;

    CursorTracker(StreamDescriptor stream, List<String> field, int index, CursorState prior, boolean priorTiesSkipped) {
      this.stream = stream;
      this.field = field;
      this.index = index;
      this.prior = prior;
      this.priorTiesSkipped = priorTiesSkipped;
    }

    /** Whether {@code row} starts a new cursor value after at least one: the place a checkpoint may go. */
    boolean advance(Object[] row) {
      Object next = row[index];
      return next != null && value != null && !same(value, next);
    }

    void count(Object[] row) {
      Object next = row[index];
      if (next == null) {
        return;
      }
      if (value != null && same(value, next)) {
        count++;
      } else {
        value = next;
        count = 1;
      }
    }

    /** The state covering every row counted so far. */
    AirbyteStateMessage checkpoint() {
      CursorState state;
      if (value != null) {
        state = new CursorState(stream, field, CursorText.of(value), count);
      } else if (prior != null) {
        // Nothing new: the prior position holds, with the ties that were skipped or none if they were read again.
        state = new CursorState(stream, field, prior.cursor(), priorTiesSkipped ? prior.cursorRecordCount() : 0);
      } else {
        state = new CursorState(stream, field, null, 0);
      }
      return AirbyteStateMessage.stream(stream, state.toJson());
    }

    private static boolean same(Object a, Object b) {
      return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
    }
  }
}
