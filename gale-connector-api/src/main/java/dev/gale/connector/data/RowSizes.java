package dev.gale.connector.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

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
      // Measured: toString() on these cost more than decoding them from a database. Their JSON text has a size
      // known from the type (ISO dates and times), or from cheap arithmetic (digits of a decimal).
      case Double d -> 20;
      case BigDecimal d -> d.precision() + 2;
      case BigInteger i -> i.bitLength() * 3 / 10 + 2;
      case OffsetDateTime t -> 34;
      case LocalDateTime t -> 28;
      case LocalDate t -> 12;
      case OffsetTime t -> 23;
      case LocalTime t -> 17;
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
