package dev.gale.connector.contract;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SourceOutput} that keeps everything a source hands over, in order, for tests to look at. Like the engine's,
 * it throws {@link InterruptedException} once the reading thread is interrupted. Thread-safe, for parallel sources.
 */
public final class RecordingOutput implements SourceOutput {
  private final List<Event> events = new ArrayList<>();
  private final List<String> logs = new ArrayList<>();

  /** What the source handed over: a batch or a checkpoint. */
  public sealed interface Event {
    /** Whether this event is about {@code stream}: a batch of it, or a checkpoint that covers it. */
    boolean concerns(StreamDescriptor stream);
  }

  public record Batch(RecordBatch batch) implements Event {
    @Override
    public boolean concerns(StreamDescriptor stream) {
      return batch.schema().stream().equals(stream);
    }
  }

  public record Checkpoint(AirbyteStateMessage state) implements Event {
    /** A STREAM state covers its stream; GLOBAL and LEGACY states cover every stream. */
    @Override
    public boolean concerns(StreamDescriptor stream) {
      return state.type() != AirbyteStateType.STREAM || state.stream().streamDescriptor().equals(stream);
    }
  }

  @Override
  public synchronized void emit(RecordBatch batch) throws InterruptedException {
    checkInterrupt();
    if (batch.size() > 0) {
      events.add(new Batch(batch));
    }
  }

  @Override
  public synchronized void checkpoint(AirbyteStateMessage state) throws InterruptedException {
    checkInterrupt();
    events.add(new Checkpoint(state));
  }

  @Override
  public synchronized void log(LogLevel level, String message) {
    logs.add(level + " " + message);
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public synchronized List<RecordBatch> batches() {
    return events.stream().filter(Batch.class::isInstance).map(event -> ((Batch) event).batch()).toList();
  }

  public synchronized List<AirbyteStateMessage> checkpoints() {
    return events.stream().filter(Checkpoint.class::isInstance).map(event -> ((Checkpoint) event).state()).toList();
  }

  /** The rows of one stream, in the order they were emitted. */
  public synchronized List<Object[]> rows(StreamDescriptor stream) {
    return batches().stream().filter(batch -> batch.schema().stream().equals(stream))
        .flatMap(batch -> batch.rows().stream()).toList();
  }

  public synchronized List<String> logs() {
    return List.copyOf(logs);
  }

  private static void checkInterrupt() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("the read was interrupted");
    }
  }
}
