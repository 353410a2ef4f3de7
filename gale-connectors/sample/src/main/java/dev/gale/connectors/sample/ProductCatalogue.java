package dev.gale.connectors.sample;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The products stream: a fixed catalogue of {@value #SIZE} cars, the same for every seed and count (as Faker ships
 * one catalogue), so purchases of any sync refer to the same products.
 */
final class ProductCatalogue implements RowGenerator {
  static final int SIZE = 100;
  private static final long CATALOGUE_SEED = 20_240_101L;
  private static final String[][] MODELS = {
      {"Toyota", "Corolla", "Camry", "RAV4", "Prius"}, {"Honda", "Civic", "Accord", "CR-V", "Jazz"},
      {"Ford", "Focus", "Fiesta", "Mustang", "Ranger"}, {"Volkswagen", "Golf", "Passat", "Polo", "Tiguan"},
      {"BMW", "3 Series", "5 Series", "X3", "i3"}, {"Audi", "A3", "A4", "Q5", "TT"},
      {"Nissan", "Micra", "Leaf", "Qashqai", "Altima"}, {"Hyundai", "i30", "Elantra", "Tucson", "Kona"},
      {"Kia", "Rio", "Ceed", "Sportage", "Niro"}, {"Volvo", "V40", "V60", "XC60", "XC90"},
      {"Subaru", "Impreza", "Outback", "Forester", "Legacy"}, {"Mazda", "Mazda2", "Mazda3", "CX-5", "MX-5"}};
  private static final OffsetDateTime CREATED_FROM = RecordRandom.utc(2018, 1, 1);
  private static final long CREATED_SECONDS = CREATED_FROM.until(CursorPlan.ANCHOR, ChronoUnit.SECONDS);
  private static final Object[][] BASE_ROWS = catalogue();

  @Override
  public long size() {
    return SIZE;
  }

  // A copy per call: the batch that receives the row owns it.
  @Override
  public Object[] row(long id, OffsetDateTime updatedAt) {
    Object[] row = BASE_ROWS[(int) id - 1].clone();
    row[6] = updatedAt;
    return row;
  }

  private static Object[][] catalogue() {
    Object[][] rows = new Object[SIZE][];
    for (int i = 0; i < SIZE; i++) {
      long id = i + 1;
      SplittableRandom random = RecordRandom.of(CATALOGUE_SEED, RecordRandom.PRODUCTS, id);
      String[] make = MODELS[random.nextInt(MODELS.length)];
      rows[i] = new Object[] {
          id,
          make[0],
          make[1 + random.nextInt(make.length - 1)],
          1995L + random.nextInt(30),
          BigDecimal.valueOf(500_000 + random.nextLong(9_500_000), 2),
          RecordRandom.time(random, CREATED_FROM, CREATED_SECONDS),
          null
      };
    }
    return rows;
  }
}
