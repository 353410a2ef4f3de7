package dev.gale.connectors.declarative;

/**
 * How much a test read reads at most, as Airbyte's connector builder bounds it.
 *
 * @param maxRecords records over all slices (the builder's default is 100)
 * @param maxPagesPerSlice pages of one slice (5)
 * @param maxSlices slices (5)
 * @param maxBodyChars characters of each response body kept in the result; longer bodies are cut
 */
public record TestReadLimits(int maxRecords, int maxPagesPerSlice, int maxSlices, int maxBodyChars) {
  public static final TestReadLimits DEFAULT = new TestReadLimits(100, 5, 5, 100_000);

  public TestReadLimits {
    if (maxRecords < 1 || maxPagesPerSlice < 1 || maxSlices < 1 || maxBodyChars < 0) {
      throw new IllegalArgumentException("test read limits must be positive");
    }
  }
}
