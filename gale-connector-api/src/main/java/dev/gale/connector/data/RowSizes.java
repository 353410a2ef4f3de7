package dev.gale.connector.data;

/**
 * Estimates what a row would weigh as JSON, without writing it: Airbyte reports bytes as serialized records, and
 * users compare the numbers. Exactness is not needed; cheapness is.
 */
final class RowSizes {
  private RowSizes() {}

  static long estimate(Object[] row) {
    long bytes = 2; // braces
    for (Object value : row) {
      bytes += 4 + size(value); // quotes, colon and comma around a name of typical length come on top
    }
    return bytes;
  }

  private static long size(Object value) {
    return switch (value) {
      case null -> 4;
      case String s -> s.length() + 2;
      case Boolean b -> b ? 4 : 5;
      case Long l -> digits(l);
      case Integer i -> digits(i);
      case byte[] bytes -> (bytes.length + 2) / 3 * 4 + 2;
      default -> value.toString().length() + 2;
    };
  }

  private static int digits(long value) {
    if (value == Long.MIN_VALUE) {
      return 20;
    }
    long abs = Math.abs(value);
    int digits = 1;
    while (abs >= 10) {
      abs /= 10;
      digits++;
    }
    return value < 0 ? digits + 1 : digits;
  }
}
