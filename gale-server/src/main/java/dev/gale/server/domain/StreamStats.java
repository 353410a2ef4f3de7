package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

/** The counters of one stream in an attempt. */
public record StreamStats(StreamDescriptor stream, SyncStats stats) {
  public StreamStats {
    requireNonNull(stream, "stream is null");
    requireNonNull(stats, "stats is null");
  }
}
