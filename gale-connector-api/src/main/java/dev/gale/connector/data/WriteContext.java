package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import java.util.function.BiConsumer;

/**
 * What a destination knows of the sync it writes for.
 *
 * @param syncId unique per sync (the job id); destinations record it in {@code _airbyte_meta}
 * @param log where the destination's lines for the attempt's log go; never a secret value
 */
public record WriteContext(long syncId, BiConsumer<SourceOutput.LogLevel, String> log) {
  public WriteContext {
    requireNonNull(log, "log is null");
  }
}
