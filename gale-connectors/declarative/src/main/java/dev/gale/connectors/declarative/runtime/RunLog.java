package dev.gale.connectors.declarative.runtime;

import dev.gale.connector.data.SourceOutput.LogLevel;

/** Where a read's log lines go (the sync's log, or a test read's). Callers mask secrets before logging. */
@FunctionalInterface
public interface RunLog {
  RunLog NONE = (level, message) -> {};

  void log(LogLevel level, String message);
}
