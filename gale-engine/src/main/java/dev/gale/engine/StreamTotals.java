package dev.gale.engine;

/**
 * Counts for one stream (or all of them), as Airbyte reports them: emitted by the source, committed by the
 * destination (covered by a committed state), states seen, and what the source estimated it would read (0 when it
 * gave no estimate).
 */
public record StreamTotals(long recordsEmitted, long bytesEmitted, long recordsCommitted, long bytesCommitted,
                           long stateMessagesEmitted, long estimatedRecords, long estimatedBytes) {
  public static final StreamTotals ZERO = new StreamTotals(0, 0, 0, 0, 0, 0, 0);

  /** Counts without estimates. */
  public StreamTotals(long recordsEmitted, long bytesEmitted, long recordsCommitted, long bytesCommitted,
                      long stateMessagesEmitted) {
    this(recordsEmitted, bytesEmitted, recordsCommitted, bytesCommitted, stateMessagesEmitted, 0, 0);
  }

  public StreamTotals plus(StreamTotals other) {
    return new StreamTotals(recordsEmitted + other.recordsEmitted, bytesEmitted + other.bytesEmitted,
        recordsCommitted + other.recordsCommitted, bytesCommitted + other.bytesCommitted,
        stateMessagesEmitted + other.stateMessagesEmitted, estimatedRecords + other.estimatedRecords,
        estimatedBytes + other.estimatedBytes);
  }

  /** These counts with the estimates replaced. */
  StreamTotals withEstimate(long records, long bytes) {
    return new StreamTotals(recordsEmitted, bytesEmitted, recordsCommitted, bytesCommitted, stateMessagesEmitted,
        records, bytes);
  }
}
