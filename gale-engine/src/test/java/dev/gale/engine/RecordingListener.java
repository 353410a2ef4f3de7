package dev.gale.engine;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.AirbyteStateMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A listener for engine tests: keeps committed states, log lines and the last progress. A check may run at each
 * commit (while the engine waits for it, so it sees the destination exactly as the commit does); it may throw to
 * make the commit fail.
 */
final class RecordingListener implements ReplicationListener {
  private final List<AirbyteStateMessage> committed = new ArrayList<>();
  private final List<String> logs = new ArrayList<>();
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
