package dev.gale.connectors.external;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few error lines of a connector (stderr, ERROR and FATAL log messages), already masked, to explain a
 * failure it gives no reason for, such as a non-zero exit. Each is cut to a length a failure reason can carry.
 * Thread-safe: stdout and stderr are read on different threads.
 */
final class ErrorLines {
  private static final int KEPT = 5;
  private static final int MAX_CHARS = 500;

  private final Deque<String> lines = new ArrayDeque<>();

  synchronized void add(String line) {
    if (lines.size() == KEPT) {
      lines.removeFirst();
    }
    lines.addLast(line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) + "..." : line);
  }

  /** The lines kept, oldest first, joined with {@code " | "}; empty when there were none. */
  synchronized String joined() {
    return String.join(" | ", lines);
  }
}
