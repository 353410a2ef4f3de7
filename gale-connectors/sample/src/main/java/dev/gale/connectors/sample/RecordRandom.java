package dev.gale.connectors.sample;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Randomness per record: a record's values depend only on the seed, its stream and its id, so records can be made
 * in any order and on any thread (parallel generation stays deterministic) and a resumed read makes the same records
 * without making the ones it skips.
 */
final class RecordRandom {
  static final int USERS = 1;
  static final int PRODUCTS = 2;
  static final int PURCHASES = 3;

  private RecordRandom() {}

  static SplittableRandom of(long seed, int stream, long id) {
    return new SplittableRandom(mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L + id)));
  }

  static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A UTC time, to the second, in {@code [from, from + seconds)}. */
  static OffsetDateTime time(SplittableRandom random, OffsetDateTime from, long seconds) {
    return from.plusSeconds(random.nextLong(seconds));
  }

  static OffsetDateTime utc(int year, int month, int day) {
    return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, ZoneOffset.UTC);
  }

  /** SplitMix64's finalizer: spreads nearby inputs (ids 1, 2, 3...) over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
