package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
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
 * no-message clock is paused. Not thread-safe: one per read.
 */
final class SourceReading {
  /** Rows per batch: a few thousand keep the engine's queue short and its per-batch costs small. */
  static final int BATCH_ROWS = 4096;
  /** A batch goes out early when its records already weigh this much, which bounds memory for wide records. */
  static final long BATCH_BYTES = 4L << 20;

  private final ConnectorProcess process;
  private final SourceOutput output;
  private final Map<StreamDescriptor, Pending> streams = new HashMap<>();

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
        default -> output.log(SourceOutput.LogLevel.DEBUG, "ignored a " + message.getClass().getSimpleName()
            + " message during read");
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
    if (pending.builder.size() >= BATCH_ROWS || pending.builder.estimatedBytes() >= BATCH_BYTES) {
      emit(pending);
    }
  }

  private void checkpoint(AirbyteStateMessage state) throws InterruptedException {
    emitAll();
    process.pauseClock();
    try {
      output.checkpoint(state);
    } finally {
      process.resumeClock();
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

    Pending(RecordDecoder decoder, RecordBatch.Builder builder) {
      this.decoder = decoder;
      this.builder = builder;
    }
  }
}
