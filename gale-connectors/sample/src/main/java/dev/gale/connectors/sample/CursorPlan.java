package dev.gale.connectors.sample;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where the read of a stream starts and which {@code updated_at} its records get: record {@code id} is updated at
 * {@code base + id} microseconds. Cursor values are therefore unique within a stream and grow with the id, so resuming
 * strictly after the cursor of a state skips nothing (no other record can share that value).
 *
 * <ul>
 *   <li>Without {@code always_updated}, the base is a fixed {@link #ANCHOR}: records never change, and an
 *       incremental read resumes at the first id whose {@code updated_at} is after the cursor. Once every record was
 *       read, later syncs emit nothing until {@code count} grows.</li>
 *   <li>With {@code always_updated}, every sync updates every record: the base is the sync's start (or the cursor, if
 *       that is later), and an incremental read emits all records again with values after the cursor.</li>
 * </ul>
 */
record CursorPlan(long firstId, OffsetDateTime base) {
  static final OffsetDateTime ANCHOR = RecordRandom.utc(2024, 1, 1);

  static CursorPlan of(boolean alwaysUpdated, Optional<OffsetDateTime> cursor, OffsetDateTime syncStart) {
    if (alwaysUpdated) {
      OffsetDateTime start = syncStart.truncatedTo(ChronoUnit.MICROS);
      return new CursorPlan(1, cursor.filter(start::isBefore).orElse(start));
    }
    long firstId = cursor.map(value -> Math.max(0, ChronoUnit.MICROS.between(ANCHOR, value)) + 1).orElse(1L);
    return new CursorPlan(firstId, ANCHOR);
  }

  OffsetDateTime updatedAt(long id) {
    return base.plus(id, ChronoUnit.MICROS);
  }
}
