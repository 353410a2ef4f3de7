package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.StreamDescriptor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The read loop of an external source: RECORD messages typed and gathered into one batch per stream, STATE messages
 * passed on as checkpoints. Before a checkpoint, every stream's pending records are emitted, so a state always
 * follows the records it covers (whatever their stream) and a connector that sends its state first is handled
 * alike. While the engine holds up {@link SourceOutput#emit} (the destination is behind), the connector's
 * no-message clock is paused. Estimates, stream statuses and configuration updates go to the output's
 * {@link dev.gale.connector.data.SyncEvents} ({@link EventMessages}). Not thread-safe: one per read.
 *
 * <h2>A state's record count</h2>
 * A state may say how many records it covers ({@code sourceStats.recordCount}: for a stream state, that stream's
 * records since its previous state; for a global or legacy one, all records since the previous state). Gale counts
 * them too; a difference is a WARN in the attempt's log and the state is passed on unchanged: the count is a
 * consistency check that Airbyte's platform also only reports unless told to fail (a source that counts batches or
 * pages differently would otherwise never sync), and the records themselves are what Gale delivers.
 */
final class SourceReading {
  /** Rows per batch: a few thousand keep the engine's queue short and its per-batch costs small. */
  static final int BATCH_ROWS = 4096;
  /** A batch goes out early when its records already weigh this much, which bounds memory for wide records. */
  static final long BATCH_BYTES = 4L << 20;

  private final ConnectorProcess process;
  private final SourceOutput output;
  private final Map<StreamDescriptor, Pending> streams = new HashMap<>();
  private long recordsSinceAnyState;

  SourceReading(ConnectorProcess process, ConfiguredAirbyteCatalog catalog, SourceOutput output) {
    this.process = requireNonNull(process, "process is null");
    this.output = requireNonNull(output, "output is null");
    for (ConfiguredAirbyteStream configured : catalog.streams()) {
      StreamDescriptor stream = configured.descriptor();
      RecordSchema schema = RecordSchema.fromJsonSchema(stream, configured.stream().jsonSchema());
      streams.put(stream, new Pending(new RecordDecoder(schema, output::log), RecordBatch.builder(schema, BATCH_ROWS)));
    }
  }

  /** Reads until the connector's stdout ends, then checks how it exited. */
  void run() throws InterruptedException {
    ProtocolMessage message;
    while ((message = process.next()) != null) {
      switch (message) {
        case ProtocolMessage.Record record -> record(record);
        case ProtocolMessage.State state -> checkpoint(state.state());
        default -> {
          if (!EventMessages.deliver(message, output, output::log)) {
            output.log(SourceOutput.LogLevel.DEBUG, "ignored a " + message.getClass().getSimpleName()
                + " message during read");
          }
        }
      }
    }
    emitAll();
    process.finish();
  }

  private void record(ProtocolMessage.Record record) throws InterruptedException {
    Pending pending = streams.get(record.stream());
    if (pending == null) {
      throw new ConnectorException(ConnectorException.Kind.SYSTEM, "The connector " + process.display()
          + " sent a RECORD for stream '" + record.stream() + "', which the configured catalog does not hold", null);
    }
    if (pending.builder.isEmpty()) {
      pending.firstEmittedAt = record.emittedAt();
    }
    pending.builder.add(pending.decoder.row(record.data()));
    pending.recordsSinceState++;
    recordsSinceAnyState++;
    if (pending.builder.size() >= BATCH_ROWS || pending.builder.estimatedBytes() >= BATCH_BYTES) {
      emit(pending);
    }
  }

  private void checkpoint(AirbyteStateMessage state) throws InterruptedException {
    checkRecordCount(state);
    emitAll();
    process.pauseClock();
    try {
      output.checkpoint(state);
    } finally {
      process.resumeClock();
    }
  }

  /** Compares the state's own record count with Gale's (see the class comment), and starts counting anew. */
  private void checkRecordCount(AirbyteStateMessage state) {
    String covers;
    long counted;
    if (state.type() == AirbyteStateType.STREAM) {
      Pending pending = streams.get(state.stream().streamDescriptor());
      if (pending == null) {
        return; // Not in the catalog: the engine refuses the state.
      }
      covers = "stream " + state.stream().streamDescriptor();
      counted = pending.recordsSinceState;
      pending.recordsSinceState = 0;
    } else {
      covers = "all streams";
      counted = recordsSinceAnyState;
      streams.values().forEach(pending -> pending.recordsSinceState = 0);
    }
    recordsSinceAnyState = 0;
    Double declared = state.sourceStats() == null ? null : state.sourceStats().recordCount();
    if (declared != null && declared != counted) {
      output.log(SourceOutput.LogLevel.WARN, "The connector's " + state.type() + " state (" + covers + ") says it covers "
          + declared.longValue() + " records, but Gale received " + counted + " since the previous state; the state is "
          + "kept as sent");
    }
  }

  private void emitAll() throws InterruptedException {
    for (Pending pending : streams.values()) {
      if (!pending.builder.isEmpty()) {
        emit(pending);
      }
    }
  }

  private void emit(Pending pending) throws InterruptedException {
    long millis = pending.firstEmittedAt;
    RecordBatch batch = pending.builder.build(millis > 0 ? Instant.ofEpochMilli(millis) : Instant.now());
    process.pauseClock();
    try {
      output.emit(batch);
    } finally {
      process.resumeClock();
    }
  }

  private static final class Pending {
    final RecordDecoder decoder;
    final RecordBatch.Builder builder;
    long firstEmittedAt;
    long recordsSinceState;

    Pending(RecordDecoder decoder, RecordBatch.Builder builder) {
      this.decoder = decoder;
      this.builder = builder;
    }
  }
}
