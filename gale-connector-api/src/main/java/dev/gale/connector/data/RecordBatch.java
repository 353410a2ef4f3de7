package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records of one stream travelling together: the unit of work between source, engine and destination. Rows are
 * arrays of typed values (see {@link ValueType}), one per column of the {@link #schema()}; no record is ever turned
 * into JSON between built-in connectors.
 *
 * <p>A batch is immutable once built: the source must not touch its rows after {@link SourceOutput#emit}, and nobody
 * changes them afterwards. A destination may therefore keep a batch after {@link DestinationWriter#write} returns (to
 * encode it on another thread, say), as long as its memory stays bounded and {@link DestinationWriter#flush} still
 * returns only once the batch is durable.
 *
 * @param emittedAt when the source read these records; destinations store it as {@code _airbyte_extracted_at}
 * @param estimatedBytes the size of the records as JSON text would be, roughly; Airbyte's {@code bytesEmitted}
 */
public record RecordBatch(RecordSchema schema, List<Object[]> rows, Instant emittedAt, long estimatedBytes) {
  public RecordBatch {
    requireNonNull(schema, "schema is null");
    requireNonNull(rows, "rows is null");
    requireNonNull(emittedAt, "emittedAt is null");
  }

  public int size() {
    return rows.size();
  }

  public static Builder builder(RecordSchema schema, int expectedRows) {
    return new Builder(schema, expectedRows);
  }

  /** Collects rows for one batch, estimating their size as it goes. Not thread-safe. */
  public static final class Builder {
    private final RecordSchema schema;
    private final int expectedRows;
    private List<Object[]> rows;
    private long bytes;

    private Builder(RecordSchema schema, int expectedRows) {
      this.schema = requireNonNull(schema, "schema is null");
      this.expectedRows = expectedRows;
      this.rows = new ArrayList<>(expectedRows);
    }

    /** Adds one row; it must have one value per column and is kept as it is (not copied). */
    public Builder add(Object[] row) {
      if (row.length != schema.size()) {
        throw new IllegalArgumentException("a row of " + schema.stream() + " needs " + schema.size() + " values, got " + row.length);
      }
      rows.add(row);
      bytes += RowSizes.estimate(row);
      return this;
    }

    public int size() {
      return rows.size();
    }

    /** The estimated size of the rows added so far, as {@link RecordBatch#estimatedBytes()} will tell it. */
    public long estimatedBytes() {
      return bytes;
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }

    /** The batch of the rows added so far; the builder starts over empty. */
    public RecordBatch build(Instant emittedAt) {
      RecordBatch batch = new RecordBatch(schema, Collections.unmodifiableList(rows), emittedAt, bytes);
      rows = new ArrayList<>(expectedRows);
      bytes = 0;
      return batch;
    }
  }
}
