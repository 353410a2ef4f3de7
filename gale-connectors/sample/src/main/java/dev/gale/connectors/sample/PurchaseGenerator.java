package dev.gale.connectors.sample;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Purchases of the users: in every ten users, one buys nothing, one buys twice and the others once, so ten users make
 * ten purchases (as in Faker) and purchase ids run from 1 without gaps, in the order of their users. Either way
 * between a purchase and its user is plain arithmetic, so any purchase can be made on its own.
 */
final class PurchaseGenerator implements RowGenerator {
  /** Purchases per user, by the user's place in its ten ({@code (userId - 1) % 10}). */
  private static final int[] PER_USER = {1, 1, 1, 1, 1, 1, 0, 1, 2, 1};
  /** The user's place in its ten, by the purchase's place in its ten ({@code (purchaseId - 1) % 10}). */
  private static final int[] USER_PLACE = {0, 1, 2, 3, 4, 5, 7, 8, 8, 9};
  private static final OffsetDateTime CREATED_FROM = RecordRandom.utc(2016, 1, 1);
  // Created at least 60 days before the anchor, so that every step of a purchase happened before it.
  private static final long CREATED_SECONDS =
      CREATED_FROM.until(CursorPlan.ANCHOR.minusDays(60), ChronoUnit.SECONDS);
  private static final long DAY = 86_400;

  private final long seed;
  private final long size;

  PurchaseGenerator(long seed, long users) {
    this.seed = seed;
    long inLastTen = 0;
    for (int place = 0; place < users % 10; place++) {
      inLastTen += PER_USER[place];
    }
    this.size = users / 10 * 10 + inLastTen;
  }

  @Override
  public long size() {
    return size;
  }

  static long userOf(long purchaseId) {
    return (purchaseId - 1) / 10 * 10 + USER_PLACE[(int) ((purchaseId - 1) % 10)] + 1;
  }

  @Override
  public Object[] row(long id, OffsetDateTime updatedAt) {
    SplittableRandom random = RecordRandom.of(seed, RecordRandom.PURCHASES, id);
    OffsetDateTime created = RecordRandom.time(random, CREATED_FROM, CREATED_SECONDS);
    OffsetDateTime addedToCart = created.plusSeconds(random.nextLong(3 * DAY));
    // Seven in ten carts are paid for, and one in seven paid purchases goes back.
    OffsetDateTime purchased = random.nextInt(10) < 7 ? addedToCart.plusSeconds(random.nextLong(2 * DAY)) : null;
    OffsetDateTime returned = purchased != null && random.nextInt(7) == 0
        ? purchased.plusSeconds(DAY + random.nextLong(29 * DAY)) : null;
    return new Object[] {
        id,
        userOf(id),
        1L + random.nextInt(ProductCatalogue.SIZE),
        created,
        updatedAt,
        addedToCart,
        purchased,
        returned
    };
  }
}
