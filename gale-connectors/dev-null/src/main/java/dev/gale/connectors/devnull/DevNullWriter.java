package dev.gale.connectors.devnull;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what it is given and keeps nothing: nothing is kept, so everything is as durable as it will ever be and
 * {@link #flush} has nothing to do. {@link #close} logs one summary line. Used from one thread at a time, as the
 * writer contract says.
 */
final class DevNullWriter implements DestinationWriter {
  private final WriteContext context;
  private final Map<StreamDescriptor, long[]> recordsByStream = new LinkedHashMap<>();
  private long bytes;
  private boolean completed;

  DevNullWriter(ConfiguredAirbyteCatalog catalog, WriteContext context) {
    this.context = requireNonNull(context, "context is null");
    for (ConfiguredAirbyteStream stream : catalog.streams()) {
      recordsByStream.put(stream.descriptor(), new long[1]);
    }
  }

  @Override
  public void write(RecordBatch batch) {
    long[] records = recordsByStream.get(batch.schema().stream());
    if (records == null) {
      throw new IllegalArgumentException("stream " + batch.schema().stream() + " is not in the configured catalog");
    }
    records[0] += batch.size();
    bytes += batch.estimatedBytes();
  }

  @Override
  public void flush() {}

  @Override
  public void complete() {
    completed = true;
  }

  @Override
  public void close() {
    long records = recordsByStream.values().stream().mapToLong(count -> count[0]).sum();
    context.log().accept(LogLevel.INFO, "Dev Null discarded " + records + " records (about " + bytes + " bytes) of "
        + recordsByStream.size() + " streams" + (completed ? "" : "; the sync did not complete"));
  }
}
