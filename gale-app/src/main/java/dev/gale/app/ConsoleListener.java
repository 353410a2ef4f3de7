package dev.gale.app;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.engine.ReplicationListener;
import dev.gale.engine.StreamTotals;
import dev.gale.engine.SyncTotals;
import dev.gale.protocol.AirbyteStateMessage;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The command's listener: committed states go to the {@link CommittedState}, log lines (INFO and up) and progress to
 * the console. Engine and connectors promise that log lines hold no secret; this prints nothing else.
 */
final class ConsoleListener implements ReplicationListener {
  private final PrintWriter console;
  private final CommittedState state;
  private final long startedNanos;

  /** @param startedNanos {@link System#nanoTime()} when the command started, for rates since then */
  ConsoleListener(PrintWriter console, CommittedState state, long startedNanos) {
    this.console = requireNonNull(console, "console is null");
    this.state = requireNonNull(state, "state is null");
    this.startedNanos = startedNanos;
  }

  @Override
  public void commitState(AirbyteStateMessage committed) {
    state.commit(committed);
  }

  @Override
  public void log(LogLevel level, String message) {
    if (level != LogLevel.DEBUG) {
      console.println(level + " " + message);
      console.flush();
    }
  }

  @Override
  public void progress(SyncTotals totals) {
    StreamTotals total = totals.total();
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    console.println(String.format(Locale.ROOT, "[%6.1f s] %,d records read (%s), %,d committed, %,.0f rows/s",
        seconds, total.recordsEmitted(), SyncSummary.megabytes(total.bytesEmitted()), total.recordsCommitted(),
        total.recordsEmitted() / seconds));
    console.flush();
  }
}
