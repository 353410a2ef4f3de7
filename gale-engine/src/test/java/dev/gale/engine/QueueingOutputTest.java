package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.engine.QueueItem.Checkpoint;
import dev.gale.engine.QueueItem.Records;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueingOutputTest {
  private static final StreamDescriptor ITEMS = StreamDescriptor.of("items");
  private final ConfiguredAirbyteCatalog catalog = new ScriptedSource(Script.of(1, 1, 1, "items")).configuredCatalog();
  private final BatchQueue queue = new BatchQueue(10, 1 << 20);
  private final SyncStats stats = new SyncStats(catalog);
  private final RecordingListener listener = new RecordingListener();
  private final List<Failure.Origin> failures = new ArrayList<>();
  private final QueueingOutput output = new QueueingOutput(queue, new StreamMapper(catalog, StreamMapping.identity()),
      stats, listener, (origin, error) -> failures.add(origin));

  @Test
  void queuesBatchesAndCheckpointsInOrderAndCountsThem() throws Exception {
    Records batch = BatchQueueTest.records(3);

    output.emit(batch.batch());
    output.emit(RecordBatch.builder(batch.batch().schema(), 0).build(Instant.EPOCH));
    output.checkpoint(ScriptedSource.state(ITEMS, 3));
    output.log(LogLevel.INFO, "read 3 items");

    assertThat(queue.take()).isEqualTo(new Records(ITEMS, batch.batch(), batch.bytes()));
    assertThat(queue.take()).isEqualTo(new Checkpoint(ScriptedSource.state(ITEMS, 3)));
    assertThat(queue.size()).isZero();
    assertThat(stats.snapshot().streams().get(ITEMS)).isEqualTo(new StreamTotals(3, batch.bytes(), 0, 0, 1));
    assertThat(listener.logs()).containsExactly("INFO source: read 3 items");
  }

  @Test
  void refusesStreamsOutsideTheCatalogAsTheSourcesMistake() {
    RecordSchema other = RecordSchema.fromJsonSchema(StreamDescriptor.of("other"), Json.parse(ScriptedSource.SCHEMA));
    RecordBatch batch = RecordBatch.builder(other, 1).add(new Object[] {1L, "x", null}).build(Instant.EPOCH);

    assertThatThrownBy(() -> output.emit(batch)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> output.checkpoint(ScriptedSource.state(StreamDescriptor.of("other"), 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(failures).as("no engine failure recorded").isEmpty();
  }

  @Test
  void refusesEmitsAfterTheReadReturnedAndStopsOnInterrupt() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> output.emit(BatchQueueTest.records(1).batch())).isInstanceOf(InterruptedException.class);

    output.finish();
    assertThatThrownBy(() -> output.checkpoint(ScriptedSource.state(ITEMS, 1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
