package dev.gale.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A listener for engine tests: keeps committed states, log lines, stream statuses, configuration updates
 * and the last progress. A check may run at each
 * commit (while the engine waits for it, so it sees the destination exactly as the commit does); it may throw to
 * make the commit fail.
 */
class RecordingListener implements ReplicationListener {
  private final List<AirbyteStateMessage> committed = new ArrayList<>();
  private final List<String> logs = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final Consumer<AirbyteStateMessage> atCommit;
  private volatile SyncTotals progress;

  RecordingListener() {
    this(state -> {});
  }

  RecordingListener(Consumer<AirbyteStateMessage> atCommit) {
    this.atCommit = atCommit;
  }

  @Override
  public void commitState(AirbyteStateMessage state) {
    atCommit.accept(state);
    synchronized (this) {
      committed.add(state);
    }
  }

  @Override
  public synchronized void log(LogLevel level, String message) {
    logs.add(level + " " + message);
  }

  @Override
  public void progress(SyncTotals totals) {
    progress = totals;
  }

  @Override
  public synchronized void streamStatus(Side side, StreamDescriptor stream, StreamStatus status) {
    events.add(side + " " + stream + " " + status);
  }

  @Override
  public synchronized void configurationUpdated(Side side, JsonNode configuration) {
    events.add(side + " configuration " + configuration);
  }

  /** Stream statuses and configuration updates, as "SIDE stream STATUS" and "SIDE configuration {json}". */
  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized List<AirbyteStateMessage> committed() {
    return List.copyOf(committed);
  }

  synchronized List<String> logs() {
    return List.copyOf(logs);
  }

  /** The latest totals reported, or {@code null} before the first report. */
  SyncTotals progress() {
    return progress;
  }
}
