package dev.gale.engine;

/**
 * Counts for one stream (or all of them), as Airbyte reports them: emitted by the source, committed by the
 * destination (covered by a committed state), and states seen.
 */
public record StreamTotals(long recordsEmitted, long bytesEmitted, long recordsCommitted, long bytesCommitted,
                           long stateMessagesEmitted) {
  public static final StreamTotals ZERO = new StreamTotals(0, 0, 0, 0, 0);

  public StreamTotals plus(StreamTotals other) {
    return new StreamTotals(recordsEmitted + other.recordsEmitted, bytesEmitted + other.bytesEmitted,
        recordsCommitted + other.recordsCommitted, bytesCommitted + other.bytesCommitted,
        stateMessagesEmitted + other.stateMessagesEmitted);
  }
}
