package dev.gale.connectors.s3;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code _airbyte_raw_id} values: random (version 4) UUIDs from a fast generator seeded once from
 * {@link SecureRandom}. {@link UUID#randomUUID()} asks {@code SecureRandom} for every id, which was about 8% of the
 * CPU time of writing a Parquet row; the ids must be unique, not unpredictable. Not thread-safe: one per writer.
 */
final class RawIds {
  private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

  String next() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
