package dev.gale.connectors.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary {@code numeric}: int16 count of base-10000 digits, int16 weight (power of 10000 of the first
 * digit), int16 sign, int16 display scale, then the digits. NaN and the infinities have their own signs and no
 * digits; {@link BigDecimal} cannot hold them, so they travel as {@link Double}s.
 */
public final class PgNumeric {
  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  static final int PLUS_INFINITY = 0xD000;
  static final int MINUS_INFINITY = 0xF000;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private PgNumeric() {}

  /** A {@link BigDecimal} with the column's display scale, or a {@link Double} for NaN and the infinities. */
  public static Number decode(byte[] buffer, int offset) {
    int digitCount = Bytes.int16(buffer, offset);
    int weight = (short) Bytes.int16(buffer, offset + 2);
    int sign = Bytes.int16(buffer, offset + 4);
    int scale = Bytes.int16(buffer, offset + 6);
    switch (sign) {
      case NAN -> {
        return Double.NaN;
      }
      case PLUS_INFINITY -> {
        return Double.POSITIVE_INFINITY;
      }
      case MINUS_INFINITY -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> { }
    }
    if (digitCount == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    // Up to 4 base-10000 digits fit a long (16 decimal digits); beyond that, BigInteger.
    BigDecimal value;
    if (digitCount <= 4) {
      long unscaled = 0;
      for (int i = 0; i < digitCount; i++) {
        unscaled = unscaled * 10_000 + Bytes.int16(buffer, offset + 8 + 2 * i);
      }
      value = BigDecimal.valueOf(unscaled, -4 * (weight - digitCount + 1));
    } else {
      BigInteger unscaled = BigInteger.ZERO;
      for (int i = 0; i < digitCount; i++) {
        unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(Bytes.int16(buffer, offset + 8 + 2 * i)));
      }
      value = new BigDecimal(unscaled, -4 * (weight - digitCount + 1));
    }
    value = value.setScale(scale, RoundingMode.UNNECESSARY);
    return sign == NEGATIVE ? value.negate() : value;
  }

  /** The binary form of {@code value}; negative scales are written as scale 0. */
  public static byte[] encode(BigDecimal value) {
    int scale = Math.max(0, value.scale());
    BigDecimal magnitude = value.abs().setScale(scale, RoundingMode.UNNECESSARY);
    String digits = magnitude.unscaledValue().toString();
    int integerDigits = digits.length() - scale;
    if (integerDigits < 0) {
      digits = "0".repeat(-integerDigits) + digits;
      integerDigits = 0;
    }
    // Pad the integer part on the left and the fraction on the right to whole groups of four decimal digits.
    int leftPad = Math.floorMod(-integerDigits, 4);
    String padded = "0".repeat(leftPad) + digits + "0".repeat(Math.floorMod(-scale, 4));
    int groups = padded.length() / 4;
    int weight = (integerDigits + leftPad) / 4 - 1;
    int first = 0;
    int last = groups - 1;
    while (first <= last && group(padded, first) == 0) {
      first++;
    }
    while (last >= first && group(padded, last) == 0) {
      last--;
    }
    int count = last - first + 1;
    byte[] out = new byte[8 + 2 * Math.max(count, 0)];
    if (count <= 0) {
      Bytes.putInt16(out, 0, 0);
      Bytes.putInt16(out, 2, 0);
      Bytes.putInt16(out, 4, POSITIVE);
    } else {
      Bytes.putInt16(out, 0, count);
      Bytes.putInt16(out, 2, weight - first);
      Bytes.putInt16(out, 4, value.signum() < 0 ? NEGATIVE : POSITIVE);
      for (int i = 0; i < count; i++) {
        Bytes.putInt16(out, 8 + 2 * i, group(padded, first + i));
      }
    }
    Bytes.putInt16(out, 6, scale);
    return out;
  }

  /** The binary form of NaN or an infinity (infinities need PostgreSQL 14 or newer). */
  public static byte[] encodeSpecial(double value) {
    byte[] out = new byte[8];
    Bytes.putInt16(out, 4, Double.isNaN(value) ? NAN : value > 0 ? PLUS_INFINITY : MINUS_INFINITY);
    return out;
  }

  private static int group(String padded, int index) {
    return Integer.parseInt(padded, 4 * index, 4 * index + 4, 10);
  }
}
