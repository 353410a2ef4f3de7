package dev.gale.connectors.external;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a source hands over, and the order of batches, checkpoints, estimates, stream statuses and configuration
 * updates as events.
 */
final class RecordingOutput implements SourceOutput {
  final List<RecordBatch> batches = new ArrayList<>();
  final List<AirbyteStateMessage> states = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  final List<String> logs = new ArrayList<>();

  @Override
  public synchronized void emit(RecordBatch batch) {
    batches.add(batch);
    events.add("batch " + batch.schema().stream() + " " + batch.size());
  }

  @Override
  public synchronized void checkpoint(AirbyteStateMessage state) {
    states.add(state);
    events.add("state " + state.type());
  }

  @Override
  public synchronized void estimate(Estimate estimate) {
    events.add("estimate " + (estimate.stream() == null ? "sync" : estimate.stream()) + " " + estimate.records() + " "
        + estimate.bytes());
  }

  @Override
  public synchronized void streamStatus(StreamDescriptor stream, StreamStatus status) {
    events.add("status " + stream + " " + status);
  }

  @Override
  public synchronized void configurationUpdated(JsonNode configuration) {
    events.add("configuration " + configuration);
  }

  @Override
  public synchronized void log(LogLevel level, String message) {
    logs.add(level + " " + message);
  }

  synchronized List<Object[]> rows() {
    return batches.stream().flatMap(batch -> batch.rows().stream()).toList();
  }

  synchronized List<String> logs() {
    return List.copyOf(logs);
  }
}
