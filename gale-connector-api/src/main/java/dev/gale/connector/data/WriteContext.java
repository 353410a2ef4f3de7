package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import java.util.function.BiConsumer;

/**
 * What a destination knows of the sync it writes for.
 *
 * @param syncId unique per sync (the job id); destinations record it in {@code _airbyte_meta}
 * @param log where the destination's lines for the attempt's log go; never a secret value
 * @param events where a destination reports stream statuses or an update of its own configuration (see
 *     {@link SyncEvents}); callable from any of the destination's threads
 */
public record WriteContext(long syncId, BiConsumer<SourceOutput.LogLevel, String> log, SyncEvents events) {
  public WriteContext {
    requireNonNull(log, "log is null");
    requireNonNull(events, "events is null");
  }

  /** A context whose events go nowhere: for tests and tools that write without a platform listening. */
  public WriteContext(long syncId, BiConsumer<SourceOutput.LogLevel, String> log) {
    this(syncId, log, SyncEvents.NONE);
  }
}
