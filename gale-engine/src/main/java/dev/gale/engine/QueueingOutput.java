package dev.gale.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.engine.Failure.Origin;
import dev.gale.engine.QueueItem.Checkpoint;
import dev.gale.engine.QueueItem.Records;
import dev.gale.engine.ReplicationListener.Side;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.StreamDescriptor;
import java.util.function.BiConsumer;

/**
 * The source side of a sync: what {@link dev.gale.connector.Source#read} writes into. Each batch is mapped to its
 * destination stream here, on the source's thread (which spreads the copying of field selection over the source's
 * threads rather than the single destination thread), then queued; checkpoints are queued behind the batches they
 * cover. Both block while the queue is full and throw {@link InterruptedException} once the sync is cancelled or
 * its destination side has stopped. Estimates, stream statuses and configuration updates bypass the queue
 * ({@link SideEvents}): they are news about the read, not data to write.
 *
 * <p>Thread-safe, for parallel sources: the queue keeps each thread's order, and a checkpoint queued after a batch
 * (in happens-before order) is taken after it.
 */
final class QueueingOutput implements SourceOutput {
  private final BatchQueue queue;
  private final StreamMapper mapper;
  private final SyncStats stats;
  private final ReplicationListener listener;
  private final BiConsumer<Origin, Throwable> failures;
  private final SideEvents events;
  private volatile boolean finished;

  QueueingOutput(BatchQueue queue, StreamMapper mapper, SyncStats stats, ReplicationListener listener,
                 BiConsumer<Origin, Throwable> failures) {
    this.queue = requireNonNull(queue, "queue is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.stats = requireNonNull(stats, "stats is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.failures = requireNonNull(failures, "failures is null");
    this.events = new SideEvents(Side.SOURCE, stats, listener);
  }

  @Override
  public void emit(RecordBatch batch) throws InterruptedException {
    requireOpen();
    if (batch.size() == 0) {
      return;
    }
    if (!mapper.knows(batch.schema().stream())) {
      throw new IllegalArgumentException("the source emitted records of " + batch.schema().stream()
          + ", which is not in the configured catalog");
    }
    RecordBatch mapped;
    try {
      mapped = mapper.map(batch);
    } catch (RuntimeException e) {
      // The engine's own fault, though it surfaces inside the source's read: say so before the source reports it.
      failures.accept(Origin.REPLICATION, e);
      throw e;
    }
    queue.put(new Records(batch.schema().stream(), mapped, batch.estimatedBytes()));
    stats.emitted(batch.schema().stream(), batch.size(), batch.estimatedBytes());
  }

  @Override
  public void checkpoint(AirbyteStateMessage state) throws InterruptedException {
    requireOpen();
    requireNonNull(state, "state is null");
    if (state.type() == AirbyteStateType.STREAM && !mapper.knows(state.stream().streamDescriptor())) {
      throw new IllegalArgumentException("the source emitted a state for " + state.stream().streamDescriptor()
          + ", which is not in the configured catalog");
    }
    queue.put(new Checkpoint(state));
    stats.stateEmitted(state);
  }

  @Override
  public void log(LogLevel level, String message) {
    listener.log(level, "source: " + message);
  }

  @Override
  public void estimate(Estimate estimate) {
    events.estimate(estimate);
  }

  @Override
  public void streamStatus(StreamDescriptor stream, StreamStatus status) {
    events.streamStatus(stream, status);
  }

  @Override
  public void configurationUpdated(JsonNode configuration) {
    events.configurationUpdated(configuration);
  }

  /** Called once the source's read has returned; anything emitted later is refused. */
  void finish() {
    finished = true;
  }

  private void requireOpen() throws InterruptedException {
    if (finished) {
      throw new IllegalStateException("the source emitted after its read returned");
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("the sync was cancelled");
    }
  }
}
