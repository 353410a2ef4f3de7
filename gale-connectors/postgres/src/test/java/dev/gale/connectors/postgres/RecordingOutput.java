package dev.gale.connectors.postgres;

import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
import java.util.ArrayList;
import java.util.List;

/** A source output that keeps what it gets, in order: batches and checkpoints as events, and log lines. */
public class RecordingOutput implements SourceOutput {
  /** A batch or a checkpoint, in the order the source gave them. */
  public sealed interface Event permits Batch, Checkpoint {}

  public record Batch(RecordBatch batch) implements Event {}

  public record Checkpoint(AirbyteStateMessage state) implements Event {}

  public final List<Event> events = new ArrayList<>();
  public final List<String> logs = new ArrayList<>();

  @Override
  public synchronized void emit(RecordBatch batch) {
    if (batch.size() > 0) {
      events.add(new Batch(batch));
    }
  }

  @Override
  public synchronized void checkpoint(AirbyteStateMessage state) {
    events.add(new Checkpoint(state));
  }

  @Override
  public synchronized void log(LogLevel level, String message) {
    logs.add(level + " " + message);
  }

  public List<Object[]> rows() {
    return events.stream().filter(Batch.class::isInstance).flatMap(e -> ((Batch) e).batch().rows().stream()).toList();
  }

  public List<AirbyteStateMessage> states() {
    return events.stream().filter(Checkpoint.class::isInstance).map(e -> ((Checkpoint) e).state()).toList();
  }
}
