package dev.gale.connectors.sample;

import java.time.OffsetDateTime;

/**
 * Makes the records of one stream by id, ids running from 1 to {@link #size()}. Rows follow the column order of the
 * stream's JSON Schema in {@link SampleDataStreams}. Thread-safe: every call makes a new row from its arguments.
 */
interface RowGenerator {
  long size();

  /** The record {@code id}; everything in it is fixed by the seed and the id except {@code updatedAt}. */
  Object[] row(long id, OffsetDateTime updatedAt);
}
