package dev.gale.connectors.declarative.read;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One stream of a sync: its records typed into batches for the engine and, for an incremental read, a checkpoint of
 * the stream's state (Airbyte's shape) after every slice and at the end, each after the records it covers.
 */
public final class SyncRead {
  private static final int BATCH_ROWS = 1_000;

  private SyncRead() {}

  /**
   * @param state the stream's state to resume from, or null for a full refresh (read from the start, no checkpoints)
   */
  public static void read(Run run, DeclarativeStream stream, StreamDescriptor descriptor, Map<String, Object> state,
                          SourceOutput output) throws InterruptedException {
    RecordSchema schema = RecordSchema.fromJsonSchema(descriptor, stream.jsonSchema());
    RecordTyping typing = new RecordTyping(schema, run);
    RecordBatch.Builder batch = RecordBatch.builder(schema, BATCH_ROWS);
    Clock clock = run.clock();
    boolean incremental = state != null && stream.hasCursor();
    Map<String, Object> last = new StreamReading(run).read(stream, state, new ReadListener() {
      @Override
      public boolean page(StreamSlice slice, HttpResult response, List<Map<String, Object>> records)
          throws InterruptedException {
        for (Map<String, Object> record : records) {
          batch.add(typing.row(record));
          if (batch.size() >= BATCH_ROWS) {
            output.emit(batch.build(clock.instant()));
          }
        }
        return true;
      }

      // A sync takes every page and sends nothing itself: the next page is fetched while this one is typed.
      @Override
      public boolean readsAhead() {
        return true;
      }

      @Override
      public boolean sliceDone(StreamSlice slice, Map<String, Object> sliceState) throws InterruptedException {
        flush(batch, output, clock);
        if (incremental && sliceState != null) {
          output.checkpoint(AirbyteStateMessage.stream(descriptor, JsonValues.toNode(sliceState)));
        }
        return true;
      }
    });
    flush(batch, output, clock);
    if (incremental && last != null) {
      output.checkpoint(AirbyteStateMessage.stream(descriptor, JsonValues.toNode(last)));
    }
  }

  private static void flush(RecordBatch.Builder batch, SourceOutput output, Clock clock) throws InterruptedException {
    if (!batch.isEmpty()) {
      output.emit(batch.build(clock.instant()));
    }
  }
}
