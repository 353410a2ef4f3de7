package dev.gale.server.domain;

/**
 * Counters of a sync attempt, for the attempt as a whole or for one stream. Estimates come from the source's trace
 * messages and are 0 when the source gave none.
 */
public record SyncStats(
    long recordsEmitted,
    long bytesEmitted,
    long recordsCommitted,
    long bytesCommitted,
    long stateMessagesEmitted,
    long estimatedRecords,
    long estimatedBytes) {

  public static final SyncStats ZERO = new SyncStats(0, 0, 0, 0, 0, 0, 0);

  public SyncStats {
    if (recordsEmitted < 0 || bytesEmitted < 0 || recordsCommitted < 0 || bytesCommitted < 0
        || stateMessagesEmitted < 0 || estimatedRecords < 0 || estimatedBytes < 0) {
      throw new IllegalArgumentException("stats cannot be negative: " + this);
    }
  }

  public SyncStats plus(SyncStats other) {
    return new SyncStats(recordsEmitted + other.recordsEmitted, bytesEmitted + other.bytesEmitted,
        recordsCommitted + other.recordsCommitted, bytesCommitted + other.bytesCommitted,
        stateMessagesEmitted + other.stateMessagesEmitted, estimatedRecords + other.estimatedRecords,
        estimatedBytes + other.estimatedBytes);
  }
}
